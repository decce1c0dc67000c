"""run_coroutine_threadsafe: a plain thread calls coroutines on the event loop.

Style modern_taskgroup (3.11+): unchanged at its core:
asyncio.run_coroutine_threadsafe(coro, loop) returns a
concurrent.futures.Future whose .result() blocks the calling thread. main
runs the blocking worker with asyncio.to_thread() (3.9+) and hands it
asyncio.get_running_loop(). Never call .result() from the loop's own
thread: it would block the loop it waits for.
"""
import asyncio


async def fetch(key):
    await asyncio.sleep(1)
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


async def main():
    loop = asyncio.get_running_loop()
    print("main runs the legacy worker in a thread")
    await asyncio.to_thread(legacy_worker, loop)
    print("legacy worker finished")


if __name__ == "__main__":
    asyncio.run(main())
