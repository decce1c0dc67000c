"""Running a function over many files: in worker processes, when there are enough to pay for them.

    results = map_files(work, paths, shared, jobs=None, parallel_from=100, crashed=None)
    # == [work(path, shared) for path in paths], in order

*shared* goes to each worker once (not with every file). Workers are
spawned, not forked: a fork would copy whatever threads and patches the
calling program has (a test run's clock, say); ``mp_context`` is 3.7+, so
3.6 always works in one process. Workers never get a stopping signal from
outside (a terminal's Ctrl-C goes to them too); on any exception here (Ctrl-C,
kill: see interrupts) they are killed, not waited for (a file that never
finishes reading would hold the pool forever).

A file that kills its worker (a crash in a native parser, the out-of-memory
killer) costs that file only: the files the dead worker had taken are run
again one at a time, each in a process of its own, and the one that dies
there gets ``crashed(path, why)`` as its result (why: "killed by SIGSEGV",
"exit status 3"); the others go on in a new pool. Each file's work runs with
the garbage collector paused (see ``collector_paused``).
"""

import collections
import contextlib
import gc
import os
import signal
import sys

from asyncio_rosetta import interrupts

__all__ = ["map_files", "collector_paused"]


def map_files(function, items, shared, jobs=None, parallel_from=100, crashed=None):
    """``[function(item, shared) for item in items]``, by up to *jobs* processes
    (default: one per core) when there are at least *parallel_from* items. An
    item whose worker process dies has ``crashed(item, why)`` as its result
    (without *crashed*, the pool's BrokenProcessPool is raised)."""
    items = list(items)
    workers = jobs or os.cpu_count() or 1
    if len(items) < parallel_from or workers < 2 or sys.version_info < (3, 7):
        return [_call(function, item, shared) for item in items]
    import multiprocessing  # here: a scan in one process starts faster without it (and concurrent.futures)

    context = multiprocessing.get_context("spawn")
    size = max(1, min(4, len(items) // (workers * 4)))
    chunks = collections.deque(range(0, len(items), size))  # where each chunk of items starts
    results = [None] * len(items)
    while chunks:
        for start in _pooled(function, shared, items, size, chunks, results, workers, context):
            for index in range(start, min(start + size, len(items))):  # a dead worker's: one at a time
                results[index] = _alone(function, items[index], shared, crashed, context)
    return results


def _pooled(function, shared, items, size, chunks, results, workers, context):
    """Runs the chunks that start at *chunks* (taken from it) in a pool of
    *workers*, two per worker at a time, and fills *results*. Returns where
    the chunks a dead worker took with it start (the pool ends there: the
    rest of *chunks* is left for a new one)."""
    import concurrent.futures
    from concurrent.futures.process import BrokenProcessPool

    lost, running = [], {}
    with interrupts.shielded():
        _start_resource_tracker()
        with interrupts.shielded():  # again: the tracker unblocked SIGINT and SIGTERM here; and 3.7's
            # semaphore tracker starts with the pool's queues
            pool = concurrent.futures.ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                                          initializer=_start, initargs=(function, shared))
    try:
        while running or (chunks and not lost):
            while chunks and not lost and len(running) < 2 * workers:  # few at a time: a crash loses only these
                start = chunks.popleft()
                with interrupts.shielded():  # submit() starts the workers it needs
                    running[pool.submit(_run, items[start:start + size])] = start
            done, _ = concurrent.futures.wait(running, timeout=_POLL, return_when=concurrent.futures.FIRST_COMPLETED)
            if not done and _a_worker_died(pool):
                # 3.9+ spawn a worker after waking the manager thread, which then waits without
                # watching it: its death went unseen (a hang under load). The others' death it sees.
                _kill_workers(pool)
            for future in done:
                start = running.pop(future)
                try:
                    chunk = future.result()
                except BrokenProcessPool:
                    # Every chunk still running fails with it; the pool's manager ends the other workers
                    # with SIGTERM, which they block (shielded), and would wait for them forever.
                    lost.append(start)
                    _kill_workers(pool)
                    continue
                results[start:start + len(chunk)] = chunk
    except BaseException:
        _kill_workers(pool)
        raise
    finally:
        pool.shutdown()
    return sorted(lost)


def _alone(function, item, shared, crashed, context):
    """``function(item, shared)`` in a process of its own; ``crashed(item, why)`` if that process dies."""
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(function, item, shared, send))
    with interrupts.shielded():
        process.start()
    send.close()  # ours: the child's end alone stays open, so its death ends recv()
    try:
        returned, value = receive.recv()
    except EOFError:  # it died
        returned = value = None
    except BaseException:
        process.kill()
        raise
    process.join()
    receive.close()
    if returned is False:
        raise value  # what function raised there, as the pool would have raised it
    if returned:
        return value
    why = _how_it_ended(process.exitcode)
    if crashed is None:
        from concurrent.futures.process import BrokenProcessPool

        raise BrokenProcessPool("a worker process died ({}) on {!r}".format(why, item))
    return crashed(item, why)


def _child(function, item, shared, send):
    try:
        outcome = True, _call(function, item, shared)
    except Exception as exc:  # a bug: raised where the caller is, as the pool does
        outcome = False, exc
    send.send(outcome)
    send.close()


def _how_it_ended(code):
    if code is not None and code < 0:
        try:
            return "killed by " + signal.Signals(-code).name
        except ValueError:
            return "killed by signal {}".format(-code)
    return "exit status {}".format(code)


def _call(function, item, shared):
    with collector_paused():
        return function(item, shared)


@contextlib.contextmanager
def collector_paused():
    """The cyclic garbage collector off for one file's work: a big file's
    trees are millions of objects in no cycle, and each collection of the
    oldest generation walks them all (scan of a 30 MB file: 75 s of CPU, 58 s
    without; port of 1 MB: 26 s, 21 s). Switched back on after, unless
    something else had it off."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _start_resource_tracker():
    """Start multiprocessing's resource tracker (3.8+) now, if it does not run yet: started by the
    pool, it would unblock SIGINT and SIGTERM after starting itself (and ignores them itself), and
    the workers started after it would get a terminal's Ctrl-C. Started in a shielded block, a
    hangup does not kill it either (it would be relaunched, warning that resources might leak)."""
    try:
        from multiprocessing import resource_tracker
    except ImportError:  # 3.7: its semaphore tracker leaves the signal mask as it found it
        return
    resource_tracker.ensure_running()


_POLL = 0.5  # seconds between two looks at the workers while no chunk ends


def _a_worker_died(pool):
    return any(process.exitcode is not None for process in list((getattr(pool, "_processes", None) or {}).values()))


def _kill_workers(pool):
    """SIGKILL *pool*'s workers now; shutdown() then returns (the pool is broken) instead of waiting
    for them. Not by 3.14's kill_workers(): it takes the lock that a breaking pool's manager thread
    holds while it joins the workers it asked to end with SIGTERM, which ours block (interrupts.shielded)."""
    for process in list((getattr(pool, "_processes", None) or {}).copy().values()):
        try:
            process.kill()
        except (OSError, ValueError):  # ended, or closed, meanwhile
            pass


_worker = []  # in a worker process: [function, shared], set once by _start


def _start(function, shared):
    _worker[:] = [function, shared]


def _run(chunk):
    function, shared = _worker
    return [_call(function, item, shared) for item in chunk]
