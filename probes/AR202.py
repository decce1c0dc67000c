"""AR202 loop-argument-sleep: passing loop= to asyncio.sleep (and wait, wait_for, shield, as_completed)."""
import asyncio


async def main(loop):
    await asyncio.sleep(1, loop=loop)
    print("slept")


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main(loop))
finally:
    loop.close()
