"""AR116 coroutine-driven-by-hand: next() on what an @asyncio.coroutine generator returns, as a test steps it."""
import asyncio
import types


def steps():
    print("step 1")
    yield
    print("step 2")


async def native_steps():  # what the async def port makes of it
    print("step 1")
    await asyncio.sleep(0)
    print("step 2")


def drive(label, function):
    coroutine = function()
    try:
        next(coroutine)
        next(coroutine, None)
    except TypeError as error:
        print(label, "TypeError:", error)
        coroutine.close()
    else:
        print(label, "stepped through")


drive("types.coroutine:", types.coroutine(steps))
drive("async def:", native_steps)


@asyncio.coroutine
def legacy_steps():
    print("step 1")
    yield
    print("step 2")


stepper = legacy_steps()
next(stepper)
next(stepper, None)
print("asyncio.coroutine: stepped through")
