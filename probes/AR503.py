"""AR503 except-exception-swallows-cancel: 'except Exception' around an await in a task that gets cancelled."""
import asyncio


async def worker():
    try:
        await asyncio.sleep(10)
    except Exception as exc:
        print("worker caught", type(exc).__name__)
        return "swallowed"


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
