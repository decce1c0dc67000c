"""as_completed: results in completion order; a 3.5 s timeout stops after three, then the rest are cancelled.

Style generator_coroutine (3.4-3.10): `for next_done in
asyncio.as_completed(tasks, timeout=3.5)` yields awaitables in completion
order; each `yield from next_done` gives the next result (not the original
Task). When the timeout passes, the pending `yield from` raises
asyncio.TimeoutError (on 3.6-3.7 that is concurrent.futures.TimeoutError) and
nothing is cancelled: the leftover tasks keep running until main cancels them.
"""
import asyncio

NAPS = (3, 1, 5, 2, 4)


@asyncio.coroutine
def sleeper(seconds):
    try:
        yield from asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print("sleeper", seconds, "cancelled")
        raise
    return "sleeper {} done".format(seconds)


@asyncio.coroutine
def main():
    tasks = [asyncio.ensure_future(sleeper(seconds)) for seconds in NAPS]
    try:
        for next_done in asyncio.as_completed(tasks, timeout=3.5):
            result = yield from next_done
            print("next result:", result)
    except asyncio.TimeoutError as exc:
        print("timed out:", type(exc).__name__)
    leftovers = [task for task in tasks if not task.done()]
    print("cancelling", len(leftovers), "leftover task(s)")
    for task in leftovers:
        task.cancel()
    yield from asyncio.wait(leftovers)
    print("main done")


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
