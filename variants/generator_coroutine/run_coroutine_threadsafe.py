"""run_coroutine_threadsafe: a plain thread calls coroutines on the event loop.

Style generator_coroutine (3.4-3.10): asyncio.run_coroutine_threadsafe(coro, loop)
schedules the coroutine on the loop's thread and returns a
concurrent.futures.Future; the calling thread blocks on .result(), which
returns the coroutine's value or raises its exception. main runs the
blocking worker in the default thread pool with run_in_executor(). Never
call .result() from the loop's own thread: it would block the loop it
waits for.
"""
import asyncio


@asyncio.coroutine
def fetch(key):
    yield from asyncio.sleep(1)
    if key == "missing":
        raise KeyError(key)
    print("loop fetched", key)
    return key.upper()


def legacy_worker(loop):
    for key in ("alpha", "beta", "missing"):
        future = asyncio.run_coroutine_threadsafe(fetch(key), loop)
        try:
            print("thread got", future.result())
        except KeyError as exc:
            print("thread caught KeyError", exc)


@asyncio.coroutine
def main():
    loop = asyncio.get_event_loop()
    print("main runs the legacy worker in a thread")
    yield from loop.run_in_executor(None, legacy_worker, loop)
    print("legacy worker finished")


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
