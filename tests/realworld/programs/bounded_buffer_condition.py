"""A bounded buffer guarded by asyncio.Condition(loop=loop): producers wait for room, consumers for items (2015)."""
import asyncio


class BoundedBuffer(object):
    def __init__(self, size, loop):
        self.size, self.items = size, []
        self.condition = asyncio.Condition(loop=loop)

    @asyncio.coroutine
    def put(self, item):
        with (yield from self.condition):
            yield from self.condition.wait_for(lambda: len(self.items) < self.size)
            self.items.append(item)
            self.condition.notify_all()

    @asyncio.coroutine
    def get(self):
        with (yield from self.condition):
            while not self.items:
                yield from self.condition.wait()
            item = self.items.pop(0)
            self.condition.notify_all()
            return item


@asyncio.coroutine
def producer(buffer, name, count):
    for n in range(count):
        yield from buffer.put("{}{}".format(name, n))
        yield  # give the other producer a turn


@asyncio.coroutine
def consumer(buffer, count, peaks):
    got = []
    for _ in range(count):
        peaks.append(len(buffer.items))
        got.append((yield from buffer.get()))
    return got


@asyncio.coroutine
def main(loop):
    buffer, peaks = BoundedBuffer(2, loop), []
    producers = [asyncio.ensure_future(producer(buffer, name, 3), loop=loop) for name in "ab"]
    got = yield from asyncio.wait_for(consumer(buffer, 6, peaks), 2, loop=loop)
    yield from asyncio.wait(producers, loop=loop)
    print("consumed:", sorted(got))
    print("never more than 2 waiting:", max(peaks) <= 2)


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main(loop))
    loop.close()
