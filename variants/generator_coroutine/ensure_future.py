"""ensure_future: a coroutine becomes a new Task, a Future comes back as is, an awaitable is wrapped.

Style generator_coroutine (3.4-3.10): asyncio.ensure_future() (3.4.4+,
asyncio.async() before) wraps a coroutine in a new Task, returns a Future
unchanged, and (3.5.1+) wraps any object with __await__ in a Task too.
Without `async def`, an awaitable class spells __await__ as a plain generator
that does `yield from future`, and aliases it as __iter__ so that `yield from`
accepts the object as well.
"""
import asyncio


class Delayed:
    """Neither a coroutine nor a Future: an object that resolves to *value* after *seconds*."""

    def __init__(self, seconds, value):
        self.seconds = seconds
        self.value = value

    def __await__(self):
        loop = asyncio.get_event_loop()
        future = asyncio.Future()
        loop.call_later(self.seconds, future.set_result, self.value)
        return (yield from future)

    # `yield from obj` calls __iter__; ensure_future() and `await` call __await__.
    __iter__ = __await__


@asyncio.coroutine
def compute(value, seconds):
    yield from asyncio.sleep(seconds)
    return value


@asyncio.coroutine
def main():
    loop = asyncio.get_event_loop()
    from_coroutine = asyncio.ensure_future(compute("coroutine result", 1))
    print("coroutine -> new", type(from_coroutine).__name__)
    future = asyncio.Future()
    loop.call_later(3, future.set_result, "future result")
    from_future = asyncio.ensure_future(future)
    print("Future -> the same object:", from_future is future)
    from_awaitable = asyncio.ensure_future(Delayed(2, "awaitable result"))
    print("awaitable object -> new", type(from_awaitable).__name__)
    for waitable in (from_coroutine, from_awaitable, from_future):
        result = yield from waitable
        print("awaited:", result)
    result = yield from Delayed(0.5, "direct result")
    print("awaitable object awaited directly:", result)


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
