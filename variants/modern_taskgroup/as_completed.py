"""as_completed: results in completion order; a 3.5 s timeout stops after three, then the rest are cancelled.

Style modern_taskgroup (3.11+): `async with asyncio.timeout(3.5)` around the
loop is the 3.11 deadline for a block and does what as_completed(timeout=3.5)
does (which still works): the pending `await next_done` ends with
TimeoutError (the builtin, an OSError subclass, from 3.11) and no task is
cancelled. The leftovers are TaskGroup children: the group would wait for them
to finish, so main cancels them and the block waits for the cancellations.
3.13+ also offers `async for task in asyncio.as_completed(tasks)`, which
yields the original Tasks; on 3.11-3.12 `async for` raises TypeError, so this
port keeps the plain `for`.
"""
import asyncio

NAPS = (3, 1, 5, 2, 4)


async def sleeper(seconds):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print("sleeper", seconds, "cancelled")
        raise
    return "sleeper {} done".format(seconds)


async def main():
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(sleeper(seconds)) for seconds in NAPS]
        try:
            async with asyncio.timeout(3.5):
                for next_done in asyncio.as_completed(tasks):
                    result = await next_done
                    print("next result:", result)
        except TimeoutError as exc:
            print("timed out:", type(exc).__name__)
        leftovers = [task for task in tasks if not task.done()]
        print("cancelling", len(leftovers), "leftover task(s)")
        for task in leftovers:
            task.cancel()
    print("main done")


if __name__ == "__main__":
    asyncio.run(main())
