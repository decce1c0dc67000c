"""sequential_vs_concurrent: two naps one after the other (3 s), then together (2 s).

Style generator_coroutine (3.4-3.10): `yield from` each coroutine in turn runs
them sequentially; tasks made with asyncio.ensure_future() run concurrently, and
asyncio.gather() waits for all of them.
"""
import asyncio


@asyncio.coroutine
def nap(name, seconds):
    print(name, "naps for", seconds, "s")
    yield from asyncio.sleep(seconds)
    print(name, "wakes up")


@asyncio.coroutine
def main():
    print("sequential: one after the other")
    yield from nap("A", 1)
    yield from nap("B", 2)
    print("concurrent: both at once")
    # Tasks first: 3.6's gather() wraps bare coroutines in set order, so
    # which one starts first would be arbitrary (fixed in 3.7).
    yield from asyncio.gather(asyncio.ensure_future(nap("C", 1)), asyncio.ensure_future(nap("D", 2)))
    print("all naps done")


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
