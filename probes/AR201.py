"""AR201 loop-argument-primitives: passing loop= to asyncio.Lock (and Event, Queue, ...)."""
import asyncio

loop = asyncio.new_event_loop()
try:
    lock = asyncio.Lock(loop=loop)
    print("locked:", lock.locked())
finally:
    loop.close()
