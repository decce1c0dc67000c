"""event: several waiters released together by Event.set() from a delayed callback.

Style modern_taskgroup (3.11+): waiters block in `await event.wait()` inside a
TaskGroup; create the Event inside main(): it binds to the first loop that
uses it, and another asyncio.run() would reject it.
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
    loop = asyncio.get_running_loop()
    event = asyncio.Event()
    loop.call_later(2, open_gate, event)
    async with asyncio.TaskGroup() as tg:
        for name in ("A", "B", "C"):
            tg.create_task(waiter(name, event))
    await asyncio.sleep(1)
    print("one second later the event is still set:", event.is_set())
    await waiter("D", event)  # returns without waiting
    event.clear()
    print("after clear() it is set:", event.is_set())


if __name__ == "__main__":
    asyncio.run(main())
