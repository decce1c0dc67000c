"""done_callback: a Task's result delivered to done-callbacks, in the order they were added.

Style modern_taskgroup (3.11+): task.add_done_callback(fn) calls fn(task)
once the Task is done; fn reads task.result(). functools.partial passes extra
arguments first (add_done_callback takes no *args; 3.7+ only adds context=).
Callbacks are scheduled with call_soon in registration order, so the coroutine
awaiting the task (registered last, when it starts waiting) resumes after
them. The TaskGroup's own done-callback is added inside tg.create_task(),
before ours; it only does bookkeeping. A callback added to a Task that is
already done is also scheduled, not called at once.
"""
import asyncio
import functools


async def fetch_quote():
    print("fetch_quote starts")
    await asyncio.sleep(1)
    return "to be or not to be"


def show_result(task):
    print("show_result sees:", task.result())


def store_result(store, task):
    store.append(task.result())
    print("store_result stored it; the store has", len(store), "item(s)")


async def main():
    store = []
    async with asyncio.TaskGroup() as tg:
        task = tg.create_task(fetch_quote())
        task.add_done_callback(show_result)
        task.add_done_callback(functools.partial(store_result, store))
        print("two callbacks added; main awaits the task")
        result = await task
        print("main resumes after both callbacks:", result)
    task.add_done_callback(show_result)
    print("callback added to a done task: it runs at the next loop step")
    await asyncio.sleep(0)
    print("store:", store)


if __name__ == "__main__":
    asyncio.run(main())
