"""signals: SIGINT and SIGTERM handled on the event loop, then a clean shutdown.

Style generator_coroutine (3.4-3.10): loop.add_signal_handler(sig, callback,
*args) (Unix only) runs callback as an ordinary loop callback, not inside
the signal handler itself, so it may touch the loop and its futures. Here
the callback completes a Future that main() waits on with yield from; main
then cancels its worker and removes the handlers with
loop.remove_signal_handler() (SIGINT gets back Python's KeyboardInterrupt).
A Future completes once: a second signal must not set_result() again
(InvalidStateError), hence the done() check. The 3.4 documentation's
example instead calls loop.stop() from the handler and runs the loop with
run_forever(): the loop stops, but every task is left pending and the
program must cancel and finish them after run_forever() returns. The program
sends itself SIGTERM after 2 s; Ctrl+C (SIGINT) takes the same path.
"""
import asyncio
import os
import signal

SIGNALS = ("SIGINT", "SIGTERM")


def ask_exit(signame, stopping):
    print("got", signame)
    if not stopping.done():
        stopping.set_result(signame)


@asyncio.coroutine
def tick():
    ticks = 0
    try:
        while True:
            yield from asyncio.sleep(0.6)
            ticks += 1
            print("tick", ticks)
    except asyncio.CancelledError:
        print("ticker cancelled after", ticks, "ticks")
        raise


@asyncio.coroutine
def main():
    loop = asyncio.get_event_loop()
    stopping = asyncio.Future()
    ticker = asyncio.ensure_future(tick())
    for signame in SIGNALS:
        loop.add_signal_handler(getattr(signal, signame), ask_exit, signame, stopping)
    loop.call_later(2, os.kill, os.getpid(), signal.SIGTERM)
    print("handlers for {} installed; SIGTERM due in 2 s".format(" and ".join(SIGNALS)))
    yield from stopping
    ticker.cancel()
    try:
        yield from ticker
    except asyncio.CancelledError:
        pass
    removed = [loop.remove_signal_handler(getattr(signal, signame)) for signame in SIGNALS]
    print("handlers removed:", removed)


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
