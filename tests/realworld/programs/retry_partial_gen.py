"""Retries with a deadline per attempt and a growing pause (2016): the loop bound once with
functools.partial into the sleep and wait_for the helper uses, as the loop= style of the time had it."""
import asyncio
import functools


class Flaky:
    """A service that times out its first calls, then answers."""

    def __init__(self, slow_calls):
        self.slow_calls = slow_calls
        self.calls = 0

    @asyncio.coroutine
    def fetch(self, key):
        self.calls += 1
        yield from asyncio.sleep(10 if self.calls <= self.slow_calls else 0)
        return key.upper()


@asyncio.coroutine
def retry(make_call, attempts, loop):
    pause = functools.partial(asyncio.sleep, loop=loop)
    with_deadline = functools.partial(asyncio.wait_for, timeout=0.1, loop=loop)
    for attempt in range(1, attempts + 1):
        try:
            return attempt, (yield from with_deadline(make_call()))
        except asyncio.TimeoutError:
            print("attempt", attempt, "timed out")
            yield from pause(0.01 * attempt)
    raise RuntimeError("gave up after {} attempts".format(attempts))


@asyncio.coroutine
def main(loop):
    service = Flaky(slow_calls=2)
    attempt, value = yield from retry(lambda: service.fetch("spam"), 4, loop)
    print("got", value, "on attempt", attempt, "after", service.calls, "calls")
    try:
        yield from retry(lambda: Flaky(slow_calls=9).fetch("eggs"), 2, loop)
    except RuntimeError as error:
        print(error)


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main(loop))
    loop.close()
