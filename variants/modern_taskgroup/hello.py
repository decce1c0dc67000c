"""hello: run one coroutine that returns nothing.

Style modern_taskgroup (3.11+): `async def`/`await`, and asyncio.run() owns
the loop: it creates it, runs the coroutine, cleans up and closes it.
"""
import asyncio


async def main():
    print("hello")
    await asyncio.sleep(1)
    print("world")


if __name__ == "__main__":
    asyncio.run(main())
