"""return_value: a coroutine's result returned to its caller.

Style async_await (3.5-3.13): the `async def` coroutine `return`s its value;
`await` hands it to the calling coroutine, and run_until_complete hands
main()'s own result back to the program.
"""
import asyncio


async def fetch_answer():
    print("fetch_answer starts")
    await asyncio.sleep(2)
    return 42


async def main():
    answer = await fetch_answer()
    print("fetch_answer returned", answer)
    return "done!"


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    result = loop.run_until_complete(main())
    loop.close()
    print("main returned", result)
