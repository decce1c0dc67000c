"""create_task: schedule a coroutine as a Task; result() before it is done raises.

Style modern_taskgroup (3.11+): tg.create_task() wraps the coroutine in a
Task owned by the TaskGroup, which keeps the reference and waits for it at the
end of the block. asyncio.create_task() (3.7+) makes the same Task without an
owner: keep a reference yourself, the loop only holds weak ones. A Task starts
running at the creator's next `await`, not at creation (unless an eager task
factory is set, 3.12+). task.result() does not wait: on an unfinished Task it
raises InvalidStateError.
"""
import asyncio


async def job(name, seconds):
    print("job", name, "starts")
    await asyncio.sleep(seconds)
    print("job", name, "finishes")
    return name + " done"


async def main():
    async with asyncio.TaskGroup() as tg:
        task_a = tg.create_task(job("A", 2))
        task_b = tg.create_task(job("B", 1))
        print("two tasks created; done:", task_a.done(), task_b.done())
        try:
            task_a.result()
        except asyncio.InvalidStateError as exc:
            print("task A result() too early:", type(exc).__name__)
        print("main awaits task A")
        result = await task_a
        print("task A result:", result)
        print("task B finished first; result():", task_b.result())


if __name__ == "__main__":
    asyncio.run(main())
