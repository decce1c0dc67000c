"""Waiters start on an Event, then take turns with a Lock: with (await lock), loop= (2016)."""
import asyncio


async def waiter(name, event, lock, order, loop):
    await event.wait()
    with await lock:
        order.append(name)
        await asyncio.sleep(0.01, loop=loop)


async def main(loop):
    event = asyncio.Event(loop=loop)
    lock = asyncio.Lock(loop=loop)
    order = []
    tasks = [loop.create_task(waiter(name, event, lock, order, loop)) for name in ("ann", "bob", "cy")]
    await asyncio.sleep(0.01, loop=loop)
    print("before set:", order)
    event.set()
    await asyncio.gather(*tasks, loop=loop)
    print("after set:", order)


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main(loop))
    loop.close()
