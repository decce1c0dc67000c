"""AR410 task-factory-kwargs: a task factory written as factory(loop, coro), with create_task(name=)."""
import asyncio


def factory(loop, coro):
    return asyncio.Task(coro, loop=loop)


async def job():
    return "job ran"


async def main():
    task = asyncio.get_event_loop().create_task(job(), name="job")
    print(task.get_name(), await task)


loop = asyncio.new_event_loop()
loop.set_task_factory(factory)
try:
    loop.run_until_complete(main())
finally:
    loop.close()
