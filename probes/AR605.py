"""AR605 contextvars-run-in-executor: a ContextVar read by a function run in loop.run_in_executor()."""
import asyncio
import contextvars

request = contextvars.ContextVar("request", default="unset")


async def main():
    request.set("set in main")
    print("run_in_executor sees:", await asyncio.get_event_loop().run_in_executor(None, request.get))
    if hasattr(asyncio, "to_thread"):  # 3.9+: the port
        print("to_thread sees:", await asyncio.to_thread(request.get))


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()
