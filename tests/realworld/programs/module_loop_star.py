"""A script with star-imported names: tasks gathered on the module's loop (2014)."""
from asyncio import *

loop = get_event_loop()


@coroutine
def compute(x, y):
    print("compute {} + {}".format(x, y))
    yield from sleep(0.01)
    return x + y


@coroutine
def print_sum(x, y):
    result = yield from compute(x, y)
    print("{} + {} = {}".format(x, y, result))
    return result


total = loop.run_until_complete(print_sum(1, 2))
results = loop.run_until_complete(gather(Task(print_sum(3, 4)), Task(print_sum(5, 6))))
print("results:", total, results)
loop.close()
