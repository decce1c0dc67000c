"""AR106 asyncio-async: scheduling a coroutine with asyncio.async()."""
import asyncio


async def job():
    return "job ran"


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
try:
    task = asyncio.async(job())
    print(loop.run_until_complete(task))
finally:
    loop.close()
