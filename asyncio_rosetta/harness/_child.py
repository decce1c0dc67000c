"""Run one variant file as ``__main__`` in this (fresh) interpreter and record it.

    python -m asyncio_rosetta.harness._child RESULT.json [--real-time] [--echo] VARIANT.py

This is the only code that runs inside the child process. It stamps every
printed line, records every warning (``default`` action unless ``-W`` options
were given) and the exception the program ended with, then writes all of it
as JSON to RESULT.json. Standard library only: it must run on 3.6-3.14.
"""

import contextlib
import gc
import io
import json
import os
import re
import runpy
import sys
import threading
import time
import warnings

from asyncio_rosetta.harness._clock import VirtualClock
from asyncio_rosetta.harness.tracing import StampingWriter

# Where, in the variant file, the exception surfaced (see exception_phase()).
PHASES = ("import", "runner", "coroutine")

_CO_OPTIMIZED = 0x0001  # inspect.CO_OPTIMIZED, without importing inspect in every child

_MAIN_GUARD = re.compile(r"^if __name__ == ['\"]__main__['\"]:", re.MULTILINE)


def main(argv):
    result_path, path = argv[0], os.path.abspath(argv[-1])
    options = set(argv[1:-1])
    real_time = "--real-time" in options
    echo = "--echo" in options

    if not sys.warnoptions:
        # Show each warning once per location, as `python -X dev` would,
        # without turning on asyncio debug mode (which changes behaviour).
        warnings.simplefilter("default")
    recorded_warnings = []
    warnings.showwarning = lambda message, category, *rest: recorded_warnings.append(
        "{}: {}".format(category.__name__, message))

    stalls = []  # per stdout line, real time only: how long this process was kept from running
    if real_time:
        start = time.monotonic()
        now = lambda: time.monotonic() - start  # noqa: E731
        meter = StallMeter()

        def now_and_stall():
            stalls.append(meter.stalled)
            return now()
    else:
        clock = VirtualClock()
        now = now_and_stall = clock.time
    real_stdout, real_stderr = sys.stdout, sys.stderr
    sys.stdout = StampingWriter(now_and_stall, echo=real_stdout if echo else None)
    sys.stderr = StampingWriter(now, echo=real_stderr if echo else None)
    sys.argv[:] = [path]
    sys.path[0] = os.path.dirname(path)

    # A forked and a fresh child start the program with the same collector
    # counts, so its automatic collections come at the same allocations: the
    # order in which a garbage cycle is finalized depends on them (3.6, which
    # has no gc.freeze, closed an abandoned loop after its self-pipe socket in
    # one and before it in the other, as the package's own code grew).
    gc.collect()
    with contextlib.ExitStack() as story:
        if not real_time:
            story.enter_context(clock.installed())
        error, phase, traceback_text = run_as_main(path)
        # As the interpreter does at exit: threads the program left running
        # finish (and print) after its traceback, still in story time.
        for thread in threading.enumerate():
            if thread is not threading.current_thread() and not thread.daemon:
                thread.join()
        gc.collect()  # let "Task was destroyed" and friends happen in story time
    gc.collect()
    for stream in (sys.stdout, sys.stderr):
        stream.finish()
    result = {
        "python": "{}.{}.{}".format(*sys.version_info[:3]),
        "lines": sys.stdout.lines,
        "stalls": stalls,
        "stderr": sys.stderr.lines,
        "warnings": recorded_warnings,
        "error": error,
        "phase": phase,
        "traceback": traceback_text,
    }
    sys.stdout, sys.stderr = real_stdout, real_stderr
    with open(result_path, "w", encoding="utf-8") as out:
        json.dump(result, out)
    return 0 if error is None else 1


def run_as_main(path):
    """Run the variant; return (error, phase, traceback) of how it ended, or Nones."""
    try:
        runpy.run_path(path, run_name="__main__")
    except SystemExit as exc:
        if exc.code not in (None, 0):
            return "SystemExit: {}".format(exc.code), "runner", ""
    except BaseException as exc:  # noqa: B902 -- KeyboardInterrupt is an outcome too
        traceback_text, error = displayed_error(exc, path)
        return error, exception_phase(exc.__traceback__, path), traceback_text
    return None, None, None


class StallMeter:
    """How long, in total, this process was kept from running (real-time runs).

    A daemon thread sleeps in short steps; whatever a step overshoots beyond
    a millisecond is time the machine gave to someone else, and so is the
    overdue part of the step in progress. A real-time trace may be that much
    later than the virtual one, and no more.
    """

    STEP = 0.005
    SLACK = 0.001

    def __init__(self):
        self._stalled = 0.0
        self._step_began = time.monotonic()
        self._running = True
        self._thread = threading.Thread(target=self._run, name="stall-meter", daemon=True)
        self._thread.start()

    def stop(self):
        """End the thread (a run's process simply exits; a test in its own process must not leave it)."""
        self._running = False
        self._thread.join()

    @property
    def stalled(self):
        overdue = time.monotonic() - self._step_began - self.STEP - self.SLACK
        return self._stalled + max(0.0, overdue)

    def _run(self):
        while self._running:
            time.sleep(self.STEP)
            now = time.monotonic()
            overshoot = now - self._step_began - self.STEP
            if overshoot > self.SLACK:
                self._stalled += overshoot
            self._step_began = now


def displayed_error(exc, path=None):
    """(traceback, last line) exactly as the interpreter would print them.

    ``sys.__excepthook__`` is the interpreter's own display, so it includes
    what ``traceback.format_exception`` leaves out on 3.10/3.11, such as
    ``Did you mean: 'coroutines'?``. Frames before the first one in *path*
    (this harness, runpy) are left out: the user's program starts there.
    """
    full = tb = exc.__traceback__
    while path and tb is not None and os.path.abspath(tb.tb_frame.f_code.co_filename) != path:
        tb = tb.tb_next
    tb = tb or full
    buffer, saved = io.StringIO(), sys.stderr
    sys.stderr = buffer
    try:
        # Newer interpreters display exc.__traceback__, not the argument.
        sys.__excepthook__(type(exc), exc.with_traceback(tb), tb)
    finally:
        sys.stderr = saved
        exc.with_traceback(full)
    text = buffer.getvalue()
    return text, text.rstrip("\n").rsplit("\n", 1)[-1]


def exception_phase(tb, path):
    """Which part of the variant raised: its module body ("import"), its
    ``if __name__ == "__main__":`` block ("runner"), or a function ("coroutine")."""
    frame_code, lineno = None, 0
    while tb is not None:
        if os.path.abspath(tb.tb_frame.f_code.co_filename) == path:
            frame_code, lineno = tb.tb_frame.f_code, tb.tb_lineno
        tb = tb.tb_next
    if frame_code is None:
        return "import"
    if frame_code.co_flags & _CO_OPTIMIZED:  # a function's frame; module and class bodies are not
        return "coroutine"
    with open(path, encoding="utf-8") as source:
        guard = _MAIN_GUARD.search(source.read())
    guard_line = float("inf") if guard is None else guard.string.count("\n", 0, guard.start()) + 1
    return "runner" if lineno >= guard_line else "import"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
