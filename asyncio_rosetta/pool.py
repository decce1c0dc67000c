"""Running a function over many files: in worker processes, when there are enough to pay for them.

    results = map_files(work, paths, shared, jobs=None, parallel_from=100)
    # == [work(path, shared) for path in paths], in order

*shared* goes to each worker once (not with every file). Workers are
spawned, not forked: a fork would copy whatever threads and patches the
calling program has (a test run's clock, say); ``mp_context`` is 3.7+, so
3.6 always works in one process. Workers never get a stopping signal from
outside (a terminal's Ctrl-C goes to them too); on any exception here (Ctrl-C,
kill: see interrupts) they are killed, not waited for (a file that never
finishes reading would hold the pool forever).
"""

import concurrent.futures
import multiprocessing
import os
import sys

from asyncio_rosetta import interrupts

__all__ = ["map_files"]


def map_files(function, items, shared, jobs=None, parallel_from=100):
    """``[function(item, shared) for item in items]``, by up to *jobs* processes
    (default: one per core) when there are at least *parallel_from* items."""
    items = list(items)
    workers = jobs or os.cpu_count() or 1
    if len(items) < parallel_from or workers < 2 or sys.version_info < (3, 7):
        return [function(item, shared) for item in items]
    context = multiprocessing.get_context("spawn")
    pool = None
    try:
        with interrupts.shielded():
            _start_resource_tracker()
            with interrupts.shielded():  # again: the tracker unblocked SIGINT and SIGTERM here
                pool = concurrent.futures.ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                                              initializer=_start, initargs=(function, shared))
                # map() submits every item now, starting the workers
                results = pool.map(_run, items, chunksize=max(1, min(4, len(items) // (workers * 4))))
        return list(results)
    except BaseException:
        if pool is not None:
            _kill_workers(pool)
        raise
    finally:
        if pool is not None:
            pool.shutdown()


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


def _kill_workers(pool):
    """End *pool*'s workers now; shutdown() then returns (the pool is broken) instead of waiting for them."""
    if hasattr(pool, "kill_workers"):  # 3.14+
        pool.kill_workers()
        return
    for process in list((getattr(pool, "_processes", None) or {}).values()):  # 3.7-3.13
        process.kill()


_worker = []  # in a worker process: [function, shared], set once by _start


def _start(function, shared):
    _worker[:] = [function, shared]


def _run(item):
    function, shared = _worker
    return function(item, shared)
