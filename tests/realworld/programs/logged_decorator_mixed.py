"""A tracing decorator for coroutines, stacked on @asyncio.coroutine generators and on async def alike (2016)."""
import asyncio
import functools

depth = [0]


def traced(func):
    @asyncio.coroutine
    @functools.wraps(func)
    def wrapper(*args):
        print("  " * depth[0] + "-> {}{}".format(func.__name__, args))
        depth[0] += 1
        try:
            result = yield from func(*args)
        finally:
            depth[0] -= 1
        print("  " * depth[0] + "<- {} = {!r}".format(func.__name__, result))
        return result
    return wrapper


@traced
@asyncio.coroutine
def add(a, b):
    yield from asyncio.sleep(0.01)
    return a + b


@traced
async def square_of_sum(a, b):
    total = await add(a, b)
    return total * total


@traced
@asyncio.coroutine
def report(pairs):
    results = []
    for a, b in pairs:
        results.append((yield from square_of_sum(a, b)))
    return results


if __name__ == "__main__":
    print("coroutine functions:", [asyncio.iscoroutinefunction(f) for f in (add, square_of_sum, report)])
    print("names kept:", add.__name__, square_of_sum.__name__, report.__name__)
    loop = asyncio.get_event_loop()
    print(loop.run_until_complete(report([(1, 2), (3, 4)])))
    loop.close()
