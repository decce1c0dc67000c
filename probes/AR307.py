"""AR307 primitives-at-import-time: an asyncio.Event made at import time, used by two loops as two asyncio.run() calls would."""
import asyncio

legacy_loop = asyncio.new_event_loop()  # the current loop at import time (get_event_loop() in older code)
asyncio.set_event_loop(legacy_loop)
ready = asyncio.Event()


async def main():
    asyncio.get_event_loop().call_later(1, ready.set)
    await ready.wait()
    ready.clear()
    return "event seen"


for run in (1, 2):
    loop = asyncio.new_event_loop()  # what asyncio.run() does on every call
    try:
        print("run {}: {}".format(run, loop.run_until_complete(main())))
    except RuntimeError as exc:  # its message starts with a repr that holds an address
        print("run {}: RuntimeError: {}".format(run, str(exc).rsplit(">", 1)[-1].strip()))
    finally:
        loop.close()
legacy_loop.close()
