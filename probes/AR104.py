"""AR104 yield-from-coroutine-in-generator: yield from an async def coroutine inside an undecorated generator."""
import asyncio


async def job():
    return "job ran"


def legacy():
    result = yield from job()
    return result


loop = asyncio.new_event_loop()
try:
    print(loop.run_until_complete(legacy()))
finally:
    loop.close()
