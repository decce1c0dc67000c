"""AR301 get-event-loop-without-loop: asyncio.get_event_loop() outside a coroutine when no loop was set."""
import asyncio


async def main():
    return "main ran"


loop = asyncio.get_event_loop()
try:
    print(loop.run_until_complete(main()))
finally:
    loop.close()
