"""AR405 gather-vs-taskgroup: a failing child of asyncio.gather() leaves its siblings running (a TaskGroup cancels them)."""
import asyncio

events = []


async def worker(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        events.append(name + " cancelled")
        raise
    if fail:
        raise ValueError("boom from " + name)
    events.append(name + " finished")


async def main():
    try:
        await asyncio.gather(worker("A", 1, fail=True), worker("B", 2), worker("C", 3))
    except ValueError as exc:
        print("gather raised:", exc)
    await asyncio.sleep(5)
    print("gather, siblings:", sorted(events))
    if hasattr(asyncio, "TaskGroup"):  # 3.11+: the port
        del events[:]
        try:
            async with asyncio.TaskGroup() as group:
                group.create_task(worker("A", 1, fail=True))
                group.create_task(worker("B", 2))
                group.create_task(worker("C", 3))
        except Exception as exc:  # an ExceptionGroup
            print("TaskGroup raised:", type(exc).__name__, [repr(e) for e in exc.exceptions])
        print("TaskGroup, siblings:", sorted(events))


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()
