"""The child process: stamps, warnings, exceptions and their phase, hangs;
each the same whether the run is a fresh interpreter or forked (run_many)."""

import subprocess
import sys

import pytest

from asyncio_rosetta.harness import runner
from asyncio_rosetta.harness.runner import run_many, run_variant


def run_forked(path, **kwargs):
    return run_many({"only": (path, kwargs)})["only"]


@pytest.fixture(params=["fresh", "forked"])
def run(request):
    if request.param == "forked" and not runner._CAN_FORK:
        pytest.skip("no fork server on this platform: run_many starts fresh interpreters")
    return run_variant if request.param == "fresh" else run_forked


SCRIPT = '''import asyncio, sys, warnings
def boom():
    raise ValueError("inside")
warnings.warn("careful", UserWarning)
print("partial", end="")
if __name__ == "__main__":
    print(" line")
    {}
'''


@pytest.fixture
def run_script(tmp_path, run):
    def run_script(body, **kwargs):
        path = tmp_path / "script.py"
        path.write_text(SCRIPT.format(body), encoding="utf-8")
        return run(path, **kwargs)
    return run_script


def test_clean_run_records_lines_and_warnings(run_script):
    result = run_script('print("bye", file=sys.stderr)')
    assert [str(line) for line in result.lines] == ["  0.00  partial line"]
    assert result.warnings == ["UserWarning: careful"]
    assert [line.text for line in result.stderr] == ["bye"]
    assert (result.error, result.returncode) == (None, 0)
    assert result.python == "{}.{}.{}".format(*sys.version_info[:3])


def test_exception_in_a_function_is_phase_coroutine(run_script, tmp_path):
    result = run_script("boom()")
    assert (result.error, result.phase, result.returncode) == ("ValueError: inside", "coroutine", 1)
    assert result.traceback.startswith("Traceback (most recent call last):\n  File \"{}\"".format(
        tmp_path / "script.py"))  # the harness's own frames are not shown


def test_exception_in_main_block_is_phase_runner(run_script):
    assert run_script("1 / 0").phase == "runner"


def test_nonzero_exit_is_an_error(run_script):
    assert run_script("sys.exit(3)").error == "SystemExit: 3"


def test_warnings_become_errors_with_w_error(run_script):
    result = run_script("", flags=("-W", "error"))
    assert (result.error, result.phase) == ("UserWarning: careful", "import")


def test_hang_is_reported_not_waited_for(run_script):
    result = run_script("import time; time.sleep(3600)", real_time=True, timeout=0.5)
    assert result.error == "TimeoutError: still running after 0.5 s of wall time"


def test_exception_in_a_class_body_is_phase_import(run, tmp_path):
    path = tmp_path / "script.py"
    path.write_text("class Resource:\n    boom = 1 / 0\n", encoding="utf-8")
    assert run(path).phase == "import"


def test_threads_left_running_finish_after_the_error_in_story_time(run_script):
    """As at interpreter exit: the traceback first, then the thread's output."""
    result = run_script("import threading, time\n    "
                        "threading.Thread(target=lambda: (time.sleep(2), print('late'))).start()\n    1 / 0")
    assert [str(line) for line in result.lines] == ["  0.00  partial line", "  2.00  late"]
    assert (result.error, result.phase) == ("ZeroDivisionError: division by zero", "runner")


def test_output_at_interpreter_exit_counts(run_script):
    result = run_script('import atexit; atexit.register(lambda: print("at exit", file=sys.stderr))')
    assert [line.text for line in result.stderr] == ["at exit"]


def test_a_run_starts_as_a_fresh_interpreter_would(run_script):
    """No signal blocked, no input, one thread: a forked run inherits none of
    the fork server's state."""
    result = run_script("import signal, threading\n    "
                        "print(sorted(signal.pthread_sigmask(signal.SIG_BLOCK, [])), repr(sys.stdin.read()), "
                        "threading.active_count(), signal.getsignal(signal.SIGCHLD) == signal.SIG_DFL)")
    assert [line.text for line in result.lines] == ["partial line", "[] '' 1 True"]


def test_runs_of_many_are_separate_processes(tmp_path):
    path = tmp_path / "pid.py"
    path.write_text("import os\nprint(os.getpid())\n", encoding="utf-8")
    results = run_many({n: (path, {}) for n in range(4)})
    assert len({result.lines[0].text for result in results.values()}) == 4


@pytest.mark.skipif(not runner._CAN_FORK, reason="no fork server on this platform")
def test_where_a_forked_child_cannot_exit_cleanly_runs_are_fresh_interpreters():
    """3.8 under -X dev: a forked child is killed by a signal (SIGBUS) at interpreter exit,
    so the fork server says so and its runs fall back to fresh interpreters."""
    server = subprocess.run([sys.executable, "-X", "dev", "-m", "asyncio_rosetta.harness._forkserver", "1"],
                            input="", stdout=subprocess.PIPE, universal_newlines=True, env=runner.child_env())
    assert server.stdout == ("fork-broken\n" if sys.version_info[:2] == (3, 8) else "")


def test_the_stall_meter_counts_a_step_still_overdue():
    """A process starved right at its start has no finished step yet: the
    overdue part of the step in progress counts too."""
    from asyncio_rosetta.harness._child import StallMeter
    meter = StallMeter()
    try:
        meter._step_began -= 1.0  # as if the meter had not run for a second
        assert meter.stalled >= 0.99
    finally:
        meter.stop()
