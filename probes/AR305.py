"""AR305 run-in-running-loop: asyncio.run() called from a coroutine."""
import asyncio


async def inner():
    return "inner ran"


async def main():
    print(asyncio.run(inner()))


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()
