"""AR206 loop-argument-still-accepted: loop= on Future, Task, ensure_future, wrap_future and StreamReader."""
import asyncio
import concurrent.futures


async def job():
    return "job ran"


loop = asyncio.new_event_loop()
try:
    future = asyncio.Future(loop=loop)
    loop.call_soon(future.set_result, "future set")
    print(loop.run_until_complete(future))
    print(loop.run_until_complete(asyncio.Task(job(), loop=loop)))
    print(loop.run_until_complete(asyncio.ensure_future(job(), loop=loop)))
    outer = concurrent.futures.Future()
    outer.set_result("wrapped")
    print(loop.run_until_complete(asyncio.wrap_future(outer, loop=loop)))
    reader = asyncio.StreamReader(loop=loop)
    reader.feed_data(b"line\n")
    reader.feed_eof()
    print(loop.run_until_complete(reader.readline()))
finally:
    loop.close()
