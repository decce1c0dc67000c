"""shutdown_cleanup: leftover tasks, suspended async generators and executor jobs at program end.

Style modern_taskgroup (3.11+): asyncio.run() cleans up after main()
returns: it cancels every task still pending and runs them to the end
(their except CancelledError and finally blocks run on the loop), closes
the async generators still suspended (loop.shutdown_asyncgens(): their
finally blocks run), waits for the default executor's threads (3.9+,
loop.shutdown_default_executor()), and only then closes the loop and
returns. Cancelling the task that awaits asyncio.to_thread() does not stop
its thread: that last wait lets it finish. Leftovers come from tasks made
with plain create_task() (a TaskGroup waits for its children) and from
objects that outlive main(), like the module-level generator here.
A naive loop.run_until_complete(main()); loop.close() does none of this:
the pending task is destroyed at exit ("Task was destroyed but it is
pending!"; its except CancelledError never runs), the generator's finally
never runs, and the job finishes after the loop is closed (3.6-3.9 log
"RuntimeError: Event loop is closed" as its result arrives).
"""
import asyncio
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
    print("blocking_job(3) goes to the default executor")
    asyncio.create_task(asyncio.to_thread(blocking_job, 3))
    asyncio.create_task(background())
    print("numbers() gave", await feed.__anext__())
    await asyncio.sleep(1)
    print("main() returns with a task pending, a generator suspended and a job running")


if __name__ == "__main__":
    asyncio.run(main())
    print("program exits")
