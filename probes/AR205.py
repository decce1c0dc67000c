"""AR205 loop-argument-subprocess: passing loop= to asyncio.create_subprocess_exec (and _shell)."""
import asyncio
import sys


def unraisable(info):
    print("ignored in __del__:", type(info.exc_value).__name__)


async def main(loop):
    process = await asyncio.create_subprocess_exec(sys.executable, "-c", "pass", loop=loop)
    print("exit status:", await process.wait())


if hasattr(sys, "unraisablehook"):  # 3.8+: what __del__ raises lands here, not on stderr
    sys.unraisablehook = unraisable
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)  # 3.6/3.7: the child watcher needs the main thread's loop
try:
    loop.run_until_complete(main(loop))
finally:
    asyncio.set_event_loop(None)
    loop.close()
