"""custom_loop: the same program on another event loop (uvloop).

Style async_await (3.5-3.13): the loop is replaced through the event-loop
policy (uvloop.install() is the shorthand). The loop is then made with
new_event_loop() and set: uvloop 0.22+ policies no longer create one in
get_event_loop(). Policies are deprecated from 3.14.
"""
import asyncio

import uvloop


async def worker(name, steps):
    for step in range(steps):
        print(name, "step", step)
        await asyncio.sleep(0)  # hand the loop to the next task
    return name.upper()


async def main():
    loop = asyncio.get_event_loop()
    loop.call_soon(print, "callback runs first")
    tasks = [asyncio.ensure_future(worker(name, 2)) for name in ("a", "b")]
    results = await asyncio.gather(*tasks)
    print("results", results)


if __name__ == "__main__":
    asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    loop.run_until_complete(main())
    print("ran on", type(loop).__module__, type(loop).__name__)
    loop.close()
