"""AR129 private-wrap-awaitable: asyncio.tasks._wrap_awaitable(), which wrapped an awaitable in a coroutine (3.6-3.11)."""
import asyncio
import asyncio.tasks


class Answer:
    def __await__(self):
        yield from ()  # a generator that finishes at once
        return "awaited"


loop = asyncio.new_event_loop()
try:
    print(loop.run_until_complete(asyncio.tasks._wrap_awaitable(Answer())))
finally:
    loop.close()
