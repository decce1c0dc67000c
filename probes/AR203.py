"""AR203 loop-argument-gather: passing loop= to asyncio.gather."""
import asyncio


async def job(n):
    return n


async def main(loop):
    print("results:", await asyncio.gather(job(1), job(2), loop=loop))


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main(loop))
finally:
    loop.close()
