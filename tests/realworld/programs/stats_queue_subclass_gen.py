"""A queue that keeps statistics, for a crawler's work list (2016): a subclass of asyncio.Queue that
takes loop= like the Queue it extends and hands it on; producers and consumers on it with sentinels."""
import asyncio


class StatsQueue(asyncio.Queue):
    """asyncio.Queue that counts what went through it and the largest size it reached."""

    def __init__(self, maxsize=0, *, loop=None):
        super().__init__(maxsize, loop=loop)
        self.put_count = 0
        self.high_water = 0

    def _put(self, item):
        super()._put(item)
        self.put_count += 1
        self.high_water = max(self.high_water, self.qsize())


@asyncio.coroutine
def produce(queue, name, count, loop):
    for n in range(count):
        yield from queue.put("{}-{}".format(name, n))
        yield from asyncio.sleep(0, loop=loop)  # let the consumer in


@asyncio.coroutine
def consume(queue, seen):
    while True:
        item = yield from queue.get()
        if item is None:
            return len(seen)
        seen.append(item)


@asyncio.coroutine
def main(loop):
    queue = StatsQueue(maxsize=3, loop=loop)
    seen = []
    consumer = asyncio.ensure_future(consume(queue, seen), loop=loop)
    yield from asyncio.gather(produce(queue, "a", 4, loop), produce(queue, "b", 3, loop), loop=loop)
    yield from queue.put(None)
    total = yield from consumer
    print("consumed:", total, sorted(seen))
    print("puts:", queue.put_count, "high water:", queue.high_water)


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main(loop))
    loop.close()
