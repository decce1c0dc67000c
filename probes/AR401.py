"""AR401 task-class-methods: asyncio.Task.current_task() and asyncio.Task.all_tasks()."""
import asyncio


async def main():
    print("current task found:", asyncio.Task.current_task() is not None)
    print("tasks:", len(asyncio.Task.all_tasks()))


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()
