"""Fan-out: one Queue per worker, names imported from asyncio (2015)."""
from asyncio import Queue, coroutine, gather, get_event_loop, sleep


@coroutine
def worker(name, inbox, loop):
    handled = []
    while True:
        message = yield from inbox.get()
        if message is None:
            return "{}: {}".format(name, ", ".join(handled))
        yield from sleep(0.01, loop=loop)
        handled.append(message)


@coroutine
def dispatch(messages, loop):
    inboxes = {name: Queue(loop=loop) for name in ("even", "odd")}
    workers = [worker(name, inbox, loop) for name, inbox in sorted(inboxes.items())]
    for n, message in enumerate(messages):
        yield from inboxes["even" if n % 2 == 0 else "odd"].put(message)
    for inbox in inboxes.values():
        yield from inbox.put(None)
    return (yield from gather(*workers, loop=loop))


if __name__ == "__main__":
    loop = get_event_loop()
    for line in loop.run_until_complete(dispatch(["a", "b", "c", "d", "e"], loop)):
        print(line)
    loop.close()
