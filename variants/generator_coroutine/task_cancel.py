"""task_cancel: a task cancelled after 3 s; the awaiter handles CancelledError.

Style generator_coroutine (3.4-3.10): asyncio.ensure_future() schedules the
coroutine as a Task (asyncio.create_task() only exists from 3.7), and a
callback from loop.call_later() cancels it.
"""
import asyncio


@asyncio.coroutine
def worker():
    print("worker starts a 5 s job")
    try:
        yield from asyncio.sleep(5)
    except asyncio.CancelledError:
        print("worker cancelled, cleaning up")
        raise
    print("worker finished")


@asyncio.coroutine
def main():
    loop = asyncio.get_event_loop()
    task = asyncio.ensure_future(worker())
    loop.call_later(3, task.cancel)
    try:
        yield from task
    except asyncio.CancelledError:
        print("main sees the task cancelled:", task.cancelled())


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
