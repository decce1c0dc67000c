"""custom_loop: the same program on another event loop (uvloop).

Style generator_coroutine (3.4-3.10): the loop is replaced through the
event-loop policy (uvloop.install() is the shorthand). The loop is then made
with new_event_loop() and set: uvloop 0.22+ policies no longer create one in
get_event_loop(). The coroutines do not change; only the way the program
starts does.
"""
import asyncio

import uvloop


@asyncio.coroutine
def worker(name, steps):
    for step in range(steps):
        print(name, "step", step)
        yield from asyncio.sleep(0)  # hand the loop to the next task
    return name.upper()


@asyncio.coroutine
def main():
    loop = asyncio.get_event_loop()
    loop.call_soon(print, "callback runs first")
    tasks = [asyncio.ensure_future(worker(name, 2)) for name in ("a", "b")]
    results = yield from asyncio.gather(*tasks)
    print("results", results)


if __name__ == "__main__":
    asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    loop.run_until_complete(main())
    print("ran on", type(loop).__module__, type(loop).__name__)
    loop.close()
