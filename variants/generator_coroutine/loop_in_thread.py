"""loop_in_thread: an event loop of its own in a worker thread.

Style generator_coroutine (3.4-3.10): asyncio.get_event_loop() creates a loop only
in the main thread; in any other thread it raises RuntimeError. The worker
makes one with asyncio.new_event_loop(), sets it as the thread's current
loop, runs it, and closes it. Both loops run at the same time, each in its
own thread.
"""
import asyncio
import threading


@asyncio.coroutine
def job():
    yield from asyncio.sleep(1.5)
    return 42


def worker():
    try:
        asyncio.get_event_loop()
    except RuntimeError as exc:
        print("worker:", exc)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        result = loop.run_until_complete(job())
    finally:
        loop.close()
    print("worker's loop returned", result)


@asyncio.coroutine
def main():
    loop = asyncio.get_event_loop()
    thread = threading.Thread(target=worker, name="worker")
    print("main starts the worker thread")
    thread.start()
    yield from asyncio.sleep(1)
    print("main's loop runs meanwhile")
    yield from loop.run_in_executor(None, thread.join)
    print("worker joined")


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
