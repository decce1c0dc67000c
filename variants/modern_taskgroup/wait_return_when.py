"""wait_return_when: asyncio.wait(..., return_when=FIRST_COMPLETED / FIRST_EXCEPTION).

Style modern_taskgroup (3.11+): asyncio.wait() still gives the done/pending
split; it cancels nothing, so main cancels the pending tasks. With
FIRST_COMPLETED the tasks are TaskGroup children and leaving the block waits
for the cancelled one. With FIRST_EXCEPTION they must not be: a failing child
makes a TaskGroup cancel its siblings and main itself (see
cancel_on_first_error), so they are plain asyncio.create_task() tasks held in
a list, cancelled and waited for by main. wait() never raises a task's
exception; main reads it with task.exception(), which also keeps the loop from
logging "Task exception was never retrieved".
"""
import asyncio


async def worker(name, seconds, fail=False):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    if fail:
        print(name, "fails")
        raise ValueError(name + " failed")
    print(name, "done")
    return seconds


def report(named_tasks, done):
    # done is a set: walk the tasks in submission order instead.
    for name, task in named_tasks:
        if task not in done:
            print(" ", name, "pending")
        elif task.exception() is not None:
            error = task.exception()
            print(" ", name, "raised", type(error).__name__ + ":", error)
        else:
            print(" ", name, "returned", task.result())


async def main():
    async with asyncio.TaskGroup() as tg:
        named_tasks = [(name, tg.create_task(worker(name, seconds)))
                       for name, seconds in (("A", 1), ("B", 3))]
        done, pending = await asyncio.wait([task for _, task in named_tasks],
                                           return_when=asyncio.FIRST_COMPLETED)
        print("FIRST_COMPLETED:", len(done), "done,", len(pending), "pending")
        report(named_tasks, done)
        for task in pending:
            task.cancel()

    named_tasks = [(name, asyncio.create_task(worker(name, seconds, fail)))
                   for name, seconds, fail in (("C", 1, False), ("D", 2, True), ("E", 3, False))]
    done, pending = await asyncio.wait([task for _, task in named_tasks],
                                       return_when=asyncio.FIRST_EXCEPTION)
    print("FIRST_EXCEPTION:", len(done), "done,", len(pending), "pending")
    report(named_tasks, done)
    for task in pending:
        task.cancel()
    await asyncio.wait(pending)
    print("main done")


if __name__ == "__main__":
    asyncio.run(main())
