"""background_tasks: fire-and-forget tasks, kept alive by a strong reference.

Style async_await (3.5-3.13): the loop keeps only weak references to tasks,
so a pending task that nothing else references (one waiting on a future only
it knows about) can be garbage-collected mid-flight: its cleanup runs at GC
and the loop logs "Task was destroyed but it is pending!". Keep each task in
a set and let a done-callback remove it. Before returning, main waits for the
jobs still running: run_until_complete() + close() would destroy them,
asyncio.run() would cancel them.
"""
import asyncio


async def background_job(name, seconds):
    await asyncio.sleep(seconds)
    print("background job", name, "done")


async def main():
    background = set()
    for name, seconds in (("A", 1), ("B", 3)):
        task = asyncio.ensure_future(background_job(name, seconds))
        background.add(task)  # the loop itself keeps only a weak reference
        task.add_done_callback(background.discard)  # drop it once done
    print("main goes on without awaiting them")
    await asyncio.sleep(2)
    print("main's own work is done")
    await asyncio.gather(*background)
    print("all background jobs done")


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
