"""call_soon_threadsafe: another thread hands its results to the event loop.

Style generator_coroutine (3.4-3.10): a plain thread may not touch the loop or its
Futures directly; loop.call_soon_threadsafe() queues a callback and wakes the
loop (plain call_soon() from another thread would not wake it). The callbacks
run in the loop's thread. main waits on a Future the thread completes the
same way (asyncio.Future(): loop.create_future() is 3.5.2+), then joins the
thread without blocking the loop.
"""
import asyncio
import threading
import time


def sensor(loop, on_reading, finished):
    for reading in (1, 2, 3):
        time.sleep(1)  # a blocking read, in the sensor's own thread
        loop.call_soon_threadsafe(on_reading, reading)
    loop.call_soon_threadsafe(finished.set_result, "sensor done")


def on_reading(reading):
    print("reading", reading, "handled in", threading.current_thread().name)


@asyncio.coroutine
def main():
    loop = asyncio.get_event_loop()
    finished = asyncio.Future()
    thread = threading.Thread(target=sensor, args=(loop, on_reading, finished), name="sensor")
    thread.start()
    print("main waits for the sensor thread")
    result = yield from finished
    print("main got:", result)
    yield from loop.run_in_executor(None, thread.join)
    print("sensor thread joined")


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
