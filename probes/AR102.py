"""AR102 generator-handed-to-loop: an undecorated generator given to run_until_complete."""
import asyncio


def legacy(loop):
    future = loop.create_future()
    loop.call_soon(future.set_result, "legacy ran")
    result = yield from future
    return result


loop = asyncio.new_event_loop()
try:
    print(loop.run_until_complete(legacy(loop)))
finally:
    loop.close()
