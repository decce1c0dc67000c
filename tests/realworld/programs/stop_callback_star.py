"""A countdown Task whose done callback stops run_forever() (star import, 2014)."""
from asyncio import *


@coroutine
def countdown(name, n):
    while n:
        print(name, n)
        yield from sleep(0.01)
        n -= 1
    return name + " done"


def stop_when_done(task):
    print("callback:", task.result())
    get_event_loop().stop()


if __name__ == "__main__":
    loop = get_event_loop()
    task = Task(countdown("liftoff", 3))
    task.add_done_callback(stop_when_done)
    loop.run_forever()
    loop.close()
    print("closed")
