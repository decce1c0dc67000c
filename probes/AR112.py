"""AR112 asyncio-iscoroutinefunction: asyncio.iscoroutinefunction() on an async def."""
import asyncio


async def job():
    pass


print("coroutine function:", asyncio.iscoroutinefunction(job))
