"""Retry a flaky coroutine through a helper generator; names imported from asyncio (2015)."""
import sys
from asyncio import coroutine, get_event_loop, sleep

failures = {"left": 2}


def retry(make_coro, attempts):
    # A plain generator that delegates to coroutines: called with yield from.
    for attempt in range(1, attempts + 1):
        try:
            result = yield from make_coro()
            return attempt, result
        except ConnectionError as exc:
            print("attempt", attempt, "failed:", exc)
            yield from backoff(attempt)
    raise RuntimeError("gave up")


@coroutine
def backoff(attempt):
    yield from sleep(0.01 * attempt)


@coroutine
def flaky():
    yield from sleep(0.01)
    if failures["left"]:
        failures["left"] -= 1
        raise ConnectionError("connection reset")
    return "payload"


@coroutine
def main():
    attempt, result = yield from retry(flaky, 5)
    print("got", result, "on attempt", attempt)


if __name__ == "__main__":
    loop = get_event_loop()
    if "--verbose" in sys.argv:
        loop.set_debug(True)
        loop.run_until_complete(main())
    else:
        loop.run_until_complete(main())
    loop.close()
