"""wait_timeout: asyncio.wait(..., timeout=3) over five sleepers.

Style modern_taskgroup (3.11+): the sleepers are TaskGroup tasks, and
asyncio.wait() still gives the done/pending split; the timeout cancels
nothing, so pending tasks keep running. A TaskGroup cannot exit while a
child runs, so main cancels the leftovers itself -- which is what
asyncio.run() does to leftover tasks -- and the block waits for them.
"""
import asyncio

NAPS = (1, 2, 4, 5, 7)


async def sleeper(seconds):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print("sleeper", seconds, "cancelled")
        raise
    print("sleeper", seconds, "done")
    return seconds


async def main():
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(sleeper(seconds)) for seconds in NAPS]
        done, pending = await asyncio.wait(tasks, timeout=3)
        print("after wait(timeout=3):", len(done), "done,", len(pending), "pending")
        print("done:", sorted(task.result() for task in done))
        await asyncio.sleep(2.5)
        leftovers = [task for task in pending if not task.done()]
        print("cancelling", len(leftovers), "leftover task(s)")
        for task in leftovers:
            task.cancel()
    print("main done")


if __name__ == "__main__":
    asyncio.run(main())
