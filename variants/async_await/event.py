"""event: several waiters released together by Event.set() from a delayed callback.

Style async_await (3.5-3.13): waiters block in `await event.wait()`; create
the Event inside a coroutine (before 3.10 it binds to the loop current at
construction).
set() wakes every waiter, in the order they started waiting; until clear(),
a later wait() returns at once.
"""
import asyncio


def open_gate(event):
    print("callback sets the event")
    event.set()


async def waiter(name, event):
    print("waiter", name, "waits for the event")
    await event.wait()
    print("waiter", name, "goes on")


async def main():
    loop = asyncio.get_event_loop()
    event = asyncio.Event()
    loop.call_later(2, open_gate, event)
    waiters = [asyncio.ensure_future(waiter(name, event)) for name in ("A", "B", "C")]
    await asyncio.gather(*waiters)
    await asyncio.sleep(1)
    print("one second later the event is still set:", event.is_set())
    await waiter("D", event)  # returns without waiting
    event.clear()
    print("after clear() it is set:", event.is_set())


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
