"""timeout: give up on work after 2 s; the work is cancelled and cleans up.

Style modern_taskgroup (3.11+): `async with asyncio.timeout(2)` cancels
whatever the block is awaiting when the time is up, waits for it to handle
the cancellation, and raises TimeoutError -- the builtin, a subclass of
OSError: put `except TimeoutError` before any `except OSError`. No task is
needed. asyncio.timeout() is 3.11+; on older interpreters use
asyncio.wait_for(). Compare asyncio.wait(timeout=), which cancels nothing
(topic wait_timeout).
"""
import asyncio


async def job(name, seconds):
    print(name, "starts a", seconds, "s job")
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(name, "cancelled, cleaning up")
        raise
    print(name, "finished")
    return seconds


async def main():
    for name, seconds in (("quick", 1), ("slow", 5)):
        try:
            async with asyncio.timeout(2):
                result = await job(name, seconds)
        except TimeoutError:
            print(name, "timed out")
        else:
            print(name, "returned", result)


if __name__ == "__main__":
    asyncio.run(main())
