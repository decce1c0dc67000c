"""Fetch many pages, at most three at a time: Semaphore(loop=loop) and as_completed(..., loop=loop) (2016)."""
import asyncio

PAGES = {"/a": 0.03, "/b": 0.01, "/c": 0.02, "/d": 0.01, "/e": 0.04, "/f": 0.02, "/g": 0.01}


class Tracker(object):
    active = peak = 0


@asyncio.coroutine
def fetch(path, semaphore, loop):
    with (yield from semaphore):
        Tracker.active += 1
        Tracker.peak = max(Tracker.peak, Tracker.active)
        yield from asyncio.sleep(PAGES[path], loop=loop)
        Tracker.active -= 1
    if path == "/e":
        raise IOError("503 for " + path)
    return path, len(path) * 100


@asyncio.coroutine
def fetch_all(loop, limit=3):
    semaphore = asyncio.Semaphore(limit, loop=loop)
    done, failed = [], []
    for future in asyncio.as_completed([fetch(path, semaphore, loop) for path in sorted(PAGES)],
                                       timeout=5, loop=loop):
        try:
            done.append((yield from future))
        except IOError as exc:
            failed.append(str(exc))
    return sorted(done), failed


loop = asyncio.get_event_loop()
done, failed = loop.run_until_complete(fetch_all(loop))
print("fetched:", done)
print("failed:", failed)
print("peak:", Tracker.peak)

# the same, driven from outside the loop, one future at a time
semaphore = asyncio.Semaphore(2, loop=loop)
sizes = [loop.run_until_complete(future)[1]
         for future in asyncio.as_completed([fetch(p, semaphore, loop) for p in ("/b", "/d")], loop=loop)]
print("sizes:", sizes)
loop.close()
