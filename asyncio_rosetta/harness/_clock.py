"""A virtual clock for asyncio programs, threads included.

Every event loop created while the clock is installed -- by ``get_event_loop()``,
``new_event_loop()`` or ``asyncio.run()`` -- reads its time from the clock, and
``time.sleep()`` sleeps on it. Time jumps straight to the next deadline as soon
as nothing could still happen before it:

    clock = VirtualClock()
    with clock.installed():
        asyncio.run(asyncio.sleep(10))   # returns at once
    clock.time()                         # 10.0

With threads the clock is a small discrete-event scheduler. The main thread,
the threads the program starts, and the jobs it hands to executors *take
part*: each is running or waiting. Time only moves when every participant
waits and no executor job is about to start; then it jumps to the earliest
deadline (a loop's next timer, a ``time.sleep``) and wakes whoever was due. A
thread that wakes a loop (``call_soon_threadsafe``), sets an Event, resolves a
Future or ends is counted running until the woken side has been told, so the
order of events never depends on how fast the machine is. What the clock
cannot see (a raw ``Lock.acquire``, a child process) runs in real time and
takes no story time; a process-pool job still holds the clock until its
result is back.

The hooks are made at class level (``BaseEventLoop.time``, the loop's selector,
``threading``, ``concurrent.futures``; see ``_hooks.py``), never through the
event-loop policy API, which 3.14 deprecates (gh-127949): the harness itself
must not emit a warning. Modelled on CPython's ``test.test_asyncio.utils.TestLoop``
and trio's ``MockClock(autojump_threshold=0)``.
"""

import _thread
import contextlib

from asyncio_rosetta.harness import _hooks

__all__ = ["VirtualClock"]


