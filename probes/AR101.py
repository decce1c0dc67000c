"""AR101 coroutine-decorator: a generator-based coroutine run by the loop."""
import asyncio


@asyncio.coroutine
def legacy():
    yield from asyncio.sleep(0)
    return "legacy ran"


loop = asyncio.new_event_loop()
print(loop.run_until_complete(legacy()))
loop.close()
