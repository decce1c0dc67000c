"""create_task: schedule a coroutine as a Task; result() before it is done raises.

Style generator_coroutine (3.4-3.10): loop.create_task() and
asyncio.ensure_future() both wrap the coroutine in a Task and schedule it;
asyncio.create_task() only exists from 3.7. A Task starts running at the
creator's next `yield from`, not at creation. task.result() does not wait: on
an unfinished Task it raises InvalidStateError. Keep a reference to every
Task: the loop only holds weak ones.
"""
import asyncio


@asyncio.coroutine
def job(name, seconds):
    print("job", name, "starts")
    yield from asyncio.sleep(seconds)
    print("job", name, "finishes")
    return name + " done"


@asyncio.coroutine
def main():
    loop = asyncio.get_event_loop()
    task_a = loop.create_task(job("A", 2))
    task_b = asyncio.ensure_future(job("B", 1))
    print("two tasks created; done:", task_a.done(), task_b.done())
    try:
        task_a.result()
    except asyncio.InvalidStateError as exc:
        print("task A result() too early:", type(exc).__name__)
    print("main awaits task A")
    result = yield from task_a
    print("task A result:", result)
    print("task B finished first; result():", task_b.result())


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
