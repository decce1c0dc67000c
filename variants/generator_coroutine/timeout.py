"""timeout: give up on work after 2 s; the work is cancelled and cleans up.

Style generator_coroutine (3.4-3.10): asyncio.wait_for(task, 2) cancels the task on
timeout and raises asyncio.TimeoutError -- catch it by that name: it is the
builtin TimeoutError only from 3.11 (3.8-3.10 have their own class, 3.6-3.7
use concurrent.futures.TimeoutError). On 3.6, wait_for raises before the
cancelled task has run its cleanup (3.7+ waits for it), so main waits for the
task itself before going on. Compare asyncio.wait(timeout=), which cancels
nothing (topic wait_timeout).
"""
import asyncio


@asyncio.coroutine
def job(name, seconds):
    print(name, "starts a", seconds, "s job")
    try:
        yield from asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(name, "cancelled, cleaning up")
        raise
    print(name, "finished")
    return seconds


@asyncio.coroutine
def main():
    for name, seconds in (("quick", 1), ("slow", 5)):
        task = asyncio.ensure_future(job(name, seconds))
        try:
            result = yield from asyncio.wait_for(task, 2)
        except asyncio.TimeoutError:
            yield from asyncio.wait([task])  # 3.6: let the cleanup run first
            print(name, "timed out")
        else:
            print(name, "returned", result)


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
