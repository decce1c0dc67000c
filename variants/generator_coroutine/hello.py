"""hello: run one coroutine that returns nothing.

Style generator_coroutine (3.4-3.10): a coroutine is a generator marked with
@asyncio.coroutine that waits with `yield from`; the program gets the loop,
runs the coroutine with run_until_complete and closes the loop itself.
"""
import asyncio


@asyncio.coroutine
def main():
    print("hello")
    yield from asyncio.sleep(1)
    print("world")


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
