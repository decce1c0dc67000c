"""Where the standard library waits or wakes: the hooks that keep a VirtualClock informed.

``Hooks(clock).install()`` patches, at class level, each place where a
participant (see ``_clock``) starts waiting or wakes another one, and
``uninstall()`` undoes all of it; ``_PATCHES`` is the whole list:

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

Only participants start participants and count jobs: a thread of the process
that is not part of the story (a test runner's own workers, say) starts
threads and submits jobs in real time, and the clock never waits for them.
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

__all__ = ["Hooks"]


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
        if Hooks.current is None:
            return self._selector.select(timeout)
        clock = Hooks.current.clock
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


def _patched(hook, original):
    """A stand-in for *original* that calls ``hook(original, *args)``; for a
    method, the first of *args* is the instance (it binds like a function)."""
    @functools.wraps(original)
    def patched(*args, **kwargs):
        return hook(original, *args, **kwargs)
    return patched


class Hooks:
    """The patches for one clock: one method per hook, all undone by ``uninstall``."""

    # The installed Hooks, if any. Wrapped selectors consult it on every call,
    # so a loop created before (or kept after) an installation behaves correctly.
    current = None

    def __init__(self, clock):
        self.clock = clock
        self.previous = None
        self.undo = []              # (owner, name, original), in patching order
        self.local = threading.local()
        self.waiting = {}           # Condition -> its waiters, in the order Condition.notify wakes them

    def install(self):
        """Patch every entry of _PATCHES for this clock; return self."""
        for owner, name, hook in _PATCHES:
            original = getattr(owner, name)
            setattr(owner, name, _patched(getattr(self, hook), original))
            self.undo.append((owner, name, original))
        self.previous, Hooks.current = Hooks.current, self
        return self

    def uninstall(self):
        for owner, name, original in reversed(self.undo):
            setattr(owner, name, original)
        self.undo = []
        Hooks.current = self.previous

    # -- asyncio -----------------------------------------------------------

    def loop_time(self, original, loop):
        # Wrapping here, not in __init__, also catches loops created before
        # the clock was installed (pytest-asyncio 0.16 makes its loop early).
        selector = getattr(loop, "_selector", None)
        if selector is not None and not isinstance(selector, _JumpingSelector):
            loop._selector = _JumpingSelector(selector, loop)
        return self.clock.time()

    def write_to_self(self, original, loop):
        original(loop)
        # Only now that the byte is there: the loop, waiting or about to,
        # counts as running until it has read it (woken again if need be).
        waiter = getattr(getattr(loop, "_selector", None), "waiter", None)
        if waiter is not None:
            self.clock.wake([waiter])

    # -- time and threads ----------------------------------------------------

    def sleep(self, original, seconds):
        if self.clock.takes_part():
            self.clock.sleep(seconds)
        else:
            original(seconds)

    def thread_start(self, original, thread):
        if not self.clock.takes_part():
            return original(thread)  # not ours: it starts, and runs, in real time
        participant = _is_participant(thread)
        if participant:
            self._take_part(thread)
        # start() waits for the new thread to boot: real time, no story
        # time, so the starter keeps holding the clock meanwhile.
        with self.clock.holding():
            try:
                original(thread)
            except BaseException:
                if participant:
                    self.clock.thread_exited(thread, ran=False)
                raise

    def _take_part(self, thread):
        run, clock = thread.run, self.clock

        def participating_run():
            clock.thread_running()
            try:
                run()
            finally:
                clock.thread_exited(thread)
        thread.run = participating_run
        clock.thread_starting(thread)

    def thread_join(self, original, thread, timeout=None):
        waiter = self.clock.begin_join(thread)
        try:
            return original(thread, timeout)
        finally:
            self.clock.end_wait(waiter)

    def condition_wait(self, original, condition, timeout=None):
        if not condition._is_owned() or (timeout is not None and timeout <= 0):
            # Raises the usual RuntimeError, or only polls (Semaphore.acquire(timeout=0)
            # in ThreadPoolExecutor.submit): either way the caller keeps running.
            return original(condition, timeout)
        # The condition's own lock guards its queue here and in notify().
        queue = self.waiting.setdefault(condition, collections.deque())
        waiter = self.clock.waiter()
        queue.append(waiter)
        self.clock.begin_wait(waiter)
        try:
            return original(condition, timeout)
        finally:
            if waiter in queue:
                queue.remove(waiter)  # timed out: nobody notified it
            if not queue:
                self.waiting.pop(condition, None)
            self.clock.end_wait(waiter)

    def condition_notify(self, original, condition, n=1):
        original(condition, n)
        queue = self.waiting.get(condition)
        if queue:
            self.clock.wake([queue.popleft() for _ in range(min(n, len(queue)))])

    # -- executors -----------------------------------------------------------

    def pool_submit(self, original, pool, fn, *args, **kwargs):
        if not self.clock.takes_part():
            return original(pool, fn, *args, **kwargs)
        self.clock.job_queued(pool)
        self.local.pool = pool  # read by the _WorkItem made inside submit()
        try:
            return original(pool, fn, *args, **kwargs)
        except BaseException:
            self.clock.job_dropped(pool)
            raise
        finally:
            self.local.pool = None

    def work_item_init(self, original, item, *args, **kwargs):
        original(item, *args, **kwargs)
        item._rosetta_pool = getattr(self.local, "pool", None)

    def work_item_run(self, original, item, *args):
        pool = getattr(item, "_rosetta_pool", None)
        if pool is None:
            return original(item, *args)
        self.clock.job_started(pool)
        try:
            return original(item, *args)  # sets the result: callbacks run here
        finally:
            self.clock.job_finished(pool)

    def process_submit(self, original, pool, fn, *args, **kwargs):
        if not self.clock.takes_part():
            return original(pool, fn, *args, **kwargs)
        self.clock.process_jobs(+1)
        try:
            future = original(pool, fn, *args, **kwargs)
        except BaseException:
            self.clock.process_jobs(-1)
            raise
        self.clock.process_job_submitted(future)
        return future

    def invoke_callbacks(self, original, future):
        original(future)  # asyncio's callback wakes the loop first
        self.clock.future_reported(future)


# What is patched, and by which Hooks method.
_PATCHES = (
    (base_events.BaseEventLoop, "time", "loop_time"),
    (selector_events.BaseSelectorEventLoop, "_write_to_self", "write_to_self"),
    (time, "sleep", "sleep"),
    (threading.Thread, "start", "thread_start"),
    (threading.Thread, "join", "thread_join"),
    (threading.Condition, "wait", "condition_wait"),
    (threading.Condition, "notify", "condition_notify"),
    (futures_thread.ThreadPoolExecutor, "submit", "pool_submit"),
    (futures_thread._WorkItem, "__init__", "work_item_init"),
    (futures_thread._WorkItem, "run", "work_item_run"),
    (futures_process.ProcessPoolExecutor, "submit", "process_submit"),
    (futures_base.Future, "_invoke_callbacks", "invoke_callbacks"),
)
