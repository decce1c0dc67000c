"""cancel_on_first_error: when one task fails, cancel its siblings and raise (TaskGroup's behaviour).

Style async_await (3.5-3.13): asyncio.gather() would raise the first error
but leave the siblings running, un-awaited. run_together() does what a
TaskGroup does: asyncio.wait(return_when=FIRST_EXCEPTION), cancel the pending
tasks, wait until they have handled the cancellation, then re-raise the first
exception in submission order. Unlike a TaskGroup it raises the exception
itself, not an ExceptionGroup, drops any second error, and does not cancel
the tasks if main itself is cancelled while it waits.
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


async def run_together(tasks):
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    for task in pending:
        task.cancel()
    if pending:
        await asyncio.wait(pending)
    # Read every exception (no "never retrieved" log); raise the first one.
    errors = [task.exception() for task in tasks if not task.cancelled()]
    errors = [error for error in errors if error is not None]
    if errors:
        raise errors[0]


async def main():
    try:
        tasks = [asyncio.ensure_future(worker(name, seconds, fail))
                 for name, seconds, fail in (("A", 1, False), ("B", 2, True), ("C", 3, False))]
        await run_together(tasks)
    except ValueError as error:
        print("main caught", type(error).__name__ + ":", error)
    print("all tasks done:", all(task.done() for task in tasks))


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
