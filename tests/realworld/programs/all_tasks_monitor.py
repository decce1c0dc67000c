"""A monitor coroutine counts running tasks with Task.all_tasks(); a callback stops the loop."""
import asyncio


@asyncio.coroutine
def worker(n):
    yield from asyncio.sleep(0.01 * (n + 1))
    return n * 10


@asyncio.coroutine
def monitor(loop, workers):
    print("running:", sum(not task.done() for task in asyncio.Task.all_tasks(loop)))
    yield from asyncio.wait(workers)
    print("running:", sum(not task.done() for task in asyncio.Task.all_tasks(loop)))
    return "all done"


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    workers = [asyncio.ensure_future(worker(n)) for n in range(3)]
    watch = asyncio.ensure_future(monitor(loop, workers))
    watch.add_done_callback(lambda _: loop.stop())
    loop.run_forever()
    print("monitor:", watch.result())
    print("results:", [task.result() for task in workers])
    loop.close()
