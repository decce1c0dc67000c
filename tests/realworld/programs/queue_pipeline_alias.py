"""A two-stage pipeline on bounded queues: join() to drain, None sentinels to stop; a stalled stage times out (2016)."""
import asyncio as aio

try:
    ensure_future = aio.ensure_future
except AttributeError:  # Python 3.4.3 and older
    ensure_future = getattr(aio, "async")

loop = aio.get_event_loop()
raw = aio.Queue(maxsize=2, loop=loop)
cooked = aio.Queue(loop=loop)


async def worker(name):
    while True:
        item = await raw.get()
        if item is None:
            raw.task_done()
            return name
        await aio.sleep(0.01, loop=loop)
        await cooked.put((item, item.upper()))
        raw.task_done()


async def feed(items, workers):
    for item in items:
        await raw.put(item)
    await raw.join()  # everything fed has been cooked
    for _ in workers:
        await raw.put(None)
    return await aio.gather(*workers, loop=loop)


async def stalled():
    await raw.get()  # nobody puts anything any more


workers = [ensure_future(worker(name), loop=loop) for name in ("w1", "w2")]
stopped = loop.run_until_complete(feed(["spam", "eggs", "ham", "toast"], workers))
print("stopped:", stopped)
print("cooked:", sorted(cooked.get_nowait() for _ in range(cooked.qsize())))
try:
    loop.run_until_complete(aio.wait_for(stalled(), 0.05, loop=loop))
except aio.TimeoutError:
    print("stalled stage timed out; raw queue empty:", raw.empty())
loop.close()
