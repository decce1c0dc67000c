"""Blocking calls in a thread pool, with the loop closed by contextlib.closing (2016)."""
import asyncio
import concurrent.futures
import contextlib
import time


def blocking_io(n):
    time.sleep(0.01)
    return n * n


async def compute(loop, pool):
    futures = [loop.run_in_executor(pool, blocking_io, n) for n in range(5)]
    results = await asyncio.gather(*futures)
    print("results:", results)


if __name__ == "__main__":
    with contextlib.closing(asyncio.get_event_loop()) as loop, \
            concurrent.futures.ThreadPoolExecutor(2) as pool:
        loop.run_until_complete(compute(loop, pool))
    print("loop closed:", loop.is_closed())
