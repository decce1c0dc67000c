"""AR125 private-all-tasks: asyncio.tasks._all_tasks, the registry of every task of every loop (3.7-3.11)."""
import asyncio
import asyncio.tasks


async def main():
    # What monitoring tools and leak checks of the time read: all_tasks() sees one loop only.
    pending = [task for task in asyncio.tasks._all_tasks if not task.done()]
    print("unfinished tasks in the registry:", len(pending))


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(loop.create_task(main()))
finally:
    loop.close()
