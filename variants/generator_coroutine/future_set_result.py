"""future_set_result: a Future completed by a delayed callback, with a done-callback.

Style generator_coroutine (3.4-3.10): the coroutine gets the loop with
asyncio.get_event_loop() and makes the Future with asyncio.Future(), which
binds to that loop (loop.create_future() only exists from 3.5.2).
Done-callbacks run in the order they were added: on_done was added before
main started awaiting, so it sees the result first.
"""
import asyncio


def mark_done(future, value):
    print("callback sets the result")
    future.set_result(value)


def on_done(future):
    print("done-callback sees", future.result())


@asyncio.coroutine
def main():
    loop = asyncio.get_event_loop()
    future = asyncio.Future()
    future.add_done_callback(on_done)
    loop.call_later(2, mark_done, future, "done!")
    print("awaiting the future")
    result = yield from future
    print("future result:", result)


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
