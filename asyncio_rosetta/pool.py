"""Running a function over many files: in worker processes, when there are enough to pay for them.

    results = map_files(work, paths, shared, jobs=None, parallel_from=100)
    # == [work(path, shared) for path in paths], in order

*shared* goes to each worker once (not with every file). Workers are
spawned, not forked: a fork would copy whatever threads and patches the
calling program has (a test run's clock, say); ``mp_context`` is 3.7+, so
3.6 always works in one process.
"""

import concurrent.futures
import multiprocessing
import os
import sys

__all__ = ["map_files"]


def map_files(function, items, shared, jobs=None, parallel_from=100):
    """``[function(item, shared) for item in items]``, by up to *jobs* processes
    (default: one per core) when there are at least *parallel_from* items."""
    items = list(items)
    workers = jobs or os.cpu_count() or 1
    if len(items) < parallel_from or workers < 2 or sys.version_info < (3, 7):
        return [function(item, shared) for item in items]
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                                initializer=_start, initargs=(function, shared)) as pool:
        return list(pool.map(_run, items, chunksize=max(1, min(4, len(items) // (workers * 4)))))


_worker = []  # in a worker process: [function, shared], set once by _start


def _start(function, shared):
    _worker[:] = [function, shared]


def _run(item):
    function, shared = _worker
    return function(item, shared)
