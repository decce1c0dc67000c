"""AR201 loop-argument-primitives: passing loop= to asyncio.Lock (and Event, Queue, ...), and dropping it."""
import asyncio

loop = asyncio.new_event_loop()  # runs the program, but is not the current loop
current = asyncio.new_event_loop()
asyncio.set_event_loop(current)
try:
    event = asyncio.Event()  # loop=loop dropped: 3.6-3.9 bind the current loop here, 3.10+ the one that uses it

    async def waiter():
        loop.call_soon(event.set)
        await event.wait()

    try:
        loop.run_until_complete(waiter())
        print("loop= dropped: ran")
    except RuntimeError as error:
        print("loop= dropped: RuntimeError:", "attached to a different loop" if "different loop" in str(error) else error)
    lock = asyncio.Lock(loop=loop)
    print("locked:", lock.locked())
finally:
    asyncio.set_event_loop(None)
    current.close()
    loop.close()
