"""debug_mode: asyncio's debug mode reports slow callbacks; forgotten coroutines warn.

Style async_await (3.5-3.13): loop.set_debug(True) turns debug mode on (here
in main(), before the slow step); PYTHONASYNCIODEBUG=1, and from 3.7
python -X dev, turn it on for every loop from the start. In debug mode the
loop logs, to the "asyncio" logger at WARNING, each callback or task step
that runs longer than loop.slow_callback_duration (0.1 s): "Executing
<Task ...> took 0.150 seconds". A time.sleep() in a coroutine is the usual
culprit: the whole loop waits with it. A coroutine never awaited warns
"RuntimeWarning: coroutine '...' was never awaited" when it is freed, debug
mode or not; debug mode adds where it was created (3.6 in debug mode also
logs "<CoroWrapper ...> was never yielded from", hence debug mode is back
off first). The program catches both: a logging handler prints the
slow-step reports without addresses and paths (the step's name and its
time in hundredths: a real time.sleep() overshoots by a few ms), and
warnings.catch_warnings(record=True) collects the warning. The handler
prints nothing else it receives.
"""
import asyncio
import gc
import logging
import re
import time
import warnings

SLOW_STEP = re.compile(r"Executing <.*?coro=<(\w+)\(.*> took (\d+\.\d+) seconds$", re.DOTALL)


class SlowStepPrinter(logging.Handler):
    def emit(self, record):
        match = SLOW_STEP.match(record.getMessage())
        if match:
            name, seconds = match.groups()
            print("asyncio logged: a step of {}() took {:.2f} seconds".format(
                name, int(float(seconds) * 100) / 100))


async def blocking_step():
    print("blocking_step() calls time.sleep(0.15)")
    time.sleep(0.15)


async def save():
    await asyncio.sleep(1)


async def main():
    loop = asyncio.get_event_loop()
    printer = SlowStepPrinter()
    logging.getLogger("asyncio").addHandler(printer)
    debug_was = loop.get_debug()
    loop.set_debug(True)
    print("debug mode:", loop.get_debug(), "- slow_callback_duration:", loop.slow_callback_duration)
    await asyncio.ensure_future(blocking_step())
    loop.set_debug(debug_was)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        save()  # forgotten: no await
        gc.collect()
    for warning in caught:
        first_line = str(warning.message).splitlines()[0]  # debug mode adds where it was created
        print("caught {}: {}".format(warning.category.__name__, first_line))
    if not caught:
        print("caught no warning")
    logging.getLogger("asyncio").removeHandler(printer)


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())
    loop.close()
