"""lock: a Lock handed from holder to holder, first come first served.

Style async_await (3.5-3.13): take and release the lock with `async with lock:`
(3.5+). Its predecessors `with (yield from lock):` and `with (await lock):`
warn on 3.7-3.8 and raise TypeError on 3.9+.
An asyncio Lock has no owner: main takes it and a loop.call_later() callback
releases it. Waiters get the lock in the order they asked for it.
"""
import asyncio


def release(lock):
    print("callback releases main's lock")
    lock.release()


async def worker(name, lock):
    print("worker", name, "waits for the lock")
    async with lock:
        print("worker", name, "holds the lock for 1 s")
        await asyncio.sleep(1)
    print("worker", name, "released the lock")


async def main():
    loop = asyncio.get_event_loop()
    lock = asyncio.Lock()
    # Not `async with`: this lock is released by a callback, not by main.
    await lock.acquire()
    print("main holds the lock; a callback releases it in 2 s")
    loop.call_later(2, release, lock)
    workers = [asyncio.ensure_future(worker(name, lock)) for name in (1, 2, 3)]
    await asyncio.gather(*workers)
    print("all workers done; locked:", lock.locked())


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
