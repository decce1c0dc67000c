"""_child: runs one program as ``__main__`` in its own process and writes what it printed, warned and raised as JSON."""

import json
import runpy
import subprocess
import sys

import pytest

from asyncio_rosetta.harness._child import PHASES, exception_phase
from asyncio_rosetta.harness.runner import child_env

STORY = '''import asyncio, sys

async def main():
    print("start")
    await asyncio.sleep(2)
    print("oops", file=sys.stderr)
    await asyncio.sleep(3)
    print("done")

loop = asyncio.new_event_loop()
loop.run_until_complete(main())
loop.close()
'''


def run_child(tmp_path, source, *options, flags=()):
    """(result as written, the process) of ``python FLAGS -m ..._child result.json OPTIONS variant.py``."""
    variant, result = tmp_path / "variant.py", tmp_path / "result.json"
    variant.write_text(source, encoding="utf-8")
    process = subprocess.run([sys.executable] + list(flags) + ["-m", "asyncio_rosetta.harness._child", str(result)]
                             + list(options) + [str(variant)], env=child_env(), cwd=str(tmp_path),
                             stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             universal_newlines=True, timeout=60)
    with open(str(result), encoding="utf-8") as data:
        return json.load(data), process


def test_lines_are_stamped_with_story_time_and_nothing_is_echoed(tmp_path):
    result, process = run_child(tmp_path, STORY)
    assert (result["lines"], result["stderr"]) == ([[0.0, "start"], [5.0, "done"]], [[2.0, "oops"]])
    assert (result["error"], result["warnings"], result["stalls"]) == (None, [], [])
    assert (process.returncode, process.stdout, process.stderr) == (0, "", "")


def test_echo_streams_the_stamped_lines(tmp_path):
    _, process = run_child(tmp_path, STORY, "--echo")
    assert (process.stdout, process.stderr) == ("  0.00  start\n  5.00  done\n", "  2.00  oops\n")


def test_real_time_records_a_stall_per_printed_line(tmp_path):
    result, _ = run_child(tmp_path, STORY.replace("sleep(2)", "sleep(0)").replace("sleep(3)", "sleep(0)"),
                          "--real-time")
    assert [text for _, text in result["lines"]] == ["start", "done"]
    assert len(result["stalls"]) == 2 and all(stall >= 0 for stall in result["stalls"])


def test_the_program_is_main_with_its_folder_first_on_the_path(tmp_path):
    (tmp_path / "helper.py").write_text("NAME = 'helper'\n", encoding="utf-8")
    result, _ = run_child(tmp_path, "import sys, helper\nprint(__name__, helper.NAME, sys.argv == [__file__])\n")
    assert result["lines"] == [[0.0, "__main__ helper True"]]


def test_the_exception_is_the_interpreters_last_line_and_the_exit_status_1(tmp_path):
    result, process = run_child(tmp_path, "import asyncio\nasyncio.sleeep(1)\n")
    assert result["error"].startswith("AttributeError: module 'asyncio' has no attribute 'sleeep'")
    if sys.version_info >= (3, 10):  # the interpreter's own display adds the suggestion
        assert result["error"].endswith("Did you mean: 'sleep'?")
    assert result["traceback"].rstrip("\n").endswith(result["error"])
    assert (result["phase"], process.returncode) == ("import", 1)


def test_keyboard_interrupt_and_exit_0_are_outcomes_too(tmp_path):
    result, _ = run_child(tmp_path, "raise KeyboardInterrupt\n")
    assert (result["error"], result["phase"]) == ("KeyboardInterrupt", "import")
    result, process = run_child(tmp_path, "import sys\nprint('bye')\nsys.exit(0)\n")
    assert (result["error"], result["lines"], process.returncode) == (None, [[0.0, "bye"]], 0)


WARN_TWICE = "import warnings\nfor _ in range(2):\n    warnings.warn('here')\nwarnings.warn('there')\n"


def test_warnings_are_recorded_once_per_place_unless_w_says_otherwise(tmp_path):
    """By default as ``python -X dev`` shows them; a ``-W`` option given to the interpreter wins."""
    result, process = run_child(tmp_path, WARN_TWICE)
    assert result["warnings"] == ["UserWarning: here", "UserWarning: there"]
    assert process.stderr == ""
    result, _ = run_child(tmp_path, WARN_TWICE, flags=("-W", "always"))
    assert result["warnings"] == ["UserWarning: here"] * 2 + ["UserWarning: there"]
    result, _ = run_child(tmp_path, WARN_TWICE, flags=("-W", "ignore"))
    assert result["warnings"] == []


# (source, the phase of the exception it ends with): the last frame in the file decides.
PHASE_CASES = [
    ("x = 1 / 0\n", "import"),
    ("def f(:\n", "import"),  # no frame of the file at all
    ("class C:\n    x = 1 / 0\n", "import"),
    ("def f():\n    return 1 / 0\nf()\n", "coroutine"),
    ("import json\nif __name__ == '__main__':\n    json.loads('{')\n", "runner"),
    ("if __name__ == \"__main__\":\n    (lambda: 1 / 0)()\n", "coroutine"),
    ("x = 1\nif __name__ == '__main__':\n    class C:\n        y = 1 / 0\n", "runner"),
]


def test_the_cases_cover_every_phase():
    assert sorted({phase for _, phase in PHASE_CASES}) == sorted(PHASES)


@pytest.mark.parametrize("source, phase", PHASE_CASES)
def test_exception_phase(tmp_path, source, phase):
    path = tmp_path / "variant.py"
    path.write_text(source, encoding="utf-8")
    with pytest.raises(Exception) as raised:
        runpy.run_path(str(path), run_name="__main__")
    assert exception_phase(raised.value.__traceback__, str(path)) == phase
