"""A handle on a running task: yield from job waits for it, through a generator __iter__ (Future's way, 2015)."""
import asyncio


class Job(object):
    """A handle on a running task: yield from job waits for its result."""
    def __init__(self, coro, loop):
        self.task = loop.create_task(coro)

    def __iter__(self):
        result = yield from self.task  # a Future: fine in a plain generator
        return "job gave {}".format(result)


@asyncio.coroutine
def double(x):
    yield from asyncio.sleep(0.01)
    return x * 2


@asyncio.coroutine
def main(loop):
    print((yield from Job(double(21), loop)))


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main(loop))
    loop.close()
