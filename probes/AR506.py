"""AR506 wait-for-zero-timeout: asyncio.wait_for(coro, 0) with a coroutine that finishes at once."""
import asyncio


async def quick():
    return "quick"


async def main():
    try:
        print("wait_for returned:", await asyncio.wait_for(quick(), 0))
    except asyncio.TimeoutError:
        print("wait_for timed out")


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()
