"""Where the standard library waits or wakes: the hooks that keep a VirtualClock informed.

``install(clock)`` patches, at class level, each place where a participant
(see ``_clock``) starts waiting or wakes another one, and returns a function
that undoes all of it:

- ``BaseEventLoop.time`` reads the clock and wraps the loop's selector, whose
  ``select()`` waits on the clock; ``_write_to_self`` (``call_soon_threadsafe``)
  wakes that wait;
- ``time.sleep`` sleeps on the clock in participating threads;
- ``Thread.start``/``run``/``join`` make threads participants (pool workers
  are left out: their jobs are counted instead);
- ``Condition.wait``/``notify`` (behind ``Event``, ``queue.Queue`` and
  ``concurrent.futures.Future``) hand the running state from notifier to waiter;
- executor ``submit`` and the worker's ``_WorkItem.run`` count pool jobs, and
  ``Future._invoke_callbacks`` tells when a process-pool result is back.
"""

import collections
import functools
import threading
import time
import weakref
from asyncio import base_events, selector_events
from concurrent.futures import _base as futures_base
from concurrent.futures import process as futures_process
from concurrent.futures import thread as futures_thread

__all__ = ["install"]

# Threads whose code lives here are pool helpers (executor workers, a process
# pool's manager and queue feeders): their work is counted per job instead.
# Every other thread takes part, asyncio's own helpers included: they do
# real work the loop waits for (shutdown_default_executor).
_POOL_MODULES = ("concurrent.futures", "multiprocessing")

# Except a child watcher's thread (ThreadedChildWatcher, 3.8-3.13 default
# before pidfd): it only blocks in waitpid(). A child process takes no story
# time, as on 3.6/3.7 (SIGCHLD) and 3.12+ (pidfd), where no thread waits: a
# loop waiting on a child lets time reach its next timer (a timeout can kill it).
_CHILD_WATCHER_TARGETS = ("_do_waitpid",)

# The installed clock, if any. Wrapped selectors consult it on every call, so
# a loop created before (or kept after) an installation behaves correctly.
_installed = None
_real_write_to_self = selector_events.BaseSelectorEventLoop._write_to_self


class _JumpingSelector:
    """Wraps a loop's real selector: polls it, then waits on the clock.

    Real I/O (the loop's self-pipe, sockets) is always seen first: the
    selector is polled with a zero timeout. Otherwise the loop waits until
    the clock reaches its next timer, or real I/O arrives, whichever is first.
    """

    def __init__(self, selector, loop):
        self._selector = selector
        self._loop = weakref.ref(loop)
        self.waiter = None

    def select(self, timeout=None):
        clock = _installed
        if clock is None:
            return self._selector.select(timeout)
        deadline = None if timeout is None else clock.time() + timeout
        # Published before polling: a call_soon_threadsafe() from now on wakes
        # this waiter, and one made before has left its byte for the poll.
        waiter = self.waiter = clock.waiter(deadline, interrupt=self._interrupt)
        try:
            events = self._selector.select(0)
            if events or timeout == 0:
                return events
            clock.begin_wait(waiter)
            while not waiter.woken:
                events = self._selector.select(None)
                if events:
                    return events
            return self._selector.select(0)
        finally:
            self.waiter = None
            clock.end_wait(waiter)

    def _interrupt(self):
        loop = self._loop()
        if loop is not None:
            _real_write_to_self(loop)

    def __getattr__(self, name):
        return getattr(self._selector, name)


def _is_participant(thread):
    """Whether a thread takes part on its own (rather than through the pool jobs it runs)."""
    target = getattr(thread, "_target", None)
    while isinstance(target, functools.partial):
        target = target.func
    if target is not None:
        if getattr(target, "__name__", None) in _CHILD_WATCHER_TARGETS:
            return False
        module = getattr(target, "__module__", None) or ""
    elif type(thread).run is not threading.Thread.run:
        module = type(thread).__module__
    else:
        return False
    return not module.startswith(_POOL_MODULES)


