"""call_soon: callbacks run one after another and block the whole loop.

Style generator_coroutine (3.4-3.10): the coroutine asks for the loop with
asyncio.get_event_loop() (inside a coroutine it returns the running loop).
call_soon() returns at once; the coroutine next runs only after both blocking
callbacks have finished.
"""
import asyncio
import time


def blocking_callback(name, seconds):
    print("callback", name, "blocks the loop for", seconds, "s")
    time.sleep(seconds)
    print("callback", name, "done")


@asyncio.coroutine
def main():
    loop = asyncio.get_event_loop()
    loop.call_soon(blocking_callback, "A", 2)
    loop.call_soon(blocking_callback, "B", 1)
    print("callbacks scheduled; main does not wait for them")
    yield from asyncio.sleep(0)
    print("main resumes only after both callbacks")


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
