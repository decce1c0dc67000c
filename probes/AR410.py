"""AR410 task-factory-kwargs: a task factory written as factory(loop, coro), with create_task(name=) and (context=)."""
import asyncio


def factory(loop, coro):
    return asyncio.Task(coro, loop=loop)


async def job():
    return "job ran"


async def main():
    task = asyncio.get_event_loop().create_task(job(), name="job")
    print(task.get_name(), await task)
    import contextvars  # 3.7+
    coro = job()
    try:
        task = asyncio.get_event_loop().create_task(coro, context=contextvars.copy_context())
    except TypeError as error:  # before 3.11 create_task() has no context=; from 3.11 it reaches the factory
        coro.close()
        if "factory()" in str(error):
            print("context=: TypeError:", error)
        else:
            print("context=: not in create_task()")
    else:
        print("context=:", await task)


loop = asyncio.new_event_loop()
loop.set_task_factory(factory)
try:
    loop.run_until_complete(main())
finally:
    loop.close()
