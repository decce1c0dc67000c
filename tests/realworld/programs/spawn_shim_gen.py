"""A job runner of 2015 that kept Python 3.4.3 working: asyncio.async fetched with getattr, which parses
where async will be a keyword; jobs spawned from a timer callback, results gathered at the end."""
import asyncio

# The 3.4.0-3.4.3 name; a plain asyncio.async would not parse once async is a keyword.
spawn = getattr(asyncio, "async")
results = {}


@asyncio.coroutine
def job(name, delay):
    yield from asyncio.sleep(delay)
    results[name] = delay * 100
    return name


def start_more(loop, pending, started):
    # A timer callback: it cannot yield from, so it spawns.
    name, delay = pending.pop(0)
    started.append(spawn(job(name, delay)))
    if pending:
        loop.call_later(0.01, start_more, loop, pending, started)


@asyncio.coroutine
def main(loop):
    started = [spawn(job("first", 0.03))]
    loop.call_soon(start_more, loop, [("second", 0.02), ("third", 0.01)], started)
    yield from asyncio.sleep(0.05)
    done = yield from asyncio.gather(*started)
    return done


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    finished = loop.run_until_complete(main(loop))
    print("finished:", finished)
    print("results:", sorted(results.items()))
    loop.close()
