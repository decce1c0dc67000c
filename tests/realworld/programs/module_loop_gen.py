"""A script: the loop at module level, loop= passed to sleep and gather (2015)."""
import asyncio

loop = asyncio.get_event_loop()


@asyncio.coroutine
def greet(name, delay):
    yield from asyncio.sleep(delay, loop=loop)
    return "hello " + name


@asyncio.coroutine
def greet_all(names):
    greetings = yield from asyncio.gather(*[greet(name, 0.01 * len(name)) for name in names], loop=loop)
    return greetings


print(loop.run_until_complete(greet_all(["ann", "bob", "christine"])))
print(loop.run_until_complete(greet("again", 0.01)))
loop.close()
