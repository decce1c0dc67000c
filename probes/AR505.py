"""AR505 wait-for-swallowed-cancel: asyncio.wait_for() around a coroutine that swallows CancelledError."""
import asyncio


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn: cancelled, carries on")
    return "stubborn result"


async def main():
    try:
        print("wait_for returned:", await asyncio.wait_for(stubborn(), 1))
    except asyncio.TimeoutError:
        print("wait_for timed out")
    await asyncio.sleep(1)


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()
