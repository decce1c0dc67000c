"""A queue consumer that runs forever until SIGTERM (the producer sends it when done)."""
import asyncio
import os
import signal


async def producer(queue, loop):
    for n in range(4):
        await queue.put("job-{}".format(n))
        await asyncio.sleep(0.01, loop=loop)
    await queue.join()
    loop.call_later(0.01, os.kill, os.getpid(), signal.SIGTERM)


async def consumer(queue):
    while True:
        job = await queue.get()
        print("done", job)
        queue.task_done()


def shutdown(loop, tasks):
    print("got SIGTERM")
    for task in tasks:
        task.cancel()
    loop.stop()


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    queue = asyncio.Queue(loop=loop)
    tasks = [loop.create_task(producer(queue, loop)), loop.create_task(consumer(queue))]
    loop.add_signal_handler(signal.SIGTERM, shutdown, loop, tasks)
    loop.run_forever()
    loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True, loop=loop))
    loop.close()
    print("stopped")
