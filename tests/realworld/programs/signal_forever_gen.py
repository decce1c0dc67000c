"""A heartbeat task under run_forever(); SIGUSR1 (sent to ourselves) stops the loop (2015)."""
import asyncio
import os
import signal
import sys


@asyncio.coroutine
def heartbeat(loop):
    for n in range(3):
        print("beat", n)
        yield from asyncio.sleep(0.01)
    loop.call_later(0.01, os.kill, os.getpid(), signal.SIGUSR1)


def on_signal(loop, name):
    print("received", name)
    loop.stop()


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    if sys.platform == "win32":  # no add_signal_handler there
        loop.call_later(0.1, loop.stop)
    else:
        loop.add_signal_handler(signal.SIGUSR1, on_signal, loop, "SIGUSR1")
    task = asyncio.ensure_future(heartbeat(loop))
    loop.run_forever()
    print("heartbeat done:", task.done())
    loop.close()
