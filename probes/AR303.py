"""AR303 get-event-loop-after-run: asyncio.get_event_loop() after asyncio.run() returned."""
import asyncio


async def main():
    return "main ran"


print(asyncio.run(main()))
loop = asyncio.get_event_loop()
try:
    print(loop.run_until_complete(main()))
finally:
    loop.close()
