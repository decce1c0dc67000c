"""return_value: a coroutine's result returned to its caller.

Style modern_taskgroup (3.11+): the `async def` coroutine `return`s its value;
`await` hands it to the calling coroutine, and asyncio.run() returns main()'s
own result to the program after closing the loop.
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
    result = asyncio.run(main())
    print("main returned", result)
