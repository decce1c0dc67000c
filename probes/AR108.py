"""AR108 with-yield-from-lock: taking an asyncio.Lock with 'with (yield from lock)'."""
import asyncio
import types


@types.coroutine
def critical(lock):
    with (yield from lock):
        print("inside, locked:", lock.locked())
    print("after, locked:", lock.locked())


async def main():
    await critical(asyncio.Lock())


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()
