"""AR406 fire-and-forget-task: a task nobody keeps a reference to, collected while it waits."""
import asyncio
import gc


async def waiter(event):
    try:
        await event.wait()
    finally:
        print("waiter: finally runs")


async def main():
    asyncio.ensure_future(waiter(asyncio.Event()))
    await asyncio.sleep(0)
    gc.collect()
    print("main goes on")


loop = asyncio.new_event_loop()
loop.set_exception_handler(lambda loop, context: print("loop:", context["message"]))
try:
    loop.run_until_complete(main())
finally:
    loop.close()
