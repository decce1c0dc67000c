"""custom_loop: the same program on another event loop (uvloop).

Style modern_taskgroup (3.11+): no policy. The loop comes from a
loop_factory: asyncio.Runner(loop_factory=...) here (3.11+);
asyncio.run(main(), loop_factory=uvloop.new_event_loop) from 3.12, or
uvloop.run(main()), do the same. The coroutines do not change; only the way
the program starts does.
"""
import asyncio

import uvloop


async def worker(name, steps):
    for step in range(steps):
        print(name, "step", step)
        await asyncio.sleep(0)  # hand the loop to the next task
    return name.upper()


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "callback runs first")
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(worker(name, 2)) for name in ("a", "b")]
    results = [task.result() for task in tasks]
    print("results", results)


if __name__ == "__main__":
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        loop = runner.get_loop()
        runner.run(main())
        print("ran on", type(loop).__module__, type(loop).__name__)
