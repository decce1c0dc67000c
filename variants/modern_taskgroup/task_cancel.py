"""task_cancel: a task cancelled after 3 s; the awaiter handles CancelledError.

Style modern_taskgroup (3.11+): the Task is created in a TaskGroup, and a
callback from loop.call_later() cancels it. A child cancelled from outside is
not an error for the group: only main, which awaits it, sees CancelledError.
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
    loop = asyncio.get_running_loop()
    async with asyncio.TaskGroup() as tg:
        task = tg.create_task(worker())
        loop.call_later(3, task.cancel)
        try:
            await task
        except asyncio.CancelledError:
            print("main sees the task cancelled:", task.cancelled())


if __name__ == "__main__":
    asyncio.run(main())
