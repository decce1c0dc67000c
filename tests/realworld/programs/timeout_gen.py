"""wait_for with a timeout around slow operations, loop= everywhere (2015)."""
import asyncio


@asyncio.coroutine
def slow_operation(name, delay, loop):
    yield from asyncio.sleep(delay, loop=loop)
    return "{} finished".format(name)


@asyncio.coroutine
def main(loop):
    for name, delay, timeout in (("quick", 0.01, 2), ("sluggish", 10, 0.05)):
        try:
            result = yield from asyncio.wait_for(slow_operation(name, delay, loop), timeout=timeout, loop=loop)
        except asyncio.TimeoutError:
            result = "{} timed out".format(name)
        print(result)


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main(loop))
    loop.close()
