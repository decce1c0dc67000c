"""async_iteration: an asynchronous iterator over pages that each take a request to fetch.

Style modern_taskgroup (3.11+): pages() is an async generator (3.6+) and
`async for` consumes it. Its finally clause runs when it is exhausted; a
consumer that stops early should `await stream.aclose()`, otherwise the
cleanup runs only when the loop finalizes the generator (at garbage
collection, or in asyncio.run's shutdown).
"""
import asyncio


async def fetch_page(number):
    await asyncio.sleep(1)  # one request per page
    return "page " + str(number)


async def pages(count):
    try:
        for number in range(1, count + 1):
            yield await fetch_page(number)
    finally:
        print("pages closed")


async def main():
    async for page in pages(3):
        print("got", page)
    stream = pages(3)
    async for page in stream:
        print("got", page)
        if page == "page 2":
            print("enough pages")
            break
    await stream.aclose()
    print("main done")


if __name__ == "__main__":
    asyncio.run(main())
