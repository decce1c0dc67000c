"""pool.map_files: [function(item, shared) for item in items], in order, in
worker processes only from parallel_from items on (and on 3.7+, which has
mp_context), otherwise in this process."""

import os
import sys

import pytest

from asyncio_rosetta.pool import map_files


def _tag(item, shared):
    """What the workers run: module-level, so that a spawned worker can import it."""
    return item, shared, os.getpid()


def test_results_keep_the_order_of_the_items():
    assert [result[:2] for result in map_files(_tag, iter([3, 1, 2]), "shared")] == [
        (3, "shared"), (1, "shared"), (2, "shared")]


@pytest.mark.parametrize("jobs, parallel_from", [(2, 4), (1, 3)])
def test_below_the_threshold_or_with_one_job_it_runs_here(jobs, parallel_from):
    results = map_files(_tag, range(3), None, jobs=jobs, parallel_from=parallel_from)
    assert {pid for _, _, pid in results} == {os.getpid()}


@pytest.mark.skipif(sys.version_info < (3, 7), reason="ProcessPoolExecutor has no mp_context before 3.7")
def test_from_the_threshold_workers_give_the_same_results_with_shared():
    items = ["a", "b", "c", "d", "e", "f"]
    shared = {"target": (3, 11)}
    results = map_files(_tag, items, shared, jobs=2, parallel_from=len(items))
    assert [result[:2] for result in results] == [(item, shared) for item in items]
    assert os.getpid() not in {pid for _, _, pid in results}


@pytest.mark.skipif(sys.version_info >= (3, 7), reason="3.7+ has mp_context: tested above")
def test_on_3_6_it_always_runs_here():
    results = map_files(_tag, range(4), None, jobs=2, parallel_from=2)
    assert [item for item, _, _ in results] == [0, 1, 2, 3]
    assert {pid for _, _, pid in results} == {os.getpid()}
