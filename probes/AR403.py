"""AR403 wait-bare-coroutines: handing asyncio.wait() coroutines instead of tasks."""
import asyncio


async def job(n):
    return n


async def main():
    done, pending = await asyncio.wait([job(1), job(2)])
    print("done:", sorted(t.result() for t in done), "pending:", len(pending))


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()
