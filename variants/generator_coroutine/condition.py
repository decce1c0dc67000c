"""condition: consumers wait_for() "an item is on the shelf"; a producer notifies.

Style generator_coroutine (3.4-3.10): hold the condition's lock with
`yield from cond.acquire()` + `try/finally: cond.release()` (not
`with (yield from cond)`: DeprecationWarning on 3.7-3.8, TypeError on 3.9+),
and wait with `yield from cond.wait_for(predicate)`.
wait_for() checks the predicate before it waits and again after every
wake-up: notify() wakes only a consumer that is waiting (the longest-waiting
one), so item 3, shelved while both are busy, is found by the first consumer
to come back, without waiting.
"""
import asyncio


@asyncio.coroutine
def producer(cond, shelf):
    for item in (1, 2, 3):
        yield from cond.acquire()
        try:
            print("producer puts item", item, "on the shelf")
            shelf.append(item)
            cond.notify()
        finally:
            cond.release()
        yield from asyncio.sleep(1)
    yield from cond.acquire()
    try:
        print("producer closes the shelf")
        shelf.append(None)
        cond.notify_all()
    finally:
        cond.release()


@asyncio.coroutine
def consumer(name, cond, shelf):
    while True:
        yield from cond.acquire()
        try:
            yield from cond.wait_for(lambda: shelf)  # an item is on the shelf
            if shelf[0] is None:
                break  # leave the marker for the other consumers
            item = shelf.pop(0)
            print(name, "takes item", item)
        finally:
            cond.release()
        yield from asyncio.sleep(2.5)  # use the item without holding the lock
        print(name, "is done with item", item)
    print(name, "goes home")


@asyncio.coroutine
def main():
    cond = asyncio.Condition()
    shelf = []
    tasks = [asyncio.ensure_future(consumer(name, cond, shelf)) for name in ("A", "B")]
    tasks.append(asyncio.ensure_future(producer(cond, shelf)))
    yield from asyncio.gather(*tasks)


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
