"""AR404 wait-timeout-vs-wait-for: asyncio.wait(timeout=) leaves the task running; wait_for() cancels it."""
import asyncio


async def slow(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(name, "got CancelledError")
        raise


async def main():
    first = asyncio.ensure_future(slow("wait"))
    done, pending = await asyncio.wait([first], timeout=1)
    print("wait: pending", len(pending), "cancelled", first.cancelled())
    second = asyncio.ensure_future(slow("wait_for"))
    try:
        await asyncio.wait_for(second, 1)
    except asyncio.TimeoutError:
        print("wait_for: timed out, cancelled", second.cancelled())
    first.cancel()
    await asyncio.wait([first, second])


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()
