"""First resolver to answer wins: probes collected with append, then wait(FIRST_COMPLETED)."""
import asyncio

RESOLVERS = [("resolver-a", 5), ("resolver-b", 0.01), ("resolver-c", 6)]


async def probe(name, delay, loop):
    await asyncio.sleep(delay, loop=loop)
    return name


async def first_answer(loop):
    probes = []
    for name, delay in RESOLVERS:
        probes.append(probe(name, delay, loop))
    done, pending = await asyncio.wait(probes, loop=loop, return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        task.cancel()
    await asyncio.wait(pending, loop=loop)
    return [task.result() for task in done], len(pending)


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    winners, cancelled = loop.run_until_complete(first_answer(loop))
    print("winner:", winners)
    print("cancelled:", cancelled)
    loop.close()
