"""A periodic scheduler on loop.call_at / loop.time(); jobs are coroutines, a bare yield passes a turn (2014)."""
from asyncio import *

runs = []


@coroutine
def job(name, steps):
    for step in range(steps):
        runs.append("{}.{}".format(name, step))
        yield  # let the other jobs run: a bare yield gives up one turn of the loop


class Periodic:
    def __init__(self, loop, start, interval, times, name, steps):
        self.loop, self.deadline, self.interval, self.left = loop, start, interval, times
        self.name, self.steps = name, steps

    def start(self):
        self.deadline += self.interval
        self.loop.call_at(self.deadline, self.fire)

    def fire(self):
        self.left -= 1
        task = Task(job(self.name, self.steps), loop=self.loop)
        task.add_done_callback(self.finished)

    def finished(self, task):
        if self.left:
            self.start()
        elif not any(p.left for p in periodics):
            self.loop.call_soon(self.loop.stop)


loop = get_event_loop()
start = loop.time()
periodics = [Periodic(loop, start, 0.03, 2, "backup", 2), Periodic(loop, start, 0.03, 1, "report", 3)]
for periodic in periodics:
    periodic.start()
loop.run_forever()
print(runs)
print("late by less than a second:", loop.time() - periodics[0].deadline < 1)
loop.close()
