"""AR408 as-completed-outside-loop: asyncio.as_completed() called outside a running loop, each result run to completion."""
import asyncio


async def job(n):
    await asyncio.sleep(n)
    return n


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
try:
    tasks = [loop.create_task(job(2)), loop.create_task(job(1))]
    try:
        for future in asyncio.as_completed(tasks):
            print("result:", loop.run_until_complete(future))
    finally:
        loop.run_until_complete(asyncio.wait(tasks))
finally:
    asyncio.set_event_loop(None)
    loop.close()
