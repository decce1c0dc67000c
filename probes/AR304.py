"""AR304 module-loop-then-run: a loop made at import time, used inside asyncio.run()."""
import asyncio

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)


async def main():
    print("running loop is the module's loop:", asyncio.get_event_loop() is loop)
    try:
        await asyncio.wait_for(loop.run_in_executor(None, int), 1)
        print("executor result arrived")
    except (RuntimeError, ValueError) as exc:
        print("{}: {}".format(type(exc).__name__, str(exc).rsplit(">", 1)[-1].strip()))


try:
    asyncio.run(main())
finally:
    loop.close()
