"""AR103 await-plain-generator: awaiting a generator that is not decorated with @types.coroutine."""
import asyncio


def legacy():
    yield


async def main():
    await legacy()


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()
