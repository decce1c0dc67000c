"""At most two downloads at a time: a Semaphore and gather, all given the loop (2016)."""
import asyncio


class Stats:
    running = 0
    peak = 0


async def download(name, semaphore, loop):
    async with semaphore:
        Stats.running += 1
        Stats.peak = max(Stats.peak, Stats.running)
        await asyncio.sleep(0.01, loop=loop)
        Stats.running -= 1
    return name + ".zip"


async def download_all(names, loop):
    semaphore = asyncio.Semaphore(2, loop=loop)
    return await asyncio.gather(*[download(name, semaphore, loop) for name in names], loop=loop)


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    files = loop.run_until_complete(download_all(["a", "b", "c", "d", "e"], loop))
    print("files:", files)
    print("peak concurrency:", Stats.peak)
    loop.close()
