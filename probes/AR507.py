"""AR507 timeout-caught-as-oserror: 'except OSError' before 'except asyncio.TimeoutError'."""
import asyncio


async def main():
    try:
        await asyncio.wait_for(asyncio.sleep(10), 1)
    except OSError:
        print("handled as OSError")
    except asyncio.TimeoutError:
        print("handled as a timeout")


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()
