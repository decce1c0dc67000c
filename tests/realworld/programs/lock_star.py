"""One printer, several jobs: a Lock and a Semaphore from the star import (2015)."""
from asyncio import *

log = []


@coroutine
def print_job(name, printer, paper):
    with (yield from paper):
        with (yield from printer):
            log.append(name + " start")
            yield from sleep(0.01)
            log.append(name + " end")


@coroutine
def office():
    printer, paper = Lock(), Semaphore(2)
    jobs = [Task(print_job(name, printer, paper)) for name in ("memo", "report", "invoice")]
    yield from wait(jobs)


if __name__ == "__main__":
    loop = get_event_loop()
    try:
        loop.run_until_complete(office())
    finally:
        loop.close()
    print("\n".join(log))
