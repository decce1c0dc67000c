"""wait_timeout: asyncio.wait(..., timeout=3) over five sleepers.

Style generator_coroutine (3.4-3.10): asyncio.wait() takes Tasks made
with asyncio.ensure_future() (3.11 forbids bare coroutines). The timeout
cancels nothing: pending tasks keep running. run_until_complete() + close()
would leave the leftovers pending ("Task was destroyed but it is pending!");
asyncio.run() would cancel them, so this port cancels them itself and waits
for them to finish.
"""
import asyncio

NAPS = (1, 2, 4, 5, 7)


@asyncio.coroutine
def sleeper(seconds):
    try:
        yield from asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print("sleeper", seconds, "cancelled")
        raise
    print("sleeper", seconds, "done")
    return seconds


@asyncio.coroutine
def main():
    tasks = [asyncio.ensure_future(sleeper(seconds)) for seconds in NAPS]
    done, pending = yield from asyncio.wait(tasks, timeout=3)
    print("after wait(timeout=3):", len(done), "done,", len(pending), "pending")
    print("done:", sorted(task.result() for task in done))
    yield from asyncio.sleep(2.5)
    leftovers = [task for task in pending if not task.done()]
    print("cancelling", len(leftovers), "leftover task(s)")
    for task in leftovers:
        task.cancel()
    yield from asyncio.wait(leftovers)
    print("main done")


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
