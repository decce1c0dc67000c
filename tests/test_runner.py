"""The child process: stamps, warnings, exceptions and their phase, hangs."""

import sys

from asyncio_rosetta.runner import run_variant

SCRIPT = '''import asyncio, sys, warnings
def boom():
    raise ValueError("inside")
warnings.warn("careful", UserWarning)
print("partial", end="")
if __name__ == "__main__":
    print(" line")
    {}
'''


def run_script(tmp_path, body, **kwargs):
    path = tmp_path / "script.py"
    path.write_text(SCRIPT.format(body), encoding="utf-8")
    return run_variant(path, **kwargs)


def test_clean_run_records_lines_and_warnings(tmp_path):
    result = run_script(tmp_path, 'print("bye", file=sys.stderr)')
    assert [str(line) for line in result.lines] == ["  0.00  partial line"]
    assert result.warnings == ["UserWarning: careful"]
    assert [line.text for line in result.stderr] == ["bye"]
    assert (result.error, result.returncode) == (None, 0)
    assert result.python == "{}.{}.{}".format(*sys.version_info[:3])


def test_exception_in_a_function_is_phase_coroutine(tmp_path):
    result = run_script(tmp_path, "boom()")
    assert (result.error, result.phase, result.returncode) == ("ValueError: inside", "coroutine", 1)
    assert result.traceback.startswith("Traceback (most recent call last):\n  File \"{}\"".format(
        tmp_path / "script.py"))  # the harness's own frames are not shown


def test_exception_in_main_block_is_phase_runner(tmp_path):
    assert run_script(tmp_path, "1 / 0").phase == "runner"


def test_nonzero_exit_is_an_error(tmp_path):
    assert run_script(tmp_path, "sys.exit(3)").error == "SystemExit: 3"


def test_warnings_become_errors_with_w_error(tmp_path):
    result = run_script(tmp_path, "", flags=("-W", "error"))
    assert (result.error, result.phase) == ("UserWarning: careful", "import")


def test_hang_is_reported_not_waited_for(tmp_path):
    result = run_script(tmp_path, "import time; time.sleep(3600)", real_time=True, timeout=0.5)
    assert result.error == "TimeoutError: still running after 0.5 s of wall time"


def test_exception_in_a_class_body_is_phase_import(tmp_path):
    path = tmp_path / "script.py"
    path.write_text("class Resource:\n    boom = 1 / 0\n", encoding="utf-8")
    assert run_variant(path).phase == "import"


def test_threads_left_running_finish_after_the_error_in_story_time(tmp_path):
    """As at interpreter exit: the traceback first, then the thread's output."""
    result = run_script(tmp_path, "import threading, time\n    "
                        "threading.Thread(target=lambda: (time.sleep(2), print('late'))).start()\n    1 / 0")
    assert [str(line) for line in result.lines] == ["  0.00  partial line", "  2.00  late"]
    assert (result.error, result.phase) == ("ZeroDivisionError: division by zero", "runner")


def test_the_stall_meter_counts_a_step_still_overdue():
    """A process starved right at its start has no finished step yet: the
    overdue part of the step in progress counts too."""
    from asyncio_rosetta._child import StallMeter
    meter = StallMeter()
    meter._step_began -= 1.0  # as if the meter had not run for a second
    assert meter.stalled >= 0.99
