"""A retry decorator with exponential backoff for coroutines, built from @asyncio.coroutine and functools.wraps (2015)."""
import asyncio
import functools

delays = []


def retry(attempts=4, base=0.001, exceptions=(ConnectionError,)):
    def decorate(func):
        func = asyncio.coroutine(func)  # so plain functions can be decorated as well

        @asyncio.coroutine
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            for attempt in range(attempts):
                try:
                    return (yield from func(*args, **kwargs))
                except exceptions as exc:
                    if attempt == attempts - 1:
                        raise
                    delay = base * 2 ** attempt
                    delays.append((func.__name__, type(exc).__name__, delay))
                    yield from asyncio.sleep(delay)
        return wrapper
    return decorate


calls = {"flaky": 0}


@retry()
def flaky(x):
    calls["flaky"] += 1
    yield from asyncio.sleep(0)
    if calls["flaky"] < 3:
        raise ConnectionResetError("try again")
    return x * 2


@retry(attempts=2, exceptions=(KeyError,))
def lookup(key):
    return {"a": 1}[key]  # not a generator: asyncio.coroutine wraps it


@asyncio.coroutine
def main():
    print("flaky:", (yield from flaky(21)), "after", calls["flaky"], "calls")
    print("lookup a:", (yield from lookup("a")))
    try:
        yield from lookup("b")
    except KeyError as exc:
        print("lookup b gave up:", type(exc).__name__, exc.args)
    print("wrapped name:", flaky.__name__, lookup.__name__)
    for name, error, delay in delays:
        print("  backoff {} {} {:.3f}".format(name, error, delay))


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
