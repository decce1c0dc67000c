"""Look names up with a timeout each; a script with the loop at module level (2016)."""
import asyncio

DELAYS = {"a.example": 0.01, "slow.example": 10, "b.example": 0.02}


async def lookup(name):
    await asyncio.sleep(DELAYS[name])
    return name.upper()


async def lookup_all(names):
    results = {}
    for name in names:
        try:
            results[name] = await asyncio.wait_for(lookup(name), timeout=0.5)
        except asyncio.TimeoutError:
            results[name] = None
    return results


loop = asyncio.get_event_loop()
results = loop.run_until_complete(lookup_all(sorted(DELAYS)))
for name in sorted(results):
    print(name, results[name])
loop.close()
