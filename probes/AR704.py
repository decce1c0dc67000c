"""AR704 subprocess-selector-windows: asyncio.create_subprocess_exec() on a selector loop (Windows' default up to 3.7)."""
import asyncio
import sys


async def main():
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-c", "print('child ran')", stdout=asyncio.subprocess.PIPE)
    out, _ = await child.communicate()
    print(out.decode().strip(), "exit status", child.returncode)


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)  # before 3.8 the child watcher of Unix finds its loop here
try:
    loop.run_until_complete(main())
finally:
    asyncio.set_event_loop(None)
    loop.close()
