"""task_factory: a task factory that numbers every task the loop creates and reports when each is done.

Style modern_taskgroup (3.11+): asyncio.get_running_loop().set_task_factory()
inside main(); tg.create_task() goes through loop.create_task(), so TaskGroup
children are made by the factory too (main's own task was made by
asyncio.run() before the factory was set). The factory accepts **kwargs and
passes them on to asyncio.Task: 3.14 forwards create_task()'s keyword
arguments (the name= below, context=) to the factory, and a two-argument
factory then fails with TypeError (3.11-3.13 set the name after the factory
returns). The factory belongs to the loop, not to main(): restore the
previous one when done.
"""
import asyncio

JOBS = (("A", 2), ("B", 1))


def make_counting_factory():
    labels = {}

    def factory(loop, coro, **kwargs):
        task = asyncio.Task(coro, loop=loop, **kwargs)
        labels[task] = "task #" + str(len(labels) + 1)
        print("factory made", labels[task])
        # Registered first, so it runs before whoever awaits the task resumes.
        task.add_done_callback(lambda task: print(labels[task], "done:", task.result()))
        return task

    return factory


async def job(name, seconds):
    await asyncio.sleep(seconds)
    return name


async def main():
    loop = asyncio.get_running_loop()
    previous = loop.get_task_factory()
    print("task factory before:", previous)
    factory = make_counting_factory()
    loop.set_task_factory(factory)
    print("factory installed:", loop.get_task_factory() is factory)
    try:
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(job(name, seconds), name=name) for name, seconds in JOBS]
    finally:
        loop.set_task_factory(previous)
    print("results:", [task.result() for task in tasks])
    print("task factory after:", loop.get_task_factory())


if __name__ == "__main__":
    asyncio.run(main())
