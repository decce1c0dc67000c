"""AR314 get-event-loop-in-coroutine: asyncio.get_event_loop() inside a coroutine."""
import asyncio


async def main(loop):
    print("the running loop, even with none set:", asyncio.get_event_loop() is loop)


loop = asyncio.new_event_loop()
asyncio.set_event_loop(None)
try:
    loop.run_until_complete(main(loop))
finally:
    loop.close()
