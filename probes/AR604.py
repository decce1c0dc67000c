"""AR604 run-debug-default: whether asyncio.run() keeps debug mode on when the environment asks for it."""
import asyncio
import os

os.environ["PYTHONASYNCIODEBUG"] = "1"  # as -X dev or the variable set outside would


async def main():
    print("debug mode:", asyncio.get_event_loop().get_debug())


asyncio.run(main())
