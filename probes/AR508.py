"""AR508 task-cancel-message: Task.cancel(msg=...) and what the awaiting code sees."""
import asyncio


async def main():
    task = asyncio.ensure_future(asyncio.sleep(10))
    await asyncio.sleep(0)
    try:
        task.cancel(msg="shutting down")
    except TypeError:
        task.cancel()  # no message before 3.9: cancel it anyway, so nothing is left pending
        await asyncio.wait([task])
        raise
    try:
        await task
    except asyncio.CancelledError as exc:
        print("awaiting code sees args:", exc.args)


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main())
finally:
    loop.close()
