"""AR114 types-coroutine-handed-to-task: a @types.coroutine generator given to loop.create_task."""
import asyncio
import types


@types.coroutine
def bridge():
    yield from asyncio.sleep(0)
    return "bridge ran"


loop = asyncio.new_event_loop()
try:
    try:
        task = loop.create_task(bridge())
    except TypeError as exc:  # its message ends with the generator's address
        print("create_task: TypeError:", str(exc).split(", got")[0])
    else:
        print("create_task:", loop.run_until_complete(task))
    print("run_until_complete:", loop.run_until_complete(bridge()))
finally:
    loop.close()
