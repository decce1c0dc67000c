"""call_later_call_at: delayed and timed callbacks against loop.time().

Style modern_taskgroup (3.11+): the coroutine gets the loop with
asyncio.get_running_loop() and waits with `await`.
call_later(delay) and call_at(when) run a callback no earlier than the loop
time asked for; a blocking callback makes the timed one fire late.
"""
import asyncio
import time


def report(name):
    print(name, "fires")


def blocking_callback(seconds):
    print("call_soon callback blocks the loop for", seconds, "s")
    time.sleep(seconds)
    print("blocking callback done")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    loop.call_later(2, report, "call_later(2)")
    loop.call_at(start + 1, report, "call_at(start + 1)")
    loop.call_soon(blocking_callback, 1.5)
    print("three callbacks scheduled")
    await asyncio.sleep(3)
    print("main done")


if __name__ == "__main__":
    asyncio.run(main())
