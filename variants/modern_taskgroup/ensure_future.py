"""ensure_future: a coroutine becomes a new Task, a Future comes back as is, an awaitable is wrapped.

Style modern_taskgroup (3.11+): asyncio.ensure_future() still exists, but the
idiom is tg.create_task() for coroutines and a plain `await` for Futures.
tg.create_task() takes only coroutines (an awaitable object raises TypeError):
wrap the object in a coroutine first, which is what ensure_future() does for
it. __await__ cannot be `async def` (it must return an iterator): here it is
a generator that does `yield from future`.
"""
import asyncio


class Delayed:
    """Neither a coroutine nor a Future: an object that resolves to *value* after *seconds*."""

    def __init__(self, seconds, value):
        self.seconds = seconds
        self.value = value

    def __await__(self):
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        loop.call_later(self.seconds, future.set_result, self.value)
        return (yield from future)


async def await_it(awaitable):
    return await awaitable


async def compute(value, seconds):
    await asyncio.sleep(seconds)
    return value


async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.TaskGroup() as tg:
        from_coroutine = tg.create_task(compute("coroutine result", 1))
        print("coroutine -> new", type(from_coroutine).__name__)
        future = loop.create_future()
        loop.call_later(3, future.set_result, "future result")
        # Nothing to wrap: a Future is awaited as it is (ensure_future returns it unchanged).
        from_future = asyncio.ensure_future(future)
        print("Future -> the same object:", from_future is future)
        from_awaitable = tg.create_task(await_it(Delayed(2, "awaitable result")))
        print("awaitable object -> new", type(from_awaitable).__name__)
        for waitable in (from_coroutine, from_awaitable, from_future):
            result = await waitable
            print("awaited:", result)
    result = await Delayed(0.5, "direct result")
    print("awaitable object awaited directly:", result)


if __name__ == "__main__":
    asyncio.run(main())
