"""Ctrl-C and kill while a command's children run: no traceback, exit 128 + the signal (130, 143), and
nothing left: no process the command started (nor what those started), no temporary folder.

Each command is stuck for good where it waits on something (programs/hang.py): a variant that never ends
(run, verify: in a copy of the clone whose hello.py is programs/never_ends.py), a file whose read never
returns (scan, port: programs/stalled_read.py, in the command or in a pool worker), an interpreter that
never ends a workload (bench: world.fake_python). Once its marker says so, the test stops it: SIGINT
to its process group (a terminal's Ctrl-C), SIGINT to it alone (``kill -INT``), SIGTERM (``kill``), or SIGHUP
to its group (the terminal closed).
"""

import os
import shutil
import signal
import sys

import pytest

from asyncio_rosetta.harness.runner import PACKAGE_PARENT
from asyncio_rosetta.scan.scanner import PARALLEL_FROM as SCAN_POOL_FROM

from conftest import HAVE_LIBCST
from hostile.world import PROGRAMS, Command, fake_python, still_running

PORT_POOL_FROM = 8  # port.porter.PARALLEL_FROM (porter needs LibCST to import)

STOPS = [
    pytest.param(signal.SIGINT, True, id="ctrl-c"),      # the terminal signals the whole foreground job
    pytest.param(signal.SIGINT, False, id="kill-INT"),
    pytest.param(signal.SIGTERM, False, id="kill-TERM"),
    pytest.param(signal.SIGHUP, True, id="hangup"),     # the terminal closed: its session's jobs get SIGHUP
]


@pytest.fixture(scope="module")
def hanging_clone(tmp_path_factory):
    """A copy of the clone whose ``hello`` variants never end, and start a process that never ends."""
    clone = tmp_path_factory.mktemp("clone")
    ignore = shutil.ignore_patterns("__pycache__")
    for folder in ("asyncio_rosetta", "variants", "probes", os.path.join("tests", "expected")):
        shutil.copytree(os.path.join(PACKAGE_PARENT, folder), str(clone / folder), ignore=ignore)
    for style in os.listdir(str(clone / "variants")):
        shutil.copy(os.path.join(PROGRAMS, "never_ends.py"), str(clone / "variants" / style / "hello.py"))
    return clone


def _tree(folder, files):
    """*files* small modules, one of them stalled.py, in *folder*."""
    folder.mkdir()
    for number in range(files - 1):
        (folder / "m{:03}.py".format(number)).write_text("import asyncio\n\n\n@asyncio.coroutine\ndef job():\n"
                                                          "    yield from asyncio.sleep(1)\n")
    (folder / "stalled.py").write_text("import asyncio\n")
    return folder


def _stopped(command, signum, group, children=True):
    """Stop *command*, stuck (in a child process unless not *children*), with *signum*; check what it leaves."""
    try:
        left = command.processes(command.wait_for_markers())
        assert (len(left) > 1) == children, left
        command.stop(signum, group)
        status = command.wait()
        assert "Traceback" not in command.stderr()
        assert (status, command.stderr()) == (128 + signum, "")
        assert still_running(left) == {}
        assert command.leftover_temporary_files() == []
    finally:
        command.kill_everything()


@pytest.mark.parametrize("signum, group", STOPS)
@pytest.mark.parametrize("args", [["run", "hello"], ["verify", "hello"]], ids=["run", "verify"])
def test_run_and_verify_kill_their_variants(tmp_path, hanging_clone, args, signum, group):
    _stopped(Command(tmp_path, args, clone=hanging_clone), signum, group)


@pytest.mark.parametrize("signum, group", STOPS)
@pytest.mark.parametrize("files", [1, SCAN_POOL_FROM], ids=["in-process", "pool"])
def test_scan_stops_reading(tmp_path, files, signum, group):
    tree = _tree(tmp_path / "tree", files)
    script = os.path.join(PROGRAMS, "stalled_read.py")
    pool = files >= SCAN_POOL_FROM and sys.version_info >= (3, 7)  # 3.6: always in one process
    _stopped(Command(tmp_path, ["scan", str(tree), "--jobs", "2"], script=script), signum, group, children=pool)


@pytest.mark.skipif(not HAVE_LIBCST, reason="port needs LibCST (Python 3.9+)")
@pytest.mark.parametrize("signum, group", STOPS)
def test_port_stops_its_workers(tmp_path, signum, group):
    tree = _tree(tmp_path / "tree", PORT_POOL_FROM)
    script = os.path.join(PROGRAMS, "stalled_read.py")
    _stopped(Command(tmp_path, ["port", str(tree), "--jobs", "2", "--write"], script=script), signum, group)
    assert "@asyncio.coroutine" in (tree / "m000.py").read_text()  # stopped before the first write


@pytest.mark.parametrize("signum, group", STOPS)
def test_bench_kills_the_interpreter_it_runs(tmp_path, signum, group):
    command = Command(tmp_path, ["bench", "--python", str(fake_python(tmp_path)), "--rounds", "1"],
                      env={"ROSETTA_HOSTILE_HANG": "async_await"})
    _stopped(command, signum, group)
