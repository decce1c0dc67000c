"""ensure_future: a coroutine becomes a new Task, a Future comes back as is, an awaitable is wrapped.

Style async_await (3.5-3.13): asyncio.ensure_future() wraps a coroutine in a
new Task, returns a Future unchanged, and (3.5.1+) wraps any object with
__await__ in a Task too. __await__ cannot be `async def` (it must return an
iterator): here it is a generator that does `yield from future`.
"""
import asyncio


class Delayed:
    """Neither a coroutine nor a Future: an object that resolves to *value* after *seconds*."""

    def __init__(self, seconds, value):
        self.seconds = seconds
        self.value = value

    def __await__(self):
        loop = asyncio.get_event_loop()
        future = loop.create_future()
        loop.call_later(self.seconds, future.set_result, self.value)
        return (yield from future)


async def compute(value, seconds):
    await asyncio.sleep(seconds)
    return value


async def main():
    loop = asyncio.get_event_loop()
    from_coroutine = asyncio.ensure_future(compute("coroutine result", 1))
    print("coroutine -> new", type(from_coroutine).__name__)
    future = loop.create_future()
    loop.call_later(3, future.set_result, "future result")
    from_future = asyncio.ensure_future(future)
    print("Future -> the same object:", from_future is future)
    from_awaitable = asyncio.ensure_future(Delayed(2, "awaitable result"))
    print("awaitable object -> new", type(from_awaitable).__name__)
    for waitable in (from_coroutine, from_awaitable, from_future):
        result = await waitable
        print("awaited:", result)
    result = await Delayed(0.5, "direct result")
    print("awaitable object awaited directly:", result)


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
