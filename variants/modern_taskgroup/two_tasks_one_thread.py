"""two_tasks_one_thread: two coroutines interleave on the same thread.

Style modern_taskgroup (3.11+): two TaskGroup tasks; the `async with` block
ends when both have finished. While one task sleeps, the loop runs the
other: both print the name of the one thread they share.
"""
import asyncio
import threading


async def hello(name, seconds):
    print("Hello world!", name, "on", threading.current_thread().name)
    await asyncio.sleep(seconds)
    print("Hello again!", name, "on", threading.current_thread().name)


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(hello("A", 1))
        tg.create_task(hello("B", 2))


if __name__ == "__main__":
    asyncio.run(main())
