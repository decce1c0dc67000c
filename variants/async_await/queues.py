"""queues: a producer and two consumers on a bounded Queue, joined, then stopped.

Style async_await (3.5-3.13): `await` put(), get() and join(); create the
Queue inside a coroutine (before 3.10 it binds to the loop current at
construction).
put() waits while the queue holds maxsize items; get() waits while it is
empty, and waiting consumers are served in the order they asked. task_done()
comes after the work, so join() returns only when every item is processed
(called right after get(), as in many examples, it lets join() return while
work is still running). One stop marker (None) per consumer ends them.
Queue.shutdown() could replace them, but only from 3.13.
"""
import asyncio

WORK = {"A": 1, "B": 1.75}  # seconds per item: no two consumers finish at once


async def producer(queue):
    for item in range(1, 7):
        await queue.put(item)  # waits while the queue is full
        print("producer queued item", item)


async def consumer(name, queue):
    while True:
        item = await queue.get()
        try:
            if item is None:
                print(name, "stops")
                return
            print(name, "works on item", item)
            await asyncio.sleep(WORK[name])
            print(name, "finished item", item)
        finally:
            queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=2)
    consumers = [asyncio.ensure_future(consumer(name, queue)) for name in ("A", "B")]
    await producer(queue)
    await queue.join()
    print("every item processed")
    for _ in consumers:
        await queue.put(None)  # B has waited longest, so it gets the first marker
    await asyncio.gather(*consumers)


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