class VirtualClock:
    """Story time in seconds, starting at *start*; only ever moves forward."""

    def __init__(self, start=0.0):
        self._now = float(start)
        self._lock = _thread.RLock()  # not threading's: those are hooked
        self._running = 0             # participants running right now
        self._sleepers = []           # waiters with a deadline, in arrival order
        self._members = set()         # idents of the threads taking part
        self._pools = {}              # thread pool -> [queued jobs, running jobs]
        self._process_jobs = 0        # process-pool jobs not yet reported back
        self._process_futures = set()  # ... those whose submit() has returned
        self._reported_early = set()  # results reported before their submit() returned
        self._joiners = {}            # thread (or busy pool worker's ident) -> waiters joining it

    def time(self):
        return self._now

    def advance(self, seconds):
        """Move the clock forward by *seconds* (the scheduler's only way to move it)."""
        if seconds < 0:
            # Same message as time.sleep() gives for a negative argument.
            raise ValueError("sleep length must be non-negative")
        self._now += seconds

    def sleep(self, seconds):
        """``time.sleep`` for a participant: wait until the clock reaches now + *seconds*."""
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        lock = _thread.allocate_lock()
        lock.acquire()
        waiter = self.waiter(deadline=self._now + seconds, interrupt=lock.release)
        self.begin_wait(waiter)
        if not waiter.woken:  # else this very call jumped the clock and woke it
            lock.acquire()

    @contextlib.contextmanager
    def installed(self):
        """Make event loops, ``time.sleep`` and threads of this process use this clock."""
        with self._lock:
            self._members.add(_thread.get_ident())
            self._running += 1
        hooks = _hooks.Hooks(self).install()
        try:
            yield self
        finally:
            hooks.uninstall()
            with self._lock:
                for waiter in list(self._sleepers):  # nothing may sleep forever
                    self._wake(waiter)
                for state in (self._members, self._pools, self._process_futures,
                              self._reported_early, self._joiners):
                    state.clear()
                self._running = self._process_jobs = 0

    # -- the scheduler: called by the hooks -------------------------------

    def takes_part(self):
        """Whether the calling thread is a participant."""
        return _thread.get_ident() in self._members

    def waiter(self, deadline=None, interrupt=None):
        return _Waiter(self.takes_part(), deadline, interrupt)

    def begin_wait(self, waiter):
        """The calling participant stops running, unless something woke it already."""
        with self._lock:
            if waiter.woken:
                return
            waiter.waiting = True
            if waiter.counted:
                self._running -= 1
            if waiter.deadline is not None:
                self._sleepers.append(waiter)
            self._maybe_jump()

    def end_wait(self, waiter):
        """The waiter runs again, woken by the clock, a participant, or the outside world."""
        with self._lock:
            if not waiter.woken:
                self._wake(waiter, notify=False)

    def wake(self, waiters):
        """Wake those not woken yet (the lock is re-entrant: callers may hold it)."""
        with self._lock:
            for waiter in waiters:
                if not waiter.woken:
                    self._wake(waiter)

    @contextlib.contextmanager
    def holding(self):
        """Keep the clock still while the caller waits for something that takes no story time."""
        with self._lock:
            self._running += 1
        try:
            yield
        finally:
            with self._lock:
                self._running -= 1
                self._maybe_jump()

    def thread_starting(self, thread):
        with self._lock:
            self._running += 1
            self._joiners[thread] = []

    def thread_running(self):
        with self._lock:
            self._members.add(_thread.get_ident())

    def thread_exited(self, thread, ran=True):
        """A participant thread ends: whoever joins it runs in its place."""
        with self._lock:
            self.wake(self._joiners.pop(thread, ()))
            if ran:
                self._members.discard(_thread.get_ident())
            self._running -= 1
            self._maybe_jump()

    def begin_join(self, thread):
        """Join a participant (it wakes the joiner as it ends), a pool worker busy
        with a job (it ends in story time), or an idle helper (it ends in real
        time: the joiner keeps holding the clock)."""
        with self._lock:
            waiter = self.waiter()
            if thread in self._joiners:
                self._joiners[thread].append(waiter)
            elif thread.ident in self._members:  # a pool worker: woken as its job ends
                self._joiners.setdefault(thread.ident, []).append(waiter)
            else:
                waiter.counted = False
            self.begin_wait(waiter)
            return waiter

    def job_queued(self, pool):
        with self._lock:
            self._pools.setdefault(pool, [0, 0])[0] += 1

    def job_dropped(self, pool):
        self._count_job(pool, queued=-1)

    def job_started(self, pool):
        self._count_job(pool, queued=-1, running=+1)

    def job_finished(self, pool):
        self._count_job(pool, running=-1)

    def process_jobs(self, delta):
        with self._lock:
            self._process_jobs += delta
            self._maybe_jump()

    def process_job_submitted(self, future):
        with self._lock:
            if future in self._reported_early:  # the result beat submit() back
                self._process_jobs -= 1
                self._maybe_jump()
            else:
                self._process_futures.add(future)
            if self._process_jobs == len(self._process_futures):
                self._reported_early.clear()

    def future_reported(self, future):
        """A concurrent Future has run its callbacks (asyncio's included)."""
        with self._lock:
            if future in self._process_futures:
                self._process_futures.discard(future)
                self._process_jobs -= 1
                self._maybe_jump()
            elif self._process_jobs > len(self._process_futures):
                self._reported_early.add(future)

    # -- internals, under self._lock ---------------------------------------

    def _count_job(self, pool, queued=0, running=0):
        """A thread-pool job was queued, dropped, started (its worker takes part) or finished."""
        with self._lock:
            jobs = self._pools.get(pool)
            if jobs is None:  # queued under another installation
                return
            jobs[0] += queued
            jobs[1] += running
            if running > 0:
                self._members.add(_thread.get_ident())
            elif running < 0:
                self._members.discard(_thread.get_ident())
                self.wake(self._joiners.pop(_thread.get_ident(), ()))  # a worker's joiners
            self._running += running
            if jobs == [0, 0]:
                del self._pools[pool]
            self._maybe_jump()

    def _startable_jobs(self):
        """Queued thread-pool jobs that a free worker is about to start."""
        return sum(min(queued, pool._max_workers - running)
                   for pool, (queued, running) in self._pools.items())

    def _maybe_jump(self):
        if self._running > 0 or self._process_jobs > 0 or not self._sleepers:
            return
        if self._startable_jobs() > 0:
            return
        earliest = min(waiter.deadline for waiter in self._sleepers)
        if earliest > self._now:
            self.advance(earliest - self._now)
        for waiter in [w for w in self._sleepers if w.deadline <= self._now]:
            self._wake(waiter)

    def _wake(self, waiter, notify=True):
        waiter.woken = True
        if not waiter.waiting:  # woken before it began to wait: it never stopped
            return
        if waiter.counted:
            self._running += 1
        if waiter.deadline is not None:
            self._sleepers.remove(waiter)
        if notify:
            waiter.notify()


class _Waiter:
    """One wait of one thread, ended by the clock (deadline), by a participant, or by itself."""

    __slots__ = ("counted", "deadline", "waiting", "woken", "_thread", "_interrupt")

    def __init__(self, counted, deadline=None, interrupt=None):
        self.counted = counted
        self.deadline = deadline
        self.waiting = self.woken = False
        self._thread = _thread.get_ident()
        self._interrupt = interrupt  # how another thread gets this one out of its wait

    def notify(self):
        if self._interrupt is not None and self._thread != _thread.get_ident():
            self._interrupt()
