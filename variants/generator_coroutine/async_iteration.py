"""async_iteration: an asynchronous iterator over pages that each take a request to fetch.

Style generator_coroutine (3.4-3.10): there is no `async for` (3.5) and no
StopAsyncIteration, so Pages has a coroutine next_page() that returns None
at the end, and main drives it with a `while` loop and `yield from`. The
class also does what an async generator's finally clause would: it cleans up
once when exhausted, or when a consumer that stops early calls aclose().
"""
import asyncio


@asyncio.coroutine
def fetch_page(number):
    yield from asyncio.sleep(1)  # one request per page
    return "page " + str(number)


class Pages:
    def __init__(self, count):
        self.count = count
        self.number = 0
        self.closed = False

    @asyncio.coroutine
    def next_page(self):
        if self.number < self.count and not self.closed:
            self.number += 1
            return (yield from fetch_page(self.number))
        yield from self.aclose()
        return None

    @asyncio.coroutine
    def aclose(self):
        if not self.closed:
            self.closed = True
            print("pages closed")


@asyncio.coroutine
def main():
    stream = Pages(3)
    while True:
        page = yield from stream.next_page()
        if page is None:
            break
        print("got", page)
    stream = Pages(3)
    while True:
        page = yield from stream.next_page()
        if page is None:
            break
        print("got", page)
        if page == "page 2":
            print("enough pages")
            break
    yield from stream.aclose()
    print("main done")


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
