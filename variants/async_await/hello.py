"""hello: run one coroutine that returns nothing.

Style async_await (3.5-3.13): a coroutine is an `async def` function that
waits with `await`; the program still gets the loop, runs the coroutine with
run_until_complete and closes the loop itself.
"""
import asyncio


async def main():
    print("hello")
    await asyncio.sleep(1)
    print("world")


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
