"""AR402 all-tasks-semantics: which tasks asyncio.all_tasks() (or Task.all_tasks() before 3.7) returns."""
import asyncio

all_tasks = asyncio.all_tasks if hasattr(asyncio, "all_tasks") else asyncio.Task.all_tasks


async def job():
    return "done"


async def main():
    finished = asyncio.ensure_future(job())
    await finished
    print("a finished task is listed:", finished in all_tasks())


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main())
    print("outside the loop:", len(all_tasks(loop)))
finally:
    loop.close()
