"""A logging.Filter that stamps each record with the asyncio task that logged it (Task.current_task, 2015)."""
import asyncio
import logging
import sys


class TaskFilter(logging.Filter):
    def __init__(self):
        super(TaskFilter, self).__init__()
        self.numbers = {}

    def filter(self, record):
        task = asyncio.Task.current_task()
        if task is None:
            record.task = "main"
        else:
            record.task = "task-{}".format(self.numbers.setdefault(task, len(self.numbers) + 1))
        return True


handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("%(task)-6s %(levelname)s %(message)s"))
handler.addFilter(TaskFilter())
log = logging.getLogger("jobs")
log.addHandler(handler)
log.setLevel(logging.INFO)


@asyncio.coroutine
def job(name, steps):
    log.info("%s starts", name)
    for step in range(steps):
        yield from asyncio.sleep(0.01 * (step + 1))
    log.info("%s did %d steps", name, steps)


@asyncio.coroutine
def supervisor(loop):
    tasks = [asyncio.async(job(name, steps)) for name, steps in (("fetch", 2), ("parse", 1))]
    running = asyncio.Task.all_tasks(loop)
    log.info("%d tasks known to the loop", len(running))
    yield from asyncio.wait(tasks)
    log.info("all done")


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    log.info("starting")
    loop.run_until_complete(supervisor(loop))
    log.info("tasks still pending: %d", sum(not t.done() for t in asyncio.Task.all_tasks(loop)))
    loop.close()
