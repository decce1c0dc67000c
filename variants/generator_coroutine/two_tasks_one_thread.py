"""two_tasks_one_thread: two coroutines interleave on the same thread.

Style generator_coroutine (3.4-3.10): two Tasks made with
asyncio.ensure_future() and waited for with asyncio.wait(). The 3.4-era
original passed the coroutines themselves to wait(): 3.6-3.10 wrap them in
set order (which hello starts first is arbitrary), 3.11 forbids it. While one
task sleeps, the loop runs the other: both print the name of the one thread
they share.
"""
import asyncio
import threading


@asyncio.coroutine
def hello(name, seconds):
    print("Hello world!", name, "on", threading.current_thread().name)
    yield from asyncio.sleep(seconds)
    print("Hello again!", name, "on", threading.current_thread().name)


@asyncio.coroutine
def main():
    tasks = [asyncio.ensure_future(hello("A", 1)), asyncio.ensure_future(hello("B", 2))]
    yield from asyncio.wait(tasks)


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
