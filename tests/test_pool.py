"""pool.map_files: [function(item, shared) for item in items], in order, in
worker processes only from parallel_from items on (and on 3.7+, which has
mp_context), otherwise in this process; an item whose worker dies costs that
item only; the garbage collector is paused for each item."""

import os
import signal
import subprocess
import sys
import time

import pytest

from asyncio_rosetta import interrupts
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


def _blocked_signals(item, shared):
    """The signals blocked in the worker that runs this (Linux: /proc)."""
    with open("/proc/self/status") as status:
        mask = next(int(line.split()[1], 16) for line in status if line.startswith("SigBlk:"))
    return {number for number in range(1, 65) if mask & (1 << (number - 1))}


@pytest.mark.skipif(sys.version_info < (3, 7) or not sys.platform.startswith("linux"),
                    reason="workers: 3.7+; signal masks read from /proc")
def test_workers_never_get_a_stopping_signal_from_outside():
    """Started with SIGINT, SIGTERM and SIGHUP blocked (the resource tracker, started first, does not
    unblock them): a terminal's Ctrl-C goes to the command, which kills them; each would print a
    KeyboardInterrupt traceback otherwise."""
    masks = map_files(_blocked_signals, range(8), None, jobs=2, parallel_from=2)
    assert all(mask >= set(interrupts.SIGNALS) for mask in masks)
    assert not _blocked_signals(None, None) & set(interrupts.SIGNALS)  # and in this process, no longer


def _stop_or_never_end(item, shared):
    """Item 4 never returns (a file whose read never ends) and says so in the file *shared*;
    item 0, in the other worker's first chunk, raises once it has."""
    if item == 4:
        open(shared, "w").close()
        read_end, _ = os.pipe()
        os.read(read_end, 1)
    if item == 0:
        deadline = time.monotonic() + 120
        while not os.path.exists(shared) and time.monotonic() < deadline:
            time.sleep(0.01)
        raise ValueError("item 0")
    return item


def _die_while_one_never_ends(item, shared):
    """Item 1 never returns and says so in the file *shared*; item 0, in the other worker, then
    kills its own process: the pool breaks while item 1's worker still runs."""
    if item == 1:
        open(shared, "w").close()
        read_end, _ = os.pipe()
        os.read(read_end, 1)
    deadline = time.monotonic() + 120
    while not os.path.exists(shared) and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(os.getpid(), signal.SIGKILL)


_WHILE_ONE_HANGS = """
import sys
sys.path[:0] = {path!r}
from asyncio_rosetta.pool import map_files
from test_pool import {function}
try:
    map_files({function}, range({count}), {marker!r}, jobs=2, parallel_from=2)
except Exception as exc:
    print("raised:", exc)
"""


def _map_while_one_hangs(tmp_path, function, count):
    """What map_files(function, range(count)) prints in a child of its own, which must end in 120 s."""
    here = os.path.dirname(os.path.abspath(__file__))
    script = _WHILE_ONE_HANGS.format(path=[here, os.path.dirname(here)], function=function, count=count,
                                     marker=str(tmp_path / "stuck"))
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, universal_newlines=True,
                               start_new_session=True)
    try:
        out, _ = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise AssertionError("map_files waited for a worker that never ends")
    return process.returncode, out


@pytest.mark.skipif(sys.version_info < (3, 7), reason="ProcessPoolExecutor has no mp_context before 3.7")
def test_an_exception_kills_the_workers_instead_of_waiting_for_them(tmp_path):
    """Here a worker's exception; Ctrl-C or kill in the command alike (tests/hostile/test_interrupt.py).
    A pool's shutdown would wait for every item, and item 150 never ends."""
    assert _map_while_one_hangs(tmp_path, "_stop_or_never_end", 200) == (0, "raised: item 0\n")


@pytest.mark.skipif(sys.version_info < (3, 7), reason="ProcessPoolExecutor has no mp_context before 3.7")
def test_a_broken_pool_kills_the_workers_it_has_left(tmp_path):
    """A worker dies while the other still runs: the broken pool's manager ends that one with SIGTERM,
    which workers block (interrupts.shielded), and joined it forever (found under load, on 3.14)."""
    assert _map_while_one_hangs(tmp_path, "_die_while_one_never_ends", 2) == (
        0, "raised: a worker process died (killed by SIGKILL) on 0\n")


def _dies_on_odd(item, shared):
    """Kills its own process for odd items (what a crash in a native parser does), else tags them."""
    if item % 2:
        os.kill(os.getpid(), signal.SIGKILL)
    return item, shared, os.getpid()


def _raises(item, shared):
    raise ValueError("item {}".format(item))


@pytest.mark.skipif(sys.version_info < (3, 7), reason="ProcessPoolExecutor has no mp_context before 3.7")
def test_an_item_that_kills_its_worker_costs_that_item_only(single_threaded):
    """Each odd item kills the worker that runs it: the pool breaks again and
    again, the items of the dead workers are run one by one in a process of
    their own, and every even item still gets its result, in order."""
    results = map_files(_dies_on_odd, range(10), "shared", jobs=2, parallel_from=4,
                        crashed=lambda item, why: (item, why))
    assert [result[:2] for result in results] == [
        (item, "shared") if item % 2 == 0 else (item, "killed by SIGKILL") for item in range(10)]


@pytest.mark.skipif(sys.version_info < (3, 7), reason="ProcessPoolExecutor has no mp_context before 3.7")
def test_without_crashed_a_dead_worker_is_raised(single_threaded):
    from concurrent.futures.process import BrokenProcessPool
    with pytest.raises(BrokenProcessPool, match=r"a worker process died \(killed by SIGKILL\) on 1"):
        map_files(_dies_on_odd, range(4), None, jobs=2, parallel_from=4)


@pytest.mark.skipif(sys.version_info < (3, 7), reason="ProcessPoolExecutor has no mp_context before 3.7")
def test_an_exception_in_the_function_is_raised_as_before(single_threaded):
    with pytest.raises(ValueError, match=r"item [0-3]"):
        map_files(_raises, range(4), None, jobs=2, parallel_from=4)


def test_the_collector_is_paused_for_each_item_and_restored():
    import gc

    def state(item, shared):
        return gc.isenabled()

    assert gc.isenabled()
    assert map_files(state, range(3), None) == [False, False, False]
    assert gc.isenabled()
    gc.disable()
    try:
        assert map_files(state, range(2), None) == [False, False]
        assert not gc.isenabled()  # it was off: left off
    finally:
        gc.enable()
