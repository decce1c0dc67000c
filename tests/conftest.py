"""Shared fixtures: the catalogue and one batch of variant runs per session.

All subprocess runs the suite needs (every topic x style, plain and under
``-X dev -W error``, plus a few in real time) start together once, in the
background as soon as the tests are collected.
"""

import atexit
import concurrent.futures
import contextlib
import importlib.util
import io
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

import pytest

import due
from asyncio_rosetta.harness.catalog import load
from asyncio_rosetta.harness import compat
from asyncio_rosetta.scan.hazards import load as load_hazards
from asyncio_rosetta.harness.runner import child_env, run_many

CATALOG = load()
HAZARDS = load_hazards()
TOPICS = [topic.name for topic in CATALOG.topics]
STYLES = [style.name for style in CATALOG.styles]
CASES = [(topic, style) for topic in TOPICS for style in STYLES]
CASE_IDS = ["{}[{}]".format(topic, style) for topic, style in CASES]

# Topics also run in wall-clock time to prove the virtual clock does not lie:
# blocking callbacks (time.sleep), timed callbacks, a cancellation, and
# a thread that sleeps and hands results to the loop. (A process-pool job
# takes real time but no story time: run_in_executor is not among them.)
REAL_TIME_TOPICS = ("call_soon_threadsafe", "call_soon", "call_later_call_at", "task_cancel")
DEV_FLAGS = ("-X", "dev", "-W", "error")

# port (LibCST, 3.9+) rewrites every legacy variant for this interpreter (for
# 3.11 from 3.11 on, port's proof) and the batch runs the results.
HAVE_LIBCST = importlib.util.find_spec("libcst") is not None
PORT_TARGET = min((3, 11), sys.version_info[:2])
PORTED = {}  # topic -> (port.Ported, path of the ported file), filled by the batch


def cli_process(*args, cwd=None):
    """``python -m asyncio_rosetta ARGS`` as a user runs it (from the clone, by default)."""
    return subprocess.run([sys.executable, "-m", "asyncio_rosetta"] + list(args), cwd=str(cwd or CATALOG.root),
                          env=child_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True)


def cli(*args, cwd=None):
    """``cli_process(*args)``, in this process: ``cli.main`` is all the entry
    point runs, and a fresh interpreter per call was a fifth of the suite's
    time. Not for ``run``, whose child writes to the real stdout."""
    from asyncio_rosetta.cli import main

    out, err, saved = io.StringIO(), io.StringIO(), os.getcwd()
    os.chdir(str(cwd or CATALOG.root))
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exc:  # argparse's --help
                code = exc.code
    finally:
        os.chdir(saved)
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())


def reference_style(topic):
    """The newest style that runs *topic* on this interpreter."""
    return compat.reference_style(CATALOG, topic)


@pytest.fixture(scope="session")
def catalog():
    return CATALOG


def _all_runs():
    jobs = {}
    for topic in REAL_TIME_TOPICS:  # longest first: they set the wall time
        style = reference_style(topic)
        jobs["real", topic, style] = (CATALOG.variant_path(topic, style), {"real_time": True})
    for topic, style in CASES:
        path = CATALOG.variant_path(topic, style)
        jobs["virtual", topic, style] = (path, {})
        jobs["dev", topic, style] = (path, {"flags": DEV_FLAGS})
    for hazard in HAZARDS:
        jobs["probe", hazard.id, None] = (hazard.probe, {})
    # Porting takes seconds of this process's time: the runs go on meanwhile.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        runs = pool.submit(run_many, jobs)
        ported = run_many({("ported", topic, "generator_coroutine"): (path, {})
                           for topic, path in _ported_variants().items()})
        results = runs.result()
    results.update(ported)
    return results


def _ported_variants():
    """{topic: path of its legacy variant as port rewrote it}, in a temporary folder."""
    if not HAVE_LIBCST:
        return {}
    from asyncio_rosetta.port.porter import port_file

    folder = tempfile.mkdtemp(prefix="rosetta-ported-")
    atexit.register(shutil.rmtree, folder, True)
    paths = {}
    for topic in TOPICS:
        ported = port_file(CATALOG.variant_path(topic, "generator_coroutine"), PORT_TARGET)
        if ported.error is None:
            paths[topic] = os.path.join(folder, topic + ".py")
            with open(paths[topic], "w", encoding="utf-8") as out:
                out.write(ported.new)
        PORTED[topic] = ported, paths.get(topic)
    return paths


