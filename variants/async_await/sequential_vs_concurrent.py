"""sequential_vs_concurrent: two naps one after the other (3 s), then together (2 s).

Style async_await (3.5-3.13): `await` each coroutine in turn runs them
sequentially; tasks made with asyncio.ensure_future() run concurrently, and
asyncio.gather() waits for all of them.
"""
import asyncio


async def nap(name, seconds):
    print(name, "naps for", seconds, "s")
    await asyncio.sleep(seconds)
    print(name, "wakes up")


async def main():
    print("sequential: one after the other")
    await nap("A", 1)
    await nap("B", 2)
    print("concurrent: both at once")
    # Tasks first: 3.6's gather() wraps bare coroutines in set order, so
    # which one starts first would be arbitrary (fixed in 3.7).
    await asyncio.gather(asyncio.ensure_future(nap("C", 1)), asyncio.ensure_future(nap("D", 2)))
    print("all naps done")


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
