"""Retry with a growing timeout: wait_for and TimeoutError imported from asyncio (2016)."""
from asyncio import TimeoutError, coroutine, get_event_loop, sleep, wait_for

attempts = []


@coroutine
def slow_service():
    attempts.append(len(attempts))
    yield from sleep(5 if len(attempts) < 3 else 0.01)
    return "answer after {} attempts".format(len(attempts))


@coroutine
def call_with_retries(timeouts):
    for timeout in timeouts:
        try:
            return (yield from wait_for(slow_service(), timeout))
        except TimeoutError:
            print("timed out after", timeout)
    return "no answer"


if __name__ == "__main__":
    loop = get_event_loop()
    print(loop.run_until_complete(call_with_retries([0.02, 0.04, 1])))
    loop.close()
