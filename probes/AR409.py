"""AR409 eager-task-factory: what ensure_future()/create_task() runs at once under asyncio.eager_task_factory."""
import asyncio


async def child(name):
    print(name, "starts")
    await asyncio.sleep(0)
    print(name, "ends")


async def main(label):
    first = asyncio.ensure_future(child(label))
    print("after ensure_future({}): done {}".format(label, first.done()))
    await first


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main("default"))
    loop.set_task_factory(asyncio.eager_task_factory)
    loop.run_until_complete(main("eager"))
finally:
    loop.close()
