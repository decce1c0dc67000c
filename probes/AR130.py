"""AR130 yield-from-stdlib-coroutine: yield from asyncio.sleep() (asyncio's own coroutine) inside an undecorated generator."""
import asyncio
import types


def legacy():
    yield from asyncio.sleep(0)  # 3.6's asyncio.sleep is a generator; 3.7's an async def
    return "legacy ran"


@types.coroutine
def bridge():  # runs legacy() as an @asyncio.coroutine caller did, on every Python (AR101 aside)
    return (yield from legacy())


async def main():
    print(await bridge())


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()
