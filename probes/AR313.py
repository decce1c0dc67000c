"""AR313 get-event-loop-after-set: asyncio.get_event_loop() outside a coroutine after set_event_loop()."""
import asyncio

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
try:
    print("returns the loop that was set:", asyncio.get_event_loop() is loop)
finally:
    asyncio.set_event_loop(None)
    loop.close()
