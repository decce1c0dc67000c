"""A loop that runs blocking jobs in a thread pool until SIGUSR1 stops it (2015)."""
import asyncio
import os
import signal
import time


def job(n):
    time.sleep(0.01)
    return n + 100


@asyncio.coroutine
def run_jobs(loop, results):
    for n in range(3):
        results.append((yield from loop.run_in_executor(None, job, n)))
    loop.call_later(0.01, os.kill, os.getpid(), signal.SIGUSR1)


def stop(loop):
    print("SIGUSR1: stopping")
    loop.stop()


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.add_signal_handler(signal.SIGUSR1, stop, loop)
    results = []
    asyncio.ensure_future(run_jobs(loop, results))
    try:
        loop.run_forever()
    finally:
        loop.close()
    print("results:", results)
