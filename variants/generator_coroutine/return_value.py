"""return_value: a coroutine's result returned to its caller.

Style generator_coroutine (3.4-3.10): the generator coroutine `return`s its
value; `yield from` hands it to the calling coroutine, and run_until_complete
hands main()'s own result back to the program.
"""
import asyncio


@asyncio.coroutine
def fetch_answer():
    print("fetch_answer starts")
    yield from asyncio.sleep(2)
    return 42


@asyncio.coroutine
def main():
    answer = yield from fetch_answer()
    print("fetch_answer returned", answer)
    return "done!"


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    result = loop.run_until_complete(main())
    loop.close()
    print("main returned", result)
