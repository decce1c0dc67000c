"""AR407 as-completed-async-for: 'async for' over asyncio.as_completed()."""
import asyncio


async def job(n):
    await asyncio.sleep(n)
    return n


async def main():
    tasks = [asyncio.ensure_future(job(2)), asyncio.ensure_future(job(1))]
    try:
        async for task in asyncio.as_completed(tasks):
            print("got one of the tasks itself:", task in tasks, await task)
    finally:
        await asyncio.wait(tasks)


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()
