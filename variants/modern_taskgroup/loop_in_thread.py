"""loop_in_thread: an event loop of its own in a worker thread.

Style modern_taskgroup (3.11+): asyncio.get_event_loop() still raises
RuntimeError outside the main thread (and, from 3.14, in the main thread
too when no loop is set). asyncio.run() in the worker creates, runs and
closes the thread's own loop (asyncio.Runner does the same for several
calls). main joins the thread with asyncio.to_thread(thread.join) (3.9+).
Both loops run at the same time, each in its own thread.
"""
import asyncio
import threading


async def job():
    await asyncio.sleep(1.5)
    return 42


def worker():
    try:
        asyncio.get_event_loop()  # noqa: AR301, AR302 -- on purpose: no loop here
    except RuntimeError as exc:
        print("worker:", exc)
    result = asyncio.run(job())
    print("worker's loop returned", result)


async def main():
    thread = threading.Thread(target=worker, name="worker")
    print("main starts the worker thread")
    thread.start()
    await asyncio.sleep(1)
    print("main's loop runs meanwhile")
    await asyncio.to_thread(thread.join)
    print("worker joined")


if __name__ == "__main__":
    asyncio.run(main())
