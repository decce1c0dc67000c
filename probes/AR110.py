"""AR110 plain-with-lock: a plain 'with lock:' on an asyncio.Lock."""
import asyncio


async def main():
    lock = asyncio.Lock()
    with lock:
        print("inside, locked:", lock.locked())


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()
