"""semaphore: ten jobs, at most three at a time.

Style generator_coroutine (3.4-3.10): take a slot with
`yield from sem.acquire()` and give it back in `try/finally: sem.release()`
(not `with (yield from sem)`: DeprecationWarning on 3.7-3.8, TypeError on
3.9+). Jobs waiting for a slot get one in the order they asked.
"""
import asyncio

# Seconds of work per job: one job finishes every half second, never two at once.
DURATIONS = (1, 1.5, 2, 2, 1, 1.5, 1.5, 1.5, 2, 1)


@asyncio.coroutine
def job(number, seconds, sem, running):
    yield from sem.acquire()
    try:
        running.append(number)
        print("job", number, "starts;", len(running), "running")
        yield from asyncio.sleep(seconds)
        running.remove(number)
        print("job", number, "done after", seconds, "s")
    finally:
        sem.release()


@asyncio.coroutine
def main():
    sem = asyncio.Semaphore(3)
    running = []
    print(len(DURATIONS), "jobs, at most 3 at a time")
    jobs = [asyncio.ensure_future(job(number, seconds, sem, running))
            for number, seconds in enumerate(DURATIONS, 1)]
    yield from asyncio.gather(*jobs)
    print("all jobs done")


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
