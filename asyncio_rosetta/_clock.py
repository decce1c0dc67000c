"""A virtual clock for asyncio event loops.

Every loop created while the clock is installed -- by ``get_event_loop()``,
``new_event_loop()`` or ``asyncio.run()`` -- reads its time from the clock and,
when nothing is ready, jumps straight to its next timer instead of blocking.
``time.sleep()`` in the installing thread advances the same clock, so a callback
that blocks for 2 s is seen by the loop as having taken 2 s.

    clock = VirtualClock()
    with clock.installed():
        asyncio.run(asyncio.sleep(10))   # returns at once
    clock.time()                         # 10.0

The patches are made at class level (``BaseEventLoop.time``, which also wraps
the loop's selector on first use), never through the event-loop policy API, which
3.14 deprecates (gh-127949): the harness itself must not emit a warning.
Modelled on CPython's ``test.test_asyncio.utils.TestLoop`` and trio's MockClock.
"""

import contextlib
import threading
import time
from asyncio import base_events

__all__ = ["VirtualClock"]


class VirtualClock:
    """Story time in seconds, starting at *start*; only ever moves forward."""

    def __init__(self, start=0.0):
        self._now = float(start)

    def time(self):
        return self._now

    def advance(self, seconds):
        if seconds < 0:
            # Same message as time.sleep() gives for a negative argument.
            raise ValueError("sleep length must be non-negative")
        self._now += seconds

    @contextlib.contextmanager
    def installed(self):
        """Make every event loop (and ``time.sleep`` in this thread) use this clock."""
        undo = _install(self)
        try:
            yield self
        finally:
            undo()


# The installed clock, if any. Wrapped selectors consult it on every call, so
# a loop created before (or kept after) an installation behaves correctly.
_installed = None


class _JumpingSelector:
    """Wraps a loop's real selector: polls it, and when idle jumps the clock.

    Real I/O (the loop's self-pipe, sockets) is still seen: the selector is
    polled with a zero timeout first. Only when nothing is ready and the loop
    would sleep until its next timer does the clock jump by that timeout.
    A ``None`` timeout (no timer at all) still blocks for real, as it would
    without the clock: only real I/O can wake such a loop.
    """

    def __init__(self, selector):
        self._selector = selector

    def select(self, timeout=None):
        clock = _installed
        if clock is None:
            return self._selector.select(timeout)
        events = self._selector.select(0)
        if events or timeout == 0:
            return events
        if timeout is None:
            return self._selector.select(None)
        clock.advance(timeout)
        return []

    def __getattr__(self, name):
        return getattr(self._selector, name)


def _install(clock):
    """Patch asyncio and ``time.sleep``; return a function that undoes it."""
    global _installed
    loop_cls = base_events.BaseEventLoop
    original_time = loop_cls.time
    original_sleep = time.sleep
    previous = _installed
    owner = threading.current_thread()

    def virtual_time(loop):
        # Wrapping here, not in __init__, also catches loops created before
        # the clock was installed (pytest-asyncio 0.16 makes its loop early).
        selector = getattr(loop, "_selector", None)
        if selector is not None and not isinstance(selector, _JumpingSelector):
            loop._selector = _JumpingSelector(selector)
        return clock.time()

    def virtual_sleep(seconds):
        # Only the thread that owns the clock lives in story time; executor
        # threads keep real time, so they cannot race the loop's clock.
        if threading.current_thread() is owner:
            clock.advance(seconds)
        else:
            original_sleep(seconds)

    loop_cls.time = virtual_time
    time.sleep = virtual_sleep
    _installed = clock

    def undo():
        global _installed
        loop_cls.time = original_time
        time.sleep = original_sleep
        _installed = previous

    return undo
