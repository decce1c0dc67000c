"""background_tasks: fire-and-forget tasks, kept alive by a strong reference.

Style modern_taskgroup (3.11+): the loop keeps only weak references to tasks,
so a bare asyncio.create_task() whose result is dropped can be
garbage-collected mid-flight (when it waits on a future only it knows
about): its cleanup runs at GC and the loop logs "Task was destroyed but it
is pending!". A TaskGroup holds a strong reference to each child until it is
done, and leaving the block waits for the jobs still running. (A task that
must outlive the block still needs the set + add_done_callback(set.discard)
pattern.)
"""
import asyncio


async def background_job(name, seconds):
    await asyncio.sleep(seconds)
    print("background job", name, "done")


async def main():
    async with asyncio.TaskGroup() as tg:
        for name, seconds in (("A", 1), ("B", 3)):
            tg.create_task(background_job(name, seconds))
        print("main goes on without awaiting them")
        await asyncio.sleep(2)
        print("main's own work is done")
    print("all background jobs done")


if __name__ == "__main__":
    asyncio.run(main())
