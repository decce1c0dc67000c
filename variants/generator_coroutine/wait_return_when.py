"""wait_return_when: asyncio.wait(..., return_when=FIRST_COMPLETED / FIRST_EXCEPTION).

Style generator_coroutine (3.4-3.10): asyncio.wait() takes Tasks made with
asyncio.ensure_future() (3.11 forbids bare coroutines). It returns as soon as
the return_when condition holds and cancels nothing: the pending tasks keep
running until main cancels them and waits for them. wait() never raises a
task's exception; main reads it with task.exception(), which also keeps the
loop from logging "Task exception was never retrieved".
"""
import asyncio


@asyncio.coroutine
def worker(name, seconds, fail=False):
    try:
        yield from asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    if fail:
        print(name, "fails")
        raise ValueError(name + " failed")
    print(name, "done")
    return seconds


def report(named_tasks, done):
    # done is a set: walk the tasks in submission order instead (a list of
    # pairs, not a dict: dicts keep insertion order only from 3.6/3.7).
    for name, task in named_tasks:
        if task not in done:
            print(" ", name, "pending")
        elif task.exception() is not None:
            error = task.exception()
            print(" ", name, "raised", type(error).__name__ + ":", error)
        else:
            print(" ", name, "returned", task.result())


@asyncio.coroutine
def main():
    named_tasks = [(name, asyncio.ensure_future(worker(name, seconds)))
                   for name, seconds in (("A", 1), ("B", 3))]
    done, pending = yield from asyncio.wait([task for _, task in named_tasks],
                                            return_when=asyncio.FIRST_COMPLETED)
    print("FIRST_COMPLETED:", len(done), "done,", len(pending), "pending")
    report(named_tasks, done)
    for task in pending:
        task.cancel()
    yield from asyncio.wait(pending)

    named_tasks = [(name, asyncio.ensure_future(worker(name, seconds, fail)))
                   for name, seconds, fail in (("C", 1, False), ("D", 2, True), ("E", 3, False))]
    done, pending = yield from asyncio.wait([task for _, task in named_tasks],
                                            return_when=asyncio.FIRST_EXCEPTION)
    print("FIRST_EXCEPTION:", len(done), "done,", len(pending), "pending")
    report(named_tasks, done)
    for task in pending:
        task.cancel()
    yield from asyncio.wait(pending)
    print("main done")


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
