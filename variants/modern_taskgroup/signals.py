"""signals: SIGINT and SIGTERM handled on the event loop, then a clean shutdown.

Style modern_taskgroup (3.11+): asyncio.run() already turns Ctrl+C into a
cancellation of main() followed by KeyboardInterrupt; SIGTERM (what a
service manager or `docker stop` sends) still needs
loop.add_signal_handler(sig, callback, *args) (Unix only), which runs
callback as an ordinary loop callback. Here the callback sets an
asyncio.Event: main() wakes from stop.wait() with nothing cancelled, asks
the TaskGroup's worker to stop, and leaving the group waits for it. An
Event can be set any number of times, so a second signal is harmless. While
installed, the SIGINT handler replaces asyncio.run()'s own;
loop.remove_signal_handler() puts Python's KeyboardInterrupt back. The
program sends itself SIGTERM after 2 s; Ctrl+C (SIGINT) takes the same path.
"""
import asyncio
import os
import signal

SIGNALS = ("SIGINT", "SIGTERM")


def ask_exit(signame, stop):
    print("got", signame)
    stop.set()


async def tick():
    ticks = 0
    try:
        while True:
            await asyncio.sleep(0.6)
            ticks += 1
            print("tick", ticks)
    except asyncio.CancelledError:
        print("ticker cancelled after", ticks, "ticks")
        raise


async def main():
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    async with asyncio.TaskGroup() as tg:
        ticker = tg.create_task(tick())
        for signame in SIGNALS:
            loop.add_signal_handler(getattr(signal, signame), ask_exit, signame, stop)
        loop.call_later(2, os.kill, os.getpid(), signal.SIGTERM)
        print("handlers for {} installed; SIGTERM due in 2 s".format(" and ".join(SIGNALS)))
        await stop.wait()
        ticker.cancel()
    removed = [loop.remove_signal_handler(getattr(signal, signame)) for signame in SIGNALS]
    print("handlers removed:", removed)


if __name__ == "__main__":
    asyncio.run(main())
