"""AR104 yield-from-coroutine-in-generator: yield from a coroutine of your own async def inside an undecorated generator."""
import asyncio


async def job():
    return "job ran"


def legacy():
    result = yield from job()
    return result


loop = asyncio.new_event_loop()
try:
    print(loop.run_until_complete(legacy()))
finally:
    loop.close()
