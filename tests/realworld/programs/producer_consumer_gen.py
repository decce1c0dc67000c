"""Producer and consumer on a bounded Queue, with a watchdog (2015)."""
import asyncio


@asyncio.coroutine
def produce(queue, count, loop):
    for item in range(count):
        yield from queue.put(item)
        yield from asyncio.sleep(0.01, loop=loop)
    yield from queue.put(None)


@asyncio.coroutine
def consume(queue):
    total = 0
    while True:
        item = yield from queue.get()
        if item is None:
            return total
        print("consumed", item)
        total += item


@asyncio.coroutine
def main(loop):
    queue = asyncio.Queue(maxsize=2, loop=loop)
    producer = asyncio.ensure_future(produce(queue, 5, loop), loop=loop)
    tasks = []
    tasks.append(asyncio.ensure_future(consume(queue), loop=loop))
    tasks.append(asyncio.ensure_future(asyncio.sleep(10, loop=loop), loop=loop))  # the watchdog
    done, pending = yield from asyncio.wait(tasks, loop=loop, return_when=asyncio.FIRST_COMPLETED)
    print("consumer first:", done == {tasks[0]}, "total:", tasks[0].result())
    for task in pending:
        task.cancel()
    yield from asyncio.wait(pending | {producer}, loop=loop)


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main(loop))
    loop.close()
