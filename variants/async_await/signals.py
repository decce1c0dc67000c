"""signals: SIGINT and SIGTERM handled on the event loop, then a clean shutdown.

Style async_await (3.5-3.13): loop.add_signal_handler(sig, callback, *args)
(Unix only) runs callback as an ordinary loop callback, not inside the
signal handler itself, so it may cancel a task. Here the callback cancels
the task doing the work; main(), awaiting it, catches the CancelledError,
and removes the handlers with loop.remove_signal_handler() (SIGINT gets back
Python's KeyboardInterrupt). Cancelling twice is harmless. The same idiom is
often written in the __main__ block: main_task = ensure_future(main()),
add_signal_handler(sig, main_task.cancel), run_until_complete(main_task),
with main() cleaning up in except CancelledError. The program sends itself
SIGTERM after 2 s; Ctrl+C (SIGINT) takes the same path.
"""
import asyncio
import os
import signal

SIGNALS = ("SIGINT", "SIGTERM")


def ask_exit(signame, ticker):
    print("got", signame)
    ticker.cancel()


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
    loop = asyncio.get_event_loop()
    ticker = asyncio.ensure_future(tick())
    for signame in SIGNALS:
        loop.add_signal_handler(getattr(signal, signame), ask_exit, signame, ticker)
    loop.call_later(2, os.kill, os.getpid(), signal.SIGTERM)
    print("handlers for {} installed; SIGTERM due in 2 s".format(" and ".join(SIGNALS)))
    try:
        await ticker
    except asyncio.CancelledError:
        pass
    removed = [loop.remove_signal_handler(getattr(signal, signame)) for signame in SIGNALS]
    print("handlers removed:", removed)


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
