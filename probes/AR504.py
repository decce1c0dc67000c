"""AR504 return-in-finally: 'return' in a finally block of a task that gets cancelled."""
import asyncio


async def worker():
    try:
        await asyncio.sleep(10)
    finally:
        return "from finally"


async def main():
    task = asyncio.ensure_future(worker())
    await asyncio.sleep(1)
    task.cancel()
    try:
        print("task returned:", await task)
    except asyncio.CancelledError:
        print("task cancelled:", task.cancelled())


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()
