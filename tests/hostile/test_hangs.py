"""What never ends is killed, with what it started, and said so in one line: an interpreter that bench
runs and that never answers (asked what it is, or running a workload), past ``--timeout``. (A variant that
never ends is killed the same way, by interrupts.kill, past run_variant's timeout.)"""

import json

from hostile.world import Command, descendants, fake_python, still_running


def _never_ended(command):
    """{pid: start time} of the program that never ended and of its helper, from its marker (once written)."""
    [marker] = command.wait_for_markers()
    return {pid: start for pid, start in descendants(marker["pid"]).items()}


def test_bench_an_interpreter_that_never_says_what_it_is(tmp_path):
    python = fake_python(tmp_path)
    command = Command(tmp_path, ["bench", "--python", str(python), "--timeout", "2"],
                      env={"ROSETTA_HOSTILE_HANG": "probe"})
    try:
        left = _never_ended(command)
        assert command.wait() == 2 and command.stdout() == ""
        assert command.stderr() == "asyncio-rosetta: error: {}: no answer after 2 s (killed); is it a Python " \
                                   "interpreter?\n".format(python)
        assert still_running(left) == {} and command.leftover_temporary_files() == []
    finally:
        command.kill_everything()


def test_bench_a_workload_that_never_ends(tmp_path):
    command = Command(tmp_path, ["bench", "--python", str(fake_python(tmp_path)), "--timeout", "2", "--rounds", "2",
                                 "--format", "json"], env={"ROSETTA_HOSTILE_HANG": "async_await"})
    try:
        left = _never_ended(command)
        assert command.wait() == 1, command.stderr()
        [python] = json.loads(command.stdout())["pythons"]
        assert python["styles"]["async_await"] == {"error": "still running after 2 s (--timeout): killed"}
        assert python["styles"]["modern_taskgroup"]["times"] == [0.001, 0.001]  # the other style goes on
        assert still_running(left) == {} and command.leftover_temporary_files() == []
    finally:
        command.kill_everything()
