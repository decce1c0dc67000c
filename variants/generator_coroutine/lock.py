"""lock: a Lock handed from holder to holder, first come first served.

Style generator_coroutine (3.4-3.10): take the lock with
`yield from lock.acquire()` and release it in `try/finally`. The old
`with (yield from lock):` warns on 3.7-3.8 (DeprecationWarning) and raises
TypeError on 3.9+ ('Lock' object is not iterable); acquire() + try/finally
works everywhere.
An asyncio Lock has no owner: main takes it and a loop.call_later() callback
releases it. Waiters get the lock in the order they asked for it.
"""
import asyncio


def release(lock):
    print("callback releases main's lock")
    lock.release()


@asyncio.coroutine
def worker(name, lock):
    print("worker", name, "waits for the lock")
    yield from lock.acquire()
    try:
        print("worker", name, "holds the lock for 1 s")
        yield from asyncio.sleep(1)
    finally:
        lock.release()
    print("worker", name, "released the lock")


@asyncio.coroutine
def main():
    loop = asyncio.get_event_loop()
    lock = asyncio.Lock()
    # Not try/finally: this lock is released by a callback, not by main.
    yield from lock.acquire()
    print("main holds the lock; a callback releases it in 2 s")
    loop.call_later(2, release, lock)
    workers = [asyncio.ensure_future(worker(name, lock)) for name in (1, 2, 3)]
    yield from asyncio.gather(*workers)
    print("all workers done; locked:", lock.locked())


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
