"""task_cancel: a task cancelled after 3 s; the awaiter handles CancelledError.

Style async_await (3.5-3.13): asyncio.ensure_future() schedules the
coroutine as a Task (asyncio.create_task() only exists from 3.7), and a
callback from loop.call_later() cancels it.
"""
import asyncio


async def worker():
    print("worker starts a 5 s job")
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("worker cancelled, cleaning up")
        raise
    print("worker finished")


async def main():
    loop = asyncio.get_event_loop()
    task = asyncio.ensure_future(worker())
    loop.call_later(3, task.cancel)
    try:
        await task
    except asyncio.CancelledError:
        print("main sees the task cancelled:", task.cancelled())


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
