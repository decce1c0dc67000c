"""A blocking worker thread talks to the loop: run_coroutine_threadsafe for answers, call_soon_threadsafe to stop it (2016)."""
import asyncio
import threading

loop = asyncio.get_event_loop()
inbox = asyncio.Queue(loop=loop)


async def lookup(key):
    await asyncio.sleep(0.01, loop=loop)
    return {"host": "127.0.0.1", "port": 8080}.get(key, "?")


async def collect():
    while True:
        item = await inbox.get()
        print("loop got:", item)


def worker():
    for key in ("host", "port", "user"):
        future = asyncio.run_coroutine_threadsafe(lookup(key), loop)
        value = future.result(timeout=2)  # blocks this thread, not the loop
        loop.call_soon_threadsafe(inbox.put_nowait, "{}={}".format(key, value))
    done = asyncio.run_coroutine_threadsafe(inbox.join(), loop)
    loop.call_soon_threadsafe(lambda: [inbox.task_done() for _ in range(3)])
    done.result(timeout=2)
    loop.call_soon_threadsafe(loop.stop)


collector = asyncio.ensure_future(collect(), loop=loop)
thread = threading.Thread(target=worker)
thread.start()
loop.run_forever()
thread.join()
print("collector still running:", not collector.done())
collector.cancel()
loop.run_until_complete(asyncio.wait([collector], loop=loop))
print("collector cancelled:", collector.cancelled())
loop.close()
