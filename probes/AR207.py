"""AR207 joinable-queue: asyncio.JoinableQueue(loop=loop), an alias of Queue that is gone before 3.6."""
import asyncio


async def main(loop):
    queue = asyncio.JoinableQueue(loop=loop)
    queue.put_nowait("job")
    print("got:", queue.get_nowait())
    queue.task_done()
    await queue.join()
    print("joined")


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main(loop))
finally:
    loop.close()
