"""AR105 yield-from-in-async-def: yield from inside an async def."""
import asyncio


async def main():
    yield from asyncio.sleep(0)


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()
