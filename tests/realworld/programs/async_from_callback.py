"""Work started from plain callbacks: asyncio.async() in a timer, asyncio.Task() in a done callback (2014)."""
import asyncio
import functools

log = []


@asyncio.coroutine
def process(item, loop):
    yield from asyncio.sleep(0.01, loop=loop)
    log.append("processed {}".format(item))
    return item * 10


@asyncio.coroutine
def archive(value, finished):
    log.append("archived {}".format(value))
    if value == 30:
        finished.set_result(len(log))


def on_done(task, finished):
    asyncio.Task(archive(task.result(), finished))  # a callback runs in the loop: no loop= needed


def on_tick(loop, items, finished):
    task = asyncio.async(process(items.pop(0), loop), loop=loop)
    task.add_done_callback(functools.partial(on_done, finished=finished))
    if items:
        loop.call_later(0.03, on_tick, loop, items, finished)


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    finished = asyncio.Future(loop=loop)
    loop.call_soon(on_tick, loop, [1, 2, 3], finished)
    loop.call_soon(asyncio.async, process(0, loop))
    print("log entries when finished:", loop.run_until_complete(finished))
    print("\n".join(log))
    loop.close()