_batch = []  # [its thread pool, the Future of _all_runs()], once started


TESTS = os.path.dirname(os.path.abspath(__file__))
_split = {"modules": set(), "tests": 0}  # what --split left out here


def pytest_addoption(parser):
    parser.addoption("--split", action="store_true",
                     help="only the tests due on this interpreter in the tox matrix (tests/due.py)")


def _key(path):
    return os.path.relpath(str(path), TESTS).replace(os.sep, "/")


def pytest_ignore_collect(collection_path, config):
    """Under --split, a module none of whose tests are due here is not even imported."""
    if (config.getoption("split") and collection_path.name.startswith("test_") and collection_path.suffix == ".py"
            and not due.module_due_on(_key(collection_path), sys.version_info)):
        _split["modules"].add(str(collection_path))
        return True
    return None


def pytest_terminal_summary(terminalreporter, config):
    if config.getoption("split"):
        asked = [os.path.join(str(config.invocation_params.dir), arg.split("::")[0]) for arg in config.args]
        modules = [path for path in _split["modules"] if any(path.startswith(top) for top in asked)]
        terminalreporter.write_line(
            "--split: {} modules and {} more tests are not due on {}.{} (tests/due.py): they run on the newest "
            "Python, on their floor, or in a tox env of their own".format(len(modules), _split["tests"], *sys.version_info[:2]))


def pytest_collection_modifyitems(config, items):
    """Under --split, leave out the tests not due here; then start the batch as
    soon as tests are collected, if any test needs it: it then runs while the
    other test files do (they wait on no clock)."""
    if config.getoption("split"):
        kept, left = [], []
        for item in items:
            key = _key(item.path) + "::" + item.nodeid.split("::", 1)[1]
            (kept if due.due_on(key, sys.version_info) else left).append(item)
        if left:
            config.hook.pytest_deselected(items=left)
            items[:] = kept
            _split["tests"] += len(left)
    if not _batch and any("runs" in item.fixturenames for item in items):
        if HAVE_LIBCST:  # imported here first: the batch ports while a test may import them on the main thread,
            import asyncio_rosetta.port.fixers  # noqa: F401  and the two imports deadlocked (_DeadlockError)
        pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
        _batch[:] = [pool, pool.submit(_all_runs)]


@pytest.fixture(scope="session")
def runs():
    """``runs[mode, topic, style]`` for mode in "virtual", "dev", "real";
    ``runs["probe", hazard_id, None]`` for the hazard probes;
    ``runs["ported", topic, "generator_coroutine"]`` for the ported legacy variants."""
    return _batch[1].result()


@pytest.fixture
def single_threaded():
    """No other thread runs in this process: the batch has ended, and the
    threads earlier tests left (a closed loop's executor workers end on their
    own, soon) are gone. A test that forks (a process pool, on Linux before
    3.14) asks for this: a fork while other threads run can deadlock the child
    (3.12+ warn "use of fork() may lead to deadlocks in the child")."""
    if _batch:
        _batch[0].shutdown(wait=True)
    deadline = time.monotonic() + 10
    for thread in threading.enumerate():
        if thread is not threading.main_thread():
            thread.join(max(0.0, deadline - time.monotonic()))


def measured(runs):
    """(variants, probes): the batch's virtual-clock runs by (topic, style), and its probe runs by hazard id."""
    return ({(topic, style): result for (mode, topic, style), result in runs.items() if mode == "virtual"},
            {hazard: result for (mode, hazard, _), result in runs.items() if mode == "probe"})


def pytest_sessionfinish(session):
    """Leave this interpreter's measured results (asyncio_rosetta.publish.results) for
    the matrix and the site: from the batch's own runs, so nothing runs twice."""
    if _batch and _batch[1].done() and _batch[1].exception() is None:
        from asyncio_rosetta.publish import results

        runs = _batch[1].result()
        path = results.record(CATALOG, HAZARDS, *measured(runs), runs=len(runs))
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line("results: {}".format(path))
