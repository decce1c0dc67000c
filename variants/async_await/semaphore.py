"""semaphore: ten jobs, at most three at a time.

Style async_await (3.5-3.13): take a slot for the duration of a block with
`async with sem:`. Jobs waiting for a slot get one in the order they asked.
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
    jobs = [asyncio.ensure_future(job(number, seconds, sem, running))
            for number, seconds in enumerate(DURATIONS, 1)]
    await asyncio.gather(*jobs)
    print("all jobs done")


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
