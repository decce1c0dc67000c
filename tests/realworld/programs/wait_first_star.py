"""Ping three hosts, report the fastest (star import, loop looked up at import time)."""
from asyncio import *


@coroutine
def ping(host, delay):
    yield from sleep(delay)
    return host


@coroutine
def fastest():
    done, pending = yield from wait([ping("alpha", 5), ping("beta", 0.02), ping("gamma", 6)],
                                    return_when=FIRST_COMPLETED)
    for task in pending:
        task.cancel()
    yield from wait(pending)
    return [task.result() for task in done]


loop = get_event_loop()
print("fastest:", loop.run_until_complete(fastest()))
print("tasks left:", sum(not task.done() for task in Task.all_tasks(loop)))
loop.close()
