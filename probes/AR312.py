"""AR312 subprocess-in-thread: a child process started from an event loop in a non-main thread."""
import asyncio
import sys
import threading
import warnings

# 3.6/3.7 leave the child unreaped and warn about it later, naming its pid.
warnings.filterwarnings("ignore", category=ResourceWarning)
errors = []


async def child():
    process = await asyncio.create_subprocess_exec(sys.executable, "-c", "pass")
    print("exit status:", await process.wait())


def worker():
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(child())
    except RuntimeError as exc:
        errors.append(exc)
    finally:
        loop.close()


thread = threading.Thread(target=worker)
thread.start()
thread.join()
if errors:
    raise errors[0]
