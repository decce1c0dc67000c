"""run_in_executor: blocking calls in thread and process pools, off the event loop.

Style modern_taskgroup (3.11+): asyncio.to_thread(func, *args) (3.9+) runs a
blocking call in the default thread pool and also copies contextvars into
it, which run_in_executor() does not. A custom pool, a process pool or a
different default pool still go through the loop: run_in_executor() and
set_default_executor(); run_in_executor() returns a Future, not a coroutine,
so gather() collects them (TaskGroup.create_task() refuses a Future).
asyncio.run() waits for the default pool's threads before it returns. While
a thread blocks, the loop stays free: the heartbeat goes on.
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
    loop = asyncio.get_running_loop()
    with concurrent.futures.ProcessPoolExecutor(max_workers=1) as pool:
        total = await loop.run_in_executor(pool, sum, range(10 ** 6))
    print("sum computed in a worker process:", total)

    async with asyncio.TaskGroup() as tg:
        tg.create_task(heartbeat())
        print("blocking_io(2.5) in the default thread pool")
        result = await asyncio.to_thread(blocking_io, 2.5)
        print("default thread pool returned", result)

    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        print("three 1 s jobs on a pool of two threads")
        jobs = [loop.run_in_executor(pool, blocking_io, 1) for _ in range(3)]
        results = await asyncio.gather(*jobs)  # noqa: AR405 -- Futures, not coroutines
    print("pool of two returned", results)

    loop.set_default_executor(concurrent.futures.ThreadPoolExecutor(max_workers=1))
    print("two 0.5 s jobs on a one-thread default pool")
    async with asyncio.TaskGroup() as tg:
        jobs = [tg.create_task(asyncio.to_thread(blocking_io, 0.5)) for _ in range(2)]
    print("one-thread default pool returned", [job.result() for job in jobs])


if __name__ == "__main__":
    asyncio.run(main())
