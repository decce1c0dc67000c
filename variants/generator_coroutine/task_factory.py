"""task_factory: a task factory that numbers every task the loop creates and reports when each is done.

Style generator_coroutine (3.4-3.10): loop.set_task_factory(factory) makes
every loop.create_task(), and so every ensure_future(coroutine), call
factory(loop, coro), which must return a Task; get_task_factory() returns it
(None means the default). The factory accepts **kwargs and passes them on to
asyncio.Task: 3.14 forwards create_task()'s keyword arguments (name=,
context=) to the factory, and a two-argument factory then fails with
TypeError. The factory belongs to the loop, not to main(): restore the
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


@asyncio.coroutine
def job(name, seconds):
    yield from asyncio.sleep(seconds)
    return name


@asyncio.coroutine
def main():
    loop = asyncio.get_event_loop()
    previous = loop.get_task_factory()
    print("task factory before:", previous)
    factory = make_counting_factory()
    loop.set_task_factory(factory)
    print("factory installed:", loop.get_task_factory() is factory)
    try:
        tasks = [asyncio.ensure_future(job(name, seconds)) for name, seconds in JOBS]
        yield from asyncio.gather(*tasks)
    finally:
        loop.set_task_factory(previous)
    print("results:", [task.result() for task in tasks])
    print("task factory after:", loop.get_task_factory())


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
