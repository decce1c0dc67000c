"""A coroutine checked step by step, as a 2015 test did it, then run on the loop (2015)."""
import asyncio


@asyncio.coroutine
def fetch(get):
    future = get()
    data = yield from future
    return data.upper()


def test_fetch_waits_for_its_future():
    loop = asyncio.new_event_loop()
    future = asyncio.Future(loop=loop)
    stepper = fetch(lambda: future)
    waited = next(stepper)  # yield from a Future yields the Future itself
    print("waits for its future:", waited is future)
    future.set_result("payload")
    try:
        stepper.send(None)
    except StopIteration as stop:
        print("result:", stop.value)
    loop.close()


@asyncio.coroutine
def main():
    result = yield from fetch(lambda: asyncio.sleep(0.01, result="real"))
    print("on the loop:", result)


if __name__ == "__main__":
    test_fetch_waits_for_its_future()
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
