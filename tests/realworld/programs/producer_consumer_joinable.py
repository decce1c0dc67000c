"""Workers on a JoinableQueue (Queue from 3.4.4 on): join() waits for every job (2015)."""
import asyncio

try:
    from asyncio import JoinableQueue
except ImportError:  # Queue has join() and task_done() now
    from asyncio import Queue as JoinableQueue


@asyncio.coroutine
def worker(queue, finished, loop):
    while True:
        job = yield from queue.get()
        yield from asyncio.sleep(0.01 * job, loop=loop)
        finished.append(job)
        queue.task_done()


@asyncio.coroutine
def run_jobs(jobs, loop):
    queue = JoinableQueue(loop=loop)
    for job in jobs:
        queue.put_nowait(job)
    finished = []
    workers = [asyncio.Task(worker(queue, finished, loop), loop=loop) for _ in range(3)]
    yield from queue.join()
    for task in workers:
        task.cancel()
    yield from asyncio.wait(workers, loop=loop)
    return finished


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    finished = loop.run_until_complete(run_jobs([3, 1, 4, 1, 5], loop))
    print("finished", len(finished), "jobs:", sorted(finished))
    loop.close()
