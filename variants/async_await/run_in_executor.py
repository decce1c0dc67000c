"""run_in_executor: blocking calls in thread and process pools, off the event loop.

Style async_await (3.5-3.13): loop.run_in_executor(executor, func, *args)
returns a Future the coroutine awaits; None means the loop's default
ThreadPoolExecutor, which loop.set_default_executor() replaces. A function
sent to a ProcessPoolExecutor must be picklable (a module-level or builtin
function). While a thread blocks, the loop stays free: the heartbeat goes on.
"""
import asyncio
import concurrent.futures
import time


def blocking_io(seconds):
    time.sleep(seconds)  # stands for a blocking call: a file, a socket, a C library
    return seconds


async def heartbeat():
    for beat in (1, 2, 3):
        await asyncio.sleep(1)
        print("loop is free: heartbeat", beat)


async def main():
    loop = asyncio.get_event_loop()
    with concurrent.futures.ProcessPoolExecutor(max_workers=1) as pool:
        total = await loop.run_in_executor(pool, sum, range(10 ** 6))
    print("sum computed in a worker process:", total)

    beats = asyncio.ensure_future(heartbeat())
    print("blocking_io(2.5) in the default thread pool")
    result = await loop.run_in_executor(None, blocking_io, 2.5)
    print("default thread pool returned", result)
    await beats

    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        print("three 1 s jobs on a pool of two threads")
        jobs = [loop.run_in_executor(pool, blocking_io, 1) for _ in range(3)]
        results = await asyncio.gather(*jobs)
    print("pool of two returned", results)

    loop.set_default_executor(concurrent.futures.ThreadPoolExecutor(max_workers=1))
    print("two 0.5 s jobs on a one-thread default pool")
    jobs = [loop.run_in_executor(None, blocking_io, 0.5) for _ in range(2)]
    results = await asyncio.gather(*jobs)
    print("one-thread default pool returned", results)


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
