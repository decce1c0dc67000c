"""sequential_vs_concurrent: two naps one after the other (3 s), then together (2 s).

Style modern_taskgroup (3.11+): `await` each coroutine in turn runs them
sequentially; tasks created in a TaskGroup run concurrently, and the
`async with` block ends when all of them have finished.
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
    async with asyncio.TaskGroup() as tg:
        tg.create_task(nap("C", 1))
        tg.create_task(nap("D", 2))
    print("all naps done")


if __name__ == "__main__":
    asyncio.run(main())
