"""Alarms: Futures resolved by call_later and call_at, loop= passed along (2015)."""
import asyncio


@asyncio.coroutine
def alarm(loop, delay, name):
    future = asyncio.Future(loop=loop)
    loop.call_later(delay, future.set_result, name)
    result = yield from future
    return result


@asyncio.coroutine
def schedule(loop):
    rung = yield from asyncio.gather(alarm(loop, 0.02, "tea"), alarm(loop, 0.01, "eggs"), loop=loop)
    print("rung:", rung)
    future = asyncio.Future(loop=loop)
    loop.call_at(loop.time() + 0.02, future.set_result, "at the deadline")
    print((yield from future))
    yield from asyncio.sleep(0.01, loop=loop)
    print("slept")


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(schedule(loop))
    loop.close()
