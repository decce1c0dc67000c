"""AR120 iscoroutine-generator: asyncio.iscoroutine() on a generator, as legacy code told its coroutines apart."""
import asyncio


def legacy():
    yield


print("iscoroutine(generator):", asyncio.iscoroutine(legacy()))
