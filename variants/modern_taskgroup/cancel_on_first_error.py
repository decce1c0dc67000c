"""cancel_on_first_error: when one task fails, cancel its siblings and raise (TaskGroup's behaviour).

Style modern_taskgroup (3.11+): this is what asyncio.TaskGroup does by
itself: the first failing child makes the group cancel the other children
(and the body of the `async with` block), wait for them, and raise an
ExceptionGroup of every child's error. `except ValueError` does not catch it;
`except* ValueError` (3.11 syntax: keep such code in a 3.11+ module) does.
The group cancels its children in set order, which differs between versions
and even between runs, so here only one child is left to cancel.
"""
import asyncio


async def worker(name, seconds, fail=False):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(name, "cancelled, cleaning up")
        raise
    if fail:
        print(name, "fails")
        raise ValueError(name + " failed")
    print(name, "done")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(worker(name, seconds, fail))
                     for name, seconds, fail in (("A", 1, False), ("B", 2, True), ("C", 3, False))]
    except* ValueError as group:
        for error in group.exceptions:
            print("main caught", type(error).__name__ + ":", error)
    print("all tasks done:", all(task.done() for task in tasks))


if __name__ == "__main__":
    asyncio.run(main())
