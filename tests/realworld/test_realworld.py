"""A corpus of real-shaped legacy asyncio programs (2014-2017 style), and what port does with them.

Each program in programs/ runs on its old Python ("python" in expected.json, re-proved there),
does not on 3.14 as it is, and, ported for 3.11, gives on 3.11-3.14 what expected.json records
("same": identical stdout, exit 0, no stderr; else the measured reason, asserted to still hold:
when port gets better this fails, and record.py measures the data again).
"""

import concurrent.futures
import json
import os
import shutil
import sys
from collections import Counter

import pytest

from asyncio_rosetta.scan.scanner import scan
from conftest import HAVE_LIBCST
from realworld.record import error_line, run

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(HERE, "programs")
with open(os.path.join(HERE, "expected.json"), encoding="utf-8") as _file:
    DATA = json.load(_file)
EXPECTED = DATA["programs"]
NAMES = sorted(EXPECTED)
PYTHON = "{}.{}".format(*sys.version_info[:2])


def run_all(paths):
    """{name: run(path)} for {name: path}, four at a time."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        return dict(zip(paths, pool.map(lambda path: run(sys.executable, path), paths.values())))


def same(result, name):
    """The run printed the recorded stdout, exited 0 and wrote nothing to stderr."""
    return result == (0, EXPECTED[name]["stdout"], "")


@pytest.fixture(scope="module")
def originals():
    """The runs of the unchanged programs this interpreter checks: all on 3.14, else those that ran on it."""
    names = [name for name in NAMES if PYTHON == "3.14" or PYTHON in EXPECTED[name]["runs_on"]]
    return run_all({name: os.path.join(PROGRAMS, name + ".py") for name in names})


@pytest.fixture(scope="module")
def ported(tmp_path_factory):
    """(port's Report, {name: path of the ported copy}) for all programs, ported for 3.11."""
    if not HAVE_LIBCST:
        pytest.skip("port needs LibCST (3.9+)")
    from asyncio_rosetta.port.porter import port

    folder = str(tmp_path_factory.mktemp("realworld"))
    for name in NAMES:
        shutil.copy(os.path.join(PROGRAMS, name + ".py"), folder)
    report = port([folder], target=(3, 11), mode="write", jobs=1)
    return report, {name: os.path.join(folder, name + ".py") for name in NAMES}


@pytest.fixture(scope="module")
def ported_runs(ported):
    if PYTHON not in ("3.11", "3.12", "3.13", "3.14"):
        pytest.skip("the ported programs are run on 3.11-3.14")
    return run_all(ported[1])


def test_corpus():
    assert NAMES == sorted(name[:-3] for name in os.listdir(PROGRAMS) if name.endswith(".py"))
    assert len(NAMES) >= 40
    used = Counter(shape for name in NAMES for shape in EXPECTED[name]["shapes"])
    assert set(used) == set(DATA["shapes"]), "every shape in the legend, and only those"
    assert min(used.values()) >= 2, used
    for name in NAMES:
        with open(os.path.join(PROGRAMS, name + ".py"), encoding="utf-8") as program:
            assert 15 <= len(program.read().splitlines()) <= 80, name
        assert EXPECTED[name]["python"] in ("3.6", "3.7", "3.8", "3.9", "3.10"), name


@pytest.mark.parametrize("name", NAMES)
def test_runs_on_its_old_python(name, originals):
    """On its old Python ("python", the newest of "runs_on"), and the older ones it was measured on."""
    if PYTHON not in EXPECTED[name]["runs_on"]:
        pytest.skip("recorded on {}".format(", ".join(EXPECTED[name]["runs_on"])))
    assert EXPECTED[name]["runs_on"][-1] == EXPECTED[name]["python"]
    code, stdout, stderr = originals[name]
    assert (code, stdout) == (0, EXPECTED[name]["stdout"]), stderr


@pytest.mark.parametrize("name", NAMES)
def test_unported_fails_on_3_14(name, originals):
    if PYTHON != "3.14":
        pytest.skip("3.14 only")
    code, stdout, stderr = originals[name]
    assert (code, stdout) != (0, EXPECTED[name]["stdout"]), "it proves nothing: it runs unchanged on 3.14"
    if code:
        assert (error_line(stderr, last=True) or "exit {}".format(code)) == EXPECTED[name]["fails_on_3_14_unported"]


def test_port_parses_every_program(ported):
    assert not ported[0].failed


@pytest.mark.parametrize("name", NAMES)
def test_ported(name, ported_runs):
    expected = EXPECTED[name]["ported"][PYTHON]
    code, stdout, stderr = ported_runs[name]
    if expected == "same":
        assert (code, stdout, stderr) == (0, EXPECTED[name]["stdout"], "")
    else:
        assert not same(ported_runs[name], name), "port does better than recorded ({}): run record.py".format(
            expected)


@pytest.fixture(scope="module")
def scanned():
    found = {name: set() for name in NAMES}
    for finding in scan([PROGRAMS]).findings:
        found[os.path.basename(str(finding.path))[:-3]].add(finding.hazard.id)
    return found


@pytest.mark.parametrize("name", NAMES)
def test_scan_as_recorded(name, scanned):
    assert sorted(scanned[name]) == EXPECTED[name]["scan"]


# A legacy program scan says nothing about is a gap: those recorded so are strict xfails.
@pytest.mark.parametrize("name", [name if EXPECTED[name]["scan"] else pytest.param(
    name, marks=pytest.mark.xfail(strict=True, reason="a gap: scan finds nothing")) for name in NAMES])
def test_scan_finds_something(name, scanned):
    assert scanned[name], "scan says nothing about a legacy program"


# The ground truth, counted without scan: each line of a program whose code (comments and
# strings blanked) matches a pattern is a legacy construct, and scan, with every hazard
# selected, must report one of its hazards on that line.
LEGACY = {
    "@asyncio.coroutine": (r"^\s*@(asyncio\.)?coroutine\b", {"AR101"}),
    "loop= where 3.10 removed it": (
        r"\b(sleep|wait|wait_for|gather|shield|as_completed|Queue|JoinableQueue|Lock|Event|Condition|Semaphore|"
        r"BoundedSemaphore|open_connection|start_server|open_unix_connection|start_unix_server|"
        r"create_subprocess_exec|create_subprocess_shell)\(.*\bloop=", {"AR201", "AR202", "AR203", "AR204", "AR205"}),
    "get_event_loop()": (r"\bget_event_loop\(\)", {"AR301", "AR306", "AR314"}),
    "asyncio.async()": (r"\basync\(", {"AR106"}),
    "Task.all_tasks() / current_task()": (r"\bTask\.(all_tasks|current_task)\(", {"AR401"}),
    # (a name bound by "except ImportError: from asyncio import Queue as JoinableQueue" is a Queue)
    "asyncio's JoinableQueue": (r"\bfrom asyncio import JoinableQueue\b|\basyncio\.JoinableQueue\b", {"AR207"}),
    "with (yield from lock)": (r"\bwith \(yield from ", {"AR108"}),
    "with (await lock)": (r"\bwith \(await ", {"AR109"}),
    "asyncio.TimeoutError": (r"\basyncio\.TimeoutError\b", {"AR501"}),
    "next() / send() on a legacy coroutine": (r"\bnext\(stepper\)|\bstepper\.(send|throw)\(", {"AR116"}),
}


def _code_lines(path):
    """{line number: the code of that line}, comments and string literals blanked."""
    import tokenize
    with open(path, encoding="utf-8") as source:
        lines = source.read().splitlines()
    blank = [list(line) for line in lines]
    with open(path, encoding="utf-8") as source:
        for token in tokenize.generate_tokens(source.readline):
            if token.type in (tokenize.COMMENT, tokenize.STRING):
                (row, col), (end_row, end_col) = token.start, token.end
                for number in range(row, end_row + 1):
                    first = col if number == row else 0
                    last = end_col if number == end_row else len(blank[number - 1])
                    blank[number - 1][first:last] = " " * (last - first)
    return {number: "".join(chars) for number, chars in enumerate(blank, 1)}


@pytest.fixture(scope="module")
def every_finding():
    from asyncio_rosetta.scan.hazards import load
    hazards = load()
    found = set()
    for finding in scan([PROGRAMS], select=[hazard.id for hazard in hazards]).findings:
        found.add((os.path.basename(str(finding.path))[:-3], finding.line, finding.hazard.id))
    return found


def test_scan_finds_every_legacy_construct_counted_without_it(every_finding):
    import re
    counted, missed = Counter(), []
    for name in NAMES:
        for number, code in _code_lines(os.path.join(PROGRAMS, name + ".py")).items():
            for what, (pattern, hazards) in LEGACY.items():
                if re.search(pattern, code):
                    counted[what] += 1
                    if not any((name, number, hazard) in every_finding for hazard in hazards):
                        missed.append("{}.py:{}: {}".format(name, number, what))
    assert sum(counted.values()) >= 180 and counted["@asyncio.coroutine"] >= 60, counted  # the counting works
    assert missed == []
