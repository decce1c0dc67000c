"""exception_handling: a task's exception re-raised by await, returned by gather, or reported when never retrieved.

Style async_await (3.5-3.13): `await task` re-raises the exception the Task
ended with. gather(..., return_exceptions=True) puts it in the result list
instead of raising it. An exception nobody retrieves is reported when the
Task is freed, through the loop's exception handler
(loop.set_exception_handler; the default one logs "Task exception was never
retrieved" to stderr), usually long after the failure, possibly at exit.
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
    loop = asyncio.get_event_loop()
    loop.set_exception_handler(report_exception)
    task_a = asyncio.ensure_future(fail("A", 1))
    try:
        await task_a
    except ValueError as exc:
        print("main catches", describe(exc))
    tasks = [asyncio.ensure_future(fail("B", 1)), asyncio.ensure_future(succeed("C", 2))]
    results = await asyncio.gather(*tasks, return_exceptions=True)
    for result in results:
        print("gather returned", describe(result) if isinstance(result, Exception) else result)
    task_d = asyncio.ensure_future(fail("D", 1))
    await asyncio.sleep(1.5)
    print("nobody retrieved task D's exception; main drops the last reference")
    del task_d
    gc.collect()  # in case the Task sits in a reference cycle
    loop.set_exception_handler(None)  # the handler belongs to the loop, not to main
    print("main done")


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
