"""exception_handling: a task's exception re-raised by await, returned by gather, or reported when never retrieved.

Style modern_taskgroup (3.11+): a TaskGroup child's exception comes out of
the `async with` block wrapped in an ExceptionGroup (after the group has
cancelled the other children), so `except ValueError` no longer matches:
`except* ValueError` does, and group.exceptions holds the originals. except*
is new syntax: on 3.10 and older the whole file fails to compile. A TaskGroup
has no return_exceptions: gather(..., return_exceptions=True) still collects
failures as results (do not create those tasks in a TaskGroup, whose first
failure would cancel the rest). A TaskGroup retrieves every child's exception;
a bare asyncio.create_task() Task can still fail unseen, and the loop's
exception handler reports it when the Task is freed.
"""
import asyncio
import gc


def describe(exc):
    # Not repr(exc): 3.6 writes ValueError('boom',) with a trailing comma.
    return "{}({!r})".format(type(exc).__name__, str(exc))


def report_exception(loop, context):
    print("exception handler:", context["message"], describe(context["exception"]))


async def fail(name, seconds):
    await asyncio.sleep(seconds)
    print("task", name, "raises")
    raise ValueError("boom from " + name)


async def succeed(name, seconds):
    await asyncio.sleep(seconds)
    return name


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(report_exception)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail("A", 1))
    except* ValueError as group:
        for exc in group.exceptions:
            print("main catches", describe(exc))
    results = await asyncio.gather(fail("B", 1), succeed("C", 2), return_exceptions=True)
    for result in results:
        print("gather returned", describe(result) if isinstance(result, Exception) else result)
    task_d = asyncio.create_task(fail("D", 1))
    await asyncio.sleep(1.5)
    print("nobody retrieved task D's exception; main drops the last reference")
    del task_d
    gc.collect()  # in case the Task sits in a reference cycle
    loop.set_exception_handler(None)  # the handler belongs to the loop, not to main
    print("main done")


if __name__ == "__main__":
    asyncio.run(main())
