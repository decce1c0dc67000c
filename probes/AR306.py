"""AR306 implicit-loop-lookup: asyncio.Future() (and gather, shield, ensure_future ...) outside a running loop."""
import asyncio

future = asyncio.Future()
loop = asyncio.get_event_loop()
try:
    loop.call_soon(future.set_result, "future set")
    print(loop.run_until_complete(future))
finally:
    loop.close()
