"""semaphore: ten jobs, at most three at a time.

Style modern_taskgroup (3.11+): all ten jobs start in a TaskGroup and take a
slot with `async with sem:`; the semaphore, not the group, limits how many
run. Jobs waiting for a slot get one in the order they asked.
"""
import asyncio

# Seconds of work per job: one job finishes every half second, never two at once.
DURATIONS = (1, 1.5, 2, 2, 1, 1.5, 1.5, 1.5, 2, 1)


async def job(number, seconds, sem, running):
    async with sem:
        running.append(number)
        print("job", number, "starts;", len(running), "running")
        await asyncio.sleep(seconds)
        running.remove(number)
        print("job", number, "done after", seconds, "s")


async def main():
    sem = asyncio.Semaphore(3)
    running = []
    print(len(DURATIONS), "jobs, at most 3 at a time")
    async with asyncio.TaskGroup() as tg:
        for number, seconds in enumerate(DURATIONS, 1):
            tg.create_task(job(number, seconds, sem, running))
    print("all jobs done")


if __name__ == "__main__":
    asyncio.run(main())
