"""call_soon_threadsafe: another thread hands its results to the event loop.

Style modern_taskgroup (3.11+): the same hand-over: the thread keeps using
loop.call_soon_threadsafe() (there is no newer spelling), main finds the
loop with asyncio.get_running_loop() and joins the thread with
asyncio.to_thread(thread.join) (3.9+) instead of run_in_executor(). A
plain call_soon() from another thread would not wake the loop; in debug
mode (python -X dev) it raises RuntimeError.
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


async def main():
    loop = asyncio.get_running_loop()
    finished = loop.create_future()
    thread = threading.Thread(target=sensor, args=(loop, on_reading, finished), name="sensor")
    thread.start()
    print("main waits for the sensor thread")
    result = await finished
    print("main got:", result)
    await asyncio.to_thread(thread.join)
    print("sensor thread joined")


if __name__ == "__main__":
    asyncio.run(main())
