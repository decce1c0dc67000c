"""gather: results in argument order from tasks that finish in another order; 99 tasks of 2 s take 2 s.

Style generator_coroutine (3.4-3.10): `yield from asyncio.gather(*tasks)`
returns the results as a list in the order of its arguments, whatever order
the tasks finish in. The tasks are made with ensure_future() first: 3.6's
gather() wraps bare coroutines in set order, so their start order would be
arbitrary. On the first exception gather() raises it and leaves the other
tasks running.
"""
import asyncio

JOBS = (("A", 3), ("B", 1), ("C", 2))


@asyncio.coroutine
def job(name, seconds):
    yield from asyncio.sleep(seconds)
    print("job", name, "finished")
    return name


@asyncio.coroutine
def nap(number, seconds):
    yield from asyncio.sleep(seconds)
    return number


@asyncio.coroutine
def main():
    tasks = [asyncio.ensure_future(job(name, seconds)) for name, seconds in JOBS]
    results = yield from asyncio.gather(*tasks)
    print("results, in argument order:", results)
    tasks = [asyncio.ensure_future(nap(number, 2)) for number in range(1, 100)]
    print(len(tasks), "tasks of 2 s each created")
    results = yield from asyncio.gather(*tasks)
    print(len(results), "results, all in argument order:", results == list(range(1, 100)))


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
