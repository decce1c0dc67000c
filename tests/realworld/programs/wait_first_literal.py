"""Race two coroutines with asyncio.wait(FIRST_COMPLETED) and cancel the loser (2015)."""
import asyncio


@asyncio.coroutine
def fast():
    yield from asyncio.sleep(0.01)
    return "fast"


@asyncio.coroutine
def slow():
    yield from asyncio.sleep(10)
    return "slow"


@asyncio.coroutine
def race():
    done, pending = yield from asyncio.wait([fast(), slow()], return_when=asyncio.FIRST_COMPLETED)
    print("done:", [task.result() for task in done])
    for task in pending:
        task.cancel()
    yield from asyncio.wait(pending)
    print("cancelled:", [task.cancelled() for task in pending])


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(race())
    loop.close()
