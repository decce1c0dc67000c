"""shutdown_cleanup: leftover tasks, suspended async generators and executor jobs at program end.

Style async_await (3.5-3.13): after loop.run_until_complete(main()) the
program cleans up itself, in the order asyncio.run() does: cancel every
task still pending and run them to the end with gather(...,
return_exceptions=True) (their except CancelledError and finally blocks
run on the loop); loop.shutdown_asyncgens() (3.6+) closes the async
generators still suspended (their finally blocks run); wait for the
executor's threads; loop.close(). loop.shutdown_default_executor() is
3.9+ and the loop's own default executor is private, so the program gives
the loop one it can shut down (set_default_executor) and waits with
executor.shutdown(wait=True). Leftovers come from tasks nobody awaited
and from objects that outlive main(), like the module-level generator here.
A naive loop.run_until_complete(main()); loop.close() does none of this:
the pending task is destroyed at exit ("Task was destroyed but it is
pending!"; its except CancelledError never runs), the generator's finally
never runs, and the job finishes after the loop is closed (3.6-3.9 log
"RuntimeError: Event loop is closed" as its result arrives).
"""
import asyncio
import concurrent.futures
import time


async def background():
    try:
        while True:
            await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("background(): cancelled at shutdown")
        raise


async def numbers():
    try:
        number = 0
        while True:
            number += 1
            yield number
    finally:
        print("numbers(): finally, closed at shutdown")


def blocking_job(seconds):
    time.sleep(seconds)  # stands for a blocking call: a file, a socket, a C library


# Module-level: still referenced, and suspended, when main() returns.
feed = numbers()


async def main():
    loop = asyncio.get_event_loop()
    print("blocking_job(3) goes to the default executor")
    loop.run_in_executor(None, blocking_job, 3)
    asyncio.ensure_future(background())
    print("numbers() gave", await feed.__anext__())
    await asyncio.sleep(1)
    print("main() returns with a task pending, a generator suspended and a job running")


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    # Before 3.9 (shutdown_default_executor) the loop's own default executor
    # cannot be waited for: give the loop one the program can shut down.
    executor = concurrent.futures.ThreadPoolExecutor()
    loop.set_default_executor(executor)
    loop.run_until_complete(main())
    # What asyncio.run() does once main() has returned:
    all_tasks = getattr(asyncio, "all_tasks", None) or asyncio.Task.all_tasks  # 3.7+, else 3.6
    pending = [task for task in all_tasks(loop) if not task.done()]
    for task in pending:
        task.cancel()
    loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
    loop.run_until_complete(loop.shutdown_asyncgens())
    executor.shutdown(wait=True)  # 3.9+: run_until_complete(loop.shutdown_default_executor())
    loop.close()
    print("program exits")
