"""future_set_result: a Future completed by a delayed callback, with a done-callback.

Style modern_taskgroup (3.11+): the coroutine gets the loop with
asyncio.get_running_loop() and makes the Future with loop.create_future().
Done-callbacks run in the order they were added: on_done was added before
main started awaiting, so it sees the result first.
"""
import asyncio


def mark_done(future, value):
    print("callback sets the result")
    future.set_result(value)


def on_done(future):
    print("done-callback sees", future.result())


async def main():
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    future.add_done_callback(on_done)
    loop.call_later(2, mark_done, future, "done!")
    print("awaiting the future")
    result = await future
    print("future result:", result)


if __name__ == "__main__":
    asyncio.run(main())
