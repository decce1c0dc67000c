"""AR109 with-await-lock: taking an asyncio.Lock with 'with (await lock)'."""
import asyncio


async def main():
    lock = asyncio.Lock()
    with (await lock):
        print("inside, locked:", lock.locked())
    print("after, locked:", lock.locked())


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()
