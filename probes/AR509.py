"""AR509 sleep-nan: asyncio.sleep(float("nan"))."""
import asyncio


async def main():
    try:
        await asyncio.wait_for(asyncio.sleep(float("nan")), 1)
        print("sleep returned")
    except asyncio.TimeoutError:
        print("still asleep when the timeout hit")


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()
