"""check() and the real-time comparison, on hand-made results."""

import shlex
import sys

from asyncio_rosetta.harness.runner import RunResult
from asyncio_rosetta.harness.tracing import TraceLine
from asyncio_rosetta.harness.verify import DIFFERS, EQUAL, EXPECTED_FAILURE, check, compare_real_time

HELLO = [TraceLine(0.0, "hello"), TraceLine(1.0, "world")]


def result(lines=HELLO, warnings=(), error=None, phase=None, stderr=()):
    return RunResult(list(lines), list(stderr), list(warnings), error, phase, "", "3.x", 0, [])


def test_equal_trace(catalog):
    assert check(catalog, "hello", "async_await", result(), (3, 11)).status == EQUAL


def test_changed_text_differs(catalog):
    verdict = check(catalog, "hello", "async_await", result([HELLO[0], TraceLine(1.0, "World")]), (3, 11))
    assert verdict.status == DIFFERS
    assert "-  1.00  world" in verdict.problems


def test_missing_warning_differs(catalog):
    verdict = check(catalog, "hello", "async_await", result(), (3, 12))
    assert verdict.status == DIFFERS
    assert verdict.problems == ["expected warnings ['DeprecationWarning: There is no current event loop'], got []"]


def test_exact_warning_is_equal(catalog):
    ok = result(warnings=["DeprecationWarning: There is no current event loop"] * 2)
    assert check(catalog, "hello", "async_await", ok, (3, 12)).status == EQUAL


def test_expected_failure_needs_the_exact_error_and_phase(catalog):
    error = "RuntimeError: There is no current event loop in thread 'MainThread'."
    assert check(catalog, "hello", "async_await", result([], error=error, phase="runner"),
                 (3, 14)).status == EXPECTED_FAILURE
    assert check(catalog, "hello", "async_await", result([], error=error, phase="import"),
                 (3, 14)).status == DIFFERS
    assert check(catalog, "hello", "async_await", result([], error=error + "!", phase="runner"),
                 (3, 14)).status == DIFFERS


def test_failure_after_lines_that_are_not_a_prefix_differs(catalog):
    error = "RuntimeError: There is no current event loop in thread 'MainThread'."
    bad = result([TraceLine(0.0, "goodbye")], error=error, phase="runner")
    assert check(catalog, "hello", "async_await", bad, (3, 14)).status == DIFFERS


def test_stderr_output_differs(catalog):
    noisy = result(stderr=[TraceLine(1.0, "Task was destroyed but it is pending!")])
    assert check(catalog, "hello", "async_await", noisy, (3, 11)).problems == [
        "unexpected stderr: Task was destroyed but it is pending!"]


def test_a_missing_required_module_is_needed_not_a_difference(catalog):
    missing = result([], error="ModuleNotFoundError: No module named 'uvloop'", phase="import")
    verdict = check(catalog, "custom_loop", "modern_taskgroup", missing, (3, 12))
    assert verdict.status == "needs uvloop"
    # The command for the interpreter that ran it, as the README writes it (python3.X -m pip): a bare
    # pip may install for another Python.
    assert verdict.problems == ["uvloop is not installed for this interpreter: {} -m pip install uvloop".format(
        shlex.quote(sys.executable))]
    # Only a module the topic declares: any other missing module is a difference.
    assert check(catalog, "hello", "async_await", missing, (3, 11)).status == DIFFERS


def test_real_time_tolerance():
    assert compare_real_time(HELLO, [TraceLine(0.01, "hello"), TraceLine(1.049, "world")]) == []
    assert len(compare_real_time(HELLO, [TraceLine(0.0, "hello"), TraceLine(1.06, "world")])) == 1
    assert compare_real_time(HELLO, HELLO[:1])[0].startswith("texts differ")


def test_a_stalled_process_may_be_late_by_twice_its_stall_but_never_early():
    late = [TraceLine(0.2, "hello"), TraceLine(1.3, "world")]
    assert compare_real_time(HELLO, late, stalls=[0.1, 0.13]) == []
    assert len(compare_real_time(HELLO, late, stalls=[0.1, 0.1])) == 1
    early = [TraceLine(0.0, "hello"), TraceLine(0.9, "world")]
    assert len(compare_real_time(HELLO, early, stalls=[0.0, 1.0])) == 1
