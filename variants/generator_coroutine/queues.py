"""queues: a producer and two consumers on a bounded Queue, joined, then stopped.

Style generator_coroutine (3.4-3.10): `yield from` put(), get() and join();
create the Queue inside a coroutine (before 3.10 it binds to the loop current
at construction).
put() waits while the queue holds maxsize items; get() waits while it is
empty, and waiting consumers are served in the order they asked. task_done()
comes after the work, so join() returns only when every item is processed
(called right after get(), as in many examples, it lets join() return while
work is still running). One stop marker (None) per consumer ends them.
Queue.shutdown(), the 3.13+ alternative, does not exist on 3.4-3.10.
"""
import asyncio

WORK = {"A": 1, "B": 1.75}  # seconds per item: no two consumers finish at once


@asyncio.coroutine
def producer(queue):
    for item in range(1, 7):
        yield from queue.put(item)  # waits while the queue is full
        print("producer queued item", item)


@asyncio.coroutine
def consumer(name, queue):
    while True:
        item = yield from queue.get()
        try:
            if item is None:
                print(name, "stops")
                return
            print(name, "works on item", item)
            yield from asyncio.sleep(WORK[name])
            print(name, "finished item", item)
        finally:
            queue.task_done()


@asyncio.coroutine
def main():
    queue = asyncio.Queue(maxsize=2)
    consumers = [asyncio.ensure_future(consumer(name, queue)) for name in ("A", "B")]
    yield from producer(queue)
    yield from queue.join()
    print("every item processed")
    for _ in consumers:
        yield from queue.put(None)  # B has waited longest, so it gets the first marker
    yield from asyncio.gather(*consumers)


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
