"""async_iteration: an asynchronous iterator over pages that each take a request to fetch.

Style async_await (3.5-3.13): async generators are 3.6 syntax, so Pages is a
class with __aiter__ (returns the iterator itself; 3.5.0-3.5.1 wanted an
awaitable) and a coroutine __anext__ that raises StopAsyncIteration at the
end; `async for` consumes it. The class also does what an async generator's
finally clause would: it cleans up once when exhausted, or when a consumer
that stops early awaits aclose().
"""
import asyncio


async def fetch_page(number):
    await asyncio.sleep(1)  # one request per page
    return "page " + str(number)


class Pages:
    def __init__(self, count):
        self.count = count
        self.number = 0
        self.closed = False

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.number < self.count and not self.closed:
            self.number += 1
            return await fetch_page(self.number)
        await self.aclose()
        raise StopAsyncIteration

    async def aclose(self):
        if not self.closed:
            self.closed = True
            print("pages closed")


async def main():
    async for page in Pages(3):
        print("got", page)
    stream = Pages(3)
    async for page in stream:
        print("got", page)
        if page == "page 2":
            print("enough pages")
            break
    await stream.aclose()
    print("main done")


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