def install(clock):
    """Patch the standard library for *clock*; return a function that undoes it."""
    global _installed
    previous = _installed
    undo = []
    local = threading.local()
    waiting = {}  # Condition -> its waiters, in the order Condition.notify wakes them

    def patch(owner, name, make):
        original = getattr(owner, name)
        setattr(owner, name, make(original))
        undo.append((owner, name, original))

    def loop_time(original):
        def time(loop):
            # Wrapping here, not in __init__, also catches loops created before
            # the clock was installed (pytest-asyncio 0.16 makes its loop early).
            selector = getattr(loop, "_selector", None)
            if selector is not None and not isinstance(selector, _JumpingSelector):
                loop._selector = _JumpingSelector(selector, loop)
            return clock.time()
        return time

    def write_to_self(original):
        def _write_to_self(loop):
            original(loop)
            # Only now that the byte is there: the loop, waiting or about to,
            # counts as running until it has read it (woken again if need be).
            waiter = getattr(getattr(loop, "_selector", None), "waiter", None)
            if waiter is not None:
                clock.wake([waiter])
        return _write_to_self

    def sleep(original):
        def sleep(seconds):
            if clock.takes_part():
                clock.sleep(seconds)
            else:
                original(seconds)
        return sleep

    def thread_start(original):
        def start(thread):
            if _is_participant(thread):
                run = thread.run

                def participating_run():
                    clock.thread_running()
                    try:
                        run()
                    finally:
                        clock.thread_exited(thread)
                thread.run = participating_run
                clock.thread_starting(thread)
            # start() waits for the new thread to boot: real time, no story
            # time, so the starter keeps holding the clock meanwhile.
            with clock.holding():
                try:
                    original(thread)
                except BaseException:
                    if _is_participant(thread):
                        clock.thread_exited(thread, ran=False)
                    raise
        return start

    def thread_join(original):
        def join(thread, timeout=None):
            waiter = clock.begin_join(thread)
            try:
                return original(thread, timeout)
            finally:
                clock.end_wait(waiter)
        return join

    def condition_wait(original):
        def wait(condition, timeout=None):
            if not condition._is_owned() or (timeout is not None and timeout <= 0):
                # Raises the usual RuntimeError, or only polls (Semaphore.acquire(timeout=0)
                # in ThreadPoolExecutor.submit): either way the caller keeps running.
                return original(condition, timeout)
            # The condition's own lock guards its queue here and in notify().
            queue = waiting.setdefault(condition, collections.deque())
            waiter = clock.waiter()
            queue.append(waiter)
            clock.begin_wait(waiter)
            try:
                return original(condition, timeout)
            finally:
                if waiter in queue:
                    queue.remove(waiter)  # timed out: nobody notified it
                if not queue:
                    waiting.pop(condition, None)
                clock.end_wait(waiter)
        return wait

    def condition_notify(original):
        def notify(condition, n=1):
            original(condition, n)
            queue = waiting.get(condition)
            if queue:
                clock.wake([queue.popleft() for _ in range(min(n, len(queue)))])
        return notify

    def pool_submit(original):
        def submit(pool, fn, *args, **kwargs):
            clock.job_queued(pool)
            local.pool = pool  # read by the _WorkItem made inside submit()
            try:
                return original(pool, fn, *args, **kwargs)
            except BaseException:
                clock.job_dropped(pool)
                raise
            finally:
                local.pool = None
        return submit

    def work_item_init(original):
        def __init__(item, *args, **kwargs):
            original(item, *args, **kwargs)
            item._rosetta_pool = getattr(local, "pool", None)
        return __init__

    def work_item_run(original):
        def run(item, *args):
            pool = getattr(item, "_rosetta_pool", None)
            if pool is None:
                return original(item, *args)
            clock.job_started(pool)
            try:
                return original(item, *args)  # sets the result: callbacks run here
            finally:
                clock.job_finished(pool)
        return run

    def process_submit(original):
        def submit(pool, fn, *args, **kwargs):
            clock.process_jobs(+1)
            try:
                future = original(pool, fn, *args, **kwargs)
            except BaseException:
                clock.process_jobs(-1)
                raise
            clock.process_job_submitted(future)
            return future
        return submit

    def invoke_callbacks(original):
        def _invoke_callbacks(future):
            original(future)  # asyncio's callback wakes the loop first
            clock.future_reported(future)
        return _invoke_callbacks

    patch(base_events.BaseEventLoop, "time", loop_time)
    patch(selector_events.BaseSelectorEventLoop, "_write_to_self", write_to_self)
    patch(time, "sleep", sleep)
    patch(threading.Thread, "start", thread_start)
    patch(threading.Thread, "join", thread_join)
    patch(threading.Condition, "wait", condition_wait)
    patch(threading.Condition, "notify", condition_notify)
    patch(futures_thread.ThreadPoolExecutor, "submit", pool_submit)
    patch(futures_thread._WorkItem, "__init__", work_item_init)
    patch(futures_thread._WorkItem, "run", work_item_run)
    patch(futures_process.ProcessPoolExecutor, "submit", process_submit)
    patch(futures_base.Future, "_invoke_callbacks", invoke_callbacks)
    _installed = clock

    def uninstall():
        global _installed
        for owner, name, original in reversed(undo):
            setattr(owner, name, original)
        _installed = previous

    return uninstall

