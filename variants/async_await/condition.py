"""condition: consumers wait_for() "an item is on the shelf"; a producer notifies.

Style async_await (3.5-3.13): hold the condition's lock with
`async with cond:` and wait with `await cond.wait_for(predicate)`.
wait_for() checks the predicate before it waits and again after every
wake-up: notify() wakes only a consumer that is waiting (the longest-waiting
one), so item 3, shelved while both are busy, is found by the first consumer
to come back, without waiting.
"""
import asyncio


async def producer(cond, shelf):
    for item in (1, 2, 3):
        async with cond:
            print("producer puts item", item, "on the shelf")
            shelf.append(item)
            cond.notify()
        await asyncio.sleep(1)
    async with cond:
        print("producer closes the shelf")
        shelf.append(None)
        cond.notify_all()


async def consumer(name, cond, shelf):
    while True:
        async with cond:
            await cond.wait_for(lambda: shelf)  # an item is on the shelf
            if shelf[0] is None:
                break  # leave the marker for the other consumers
            item = shelf.pop(0)
            print(name, "takes item", item)
        await asyncio.sleep(2.5)  # use the item without holding the lock
        print(name, "is done with item", item)
    print(name, "goes home")


async def main():
    cond = asyncio.Condition()
    shelf = []
    tasks = [asyncio.ensure_future(consumer(name, cond, shelf)) for name in ("A", "B")]
    tasks.append(asyncio.ensure_future(producer(cond, shelf)))
    await asyncio.gather(*tasks)


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
