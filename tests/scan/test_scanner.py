"""scan: each detect kind finds its construct, reports the version it breaks
on, and keeps going past files it cannot read or parse."""

import subprocess
import sys

import pytest

from conftest import CATALOG, HAZARDS


LEGACY = '''\
import asyncio
from asyncio import coroutine as co


@asyncio.coroutine
def worker(lock):
    with (yield from lock):
        yield from asyncio.sleep(1)


@co  # noqa: AR101
def quiet():
    yield


def main():
    loop = asyncio.get_event_loop()
    lock = asyncio.Lock(loop=loop)
    task = asyncio.async(worker(lock))
    loop.run_until_complete(asyncio.wait([worker(lock), task]))
    loop.run_until_complete(asyncio.wait([asyncio.ensure_future(worker(lock))]))
    try:
        pass
    except asyncio.TimeoutError:  # noqa
        pass
'''
LEGACY_FINDINGS = 11  # test_each_construct_is_found_where_it_is lists them


def _scan(tmp_path, source=LEGACY, **options):
    from asyncio_rosetta.scan.scanner import scan
    path = tmp_path / "legacy.py"
    path.write_text(source)
    return scan([path], **options)


def test_each_construct_is_found_where_it_is(tmp_path):
    report = _scan(tmp_path)
    assert [(f.line, f.column, f.hazard.id) for f in report.findings] == [
        (2, 1, "AR117"), (5, 1, "AR101"), (7, 11, "AR108"), (17, 12, "AR301"), (18, 12, "AR201"), (19, 12, "AR106"),
        (19, 20, "AR107"), (20, 5, "AR308"), (20, 29, "AR403"), (21, 5, "AR308"), (21, 43, "AR306")]
    assert report.errors == [] and report.files == 1


def test_a_finding_says_what_breaks_where_and_what_to_use(tmp_path):
    finding = _scan(tmp_path).findings[1]
    assert str(finding).startswith("{}:5:1  AR101  @asyncio.coroutine".format(tmp_path / "legacy.py"))
    assert ("warns on 3.8-3.10: DeprecationWarning: \"@coroutine\" decorator is deprecated since Python 3.8, "
            "use \"async def\" instead; fails on 3.11+: AttributeError: module 'asyncio' has no attribute "
            "'coroutine'. Did you mean: 'coroutines'?") in finding.message
    assert "Use async def" in finding.message and "See topic hello" in finding.message


def test_the_oldest_python_starts_the_window(tmp_path):
    """Code that runs on 3.11+ only: AR101 fails everywhere it runs (said from 3.11 on), and
    AR108's change at 3.7 is before the window (it fails there already: still reported)."""
    report = _scan(tmp_path, oldest=(3, 11))
    assert report.oldest == (3, 11)
    ar101 = next(f for f in report.findings if f.hazard.id == "AR101")
    assert ar101.explanation.startswith("fails on 3.11+: AttributeError: module 'asyncio' has no attribute")
    assert "3.8" not in ar101.explanation
    assert [f.hazard.id for f in _scan(tmp_path, oldest=(3, 6)).findings] == [
        f.hazard.id for f in _scan(tmp_path).findings]


def test_target_keeps_what_changes_on_the_way_up_to_it(tmp_path):
    assert [f.hazard.id for f in _scan(tmp_path, target=(3, 7)).findings] == ["AR108", "AR106", "AR107"]
    message = _scan(tmp_path, target=(3, 9)).findings[0].message
    assert "warns on 3.8-3.9" in message and "3.11" not in message


def test_select_and_ignore_by_id_or_name(tmp_path):
    assert [f.hazard.id for f in _scan(tmp_path, select=["ar106", "coroutine-decorator"]).findings] == [
        "AR101", "AR106"]
    assert "AR108" not in [f.hazard.id for f in _scan(tmp_path, ignore=["with-yield-from-lock"]).findings]


UNCHANGED = """\
import asyncio


async def main(loop):
    loop = asyncio.get_event_loop()
    asyncio.ensure_future(main(loop))
    return asyncio.Future(loop=loop)
"""


def test_a_selected_hazard_runs_whatever_the_target(tmp_path):
    """As in ruff, a rule selected by id or name always runs: even one that runs
    the same on every Python (AR206, AR314, AR406), which is never reported
    otherwise. Its message says so, and why it is still worth a look."""
    assert _scan(tmp_path, UNCHANGED).findings == []
    report = _scan(tmp_path, UNCHANGED, select=["AR314", "fire-and-forget-task", "AR206"])
    assert [(f.line, f.column, f.hazard.id) for f in report.findings] == [
        (5, 12, "AR314"), (6, 5, "AR406"), (7, 12, "AR206")]
    assert report.findings[0].message == (
        "asyncio.get_event_loop() inside a coroutine (fine, but it reads as if it could make a loop): runs the "
        "same on every Python from 3.6 on: in a coroutine get_event_loop() returns the running loop (3.5.3+), "
        "whatever is set, and never warns; the same call outside a coroutine warns from 3.12 and fails on 3.14 "
        "(AR301), get_running_loop() never makes a loop. Use asyncio.get_running_loop() (3.7+): the running loop, "
        "or RuntimeError, never a new loop. See topic hello, call_later_call_at.")
    assert "runs the same on every Python from 3.6 on: the loop holds tasks weakly" in report.findings[1].message
    assert "Use loop= as it is" in report.findings[2].message


def test_a_selected_hazard_is_reported_below_its_first_change(tmp_path):
    """--upgrade-to 3.7 --select AR101: @coroutine changes only from 3.8; the
    message says it runs as before up to the target, and what comes after."""
    assert [f.hazard.id for f in _scan(tmp_path, target=(3, 7), select=["AR301"]).findings] == ["AR301"]
    finding = _scan(tmp_path, target=(3, 7), select=["AR101"]).findings[0]
    assert (finding.line, finding.hazard.id) == (5, "AR101")
    assert ": runs as on 3.6 up to 3.7 (--upgrade-to); warns on 3.8-3.10: DeprecationWarning" in finding.message
    assert [f.hazard.id for f in _scan(tmp_path, target=(3, 7), select=["AR101"], ignore=["AR101"]).findings] == []
    factory = "def factory(loop, coro):\n    pass\n\n\nloop.set_task_factory(factory)\n"
    finding = _scan(tmp_path, factory, target=(3, 7), select=["AR410"]).findings[0]  # name= is 3.8+
    assert ": exists from 3.8 on, after --upgrade-to 3.7; changes on 3.11-3.13: " in finding.message
    assert "; fails on 3.14: TypeError" in finding.message


def test_await_as_a_name_is_found_like_async(tmp_path):
    """Legacy (3.6) code may name a method await; await expressions are not names."""
    source = ("import asyncio\n\n\nclass Job:\n    def await(self):\n        return 1\n\n\n"
              "async def main(job):\n    await asyncio.sleep(job.await())\n")
    report = _scan(tmp_path, source)
    assert [(f.line, f.column, f.hazard.id) for f in report.findings] == [(5, 9, "AR107"), (10, 29, "AR107")]
    assert report.findings[0].message.startswith("async or await used as a variable, argument or attribute name")


IMPLICIT_LOOKUPS = """\
import asyncio


async def job():
    pass


loop = asyncio.new_event_loop()
task = loop.create_task(job())
asyncio.gather(task, job())
asyncio.gather(job(), task)  # looked up
asyncio.gather()  # looked up
asyncio.shield(task)
asyncio.shield(job())  # looked up
asyncio.ensure_future(loop.create_task(job()))
asyncio.ensure_future(job())  # looked up
asyncio.ensure_future(job(), loop=loop)
asyncio.Future(loop=loop)
asyncio.Future()  # looked up
tasks = [loop.create_task(job()), job()]
asyncio.gather(*tasks)
pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
asyncio.gather(*pending)  # looked up: when nothing is pending, gather() has no future to take the loop from
if pending:
    asyncio.gather(*pending, return_exceptions=True)
coroutines = [job() for _ in range(3)]
if coroutines:
    asyncio.gather(*coroutines)  # looked up


def shutdown(loop, tasks):
    asyncio.gather(*tasks)  # looked up: tasks may be anything
    task = asyncio.ensure_future(job())  # looked up
    asyncio.shield(task)
"""


def test_implicit_loop_lookup_only_where_the_loop_is_looked_up(tmp_path):
    """gather, shield and ensure_future take the loop from a Future or Task
    they are given first (measured: no warning on 3.12, no error on 3.14), and
    every call takes the loop= it is given; anything else looks it up."""
    report = _scan(tmp_path, IMPLICIT_LOOKUPS, select=["AR306"])
    expected = [number for number, line in enumerate(IMPLICIT_LOOKUPS.splitlines(), 1) if "# looked up" in line]
    assert [f.line for f in report.findings] == expected


AFTER_SET_EVENT_LOOP = """\
import asyncio


async def job():
    return 1


asyncio.ensure_future(job()).cancel()  # looked up: no loop set yet
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
task = asyncio.ensure_future(job())
print(loop.run_until_complete(asyncio.gather(task)), asyncio.get_event_loop() is loop)
loop.close()
"""


def test_after_the_module_sets_a_loop_lookups_find_it(tmp_path):
    """What port writes (new_event_loop + set_event_loop): later module-level lookups find that loop, so
    neither AR306 nor AR301 is left on the to-do list. Run here: silent under -W error, 3.14 included;
    the first lookup, before any loop is set, is still found."""
    report = _scan(tmp_path, AFTER_SET_EVENT_LOOP, select=["AR301", "AR306"])
    assert [(f.line, f.hazard.id) for f in report.findings] == [(8, "AR306")]
    body = AFTER_SET_EVENT_LOOP.replace("asyncio.ensure_future(job()).cancel()  # looked up: no loop set yet\n", "")
    run = subprocess.run([sys.executable, "-W", "error", "-c", body], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         universal_newlines=True)
    assert (run.returncode, run.stdout, run.stderr) == (0, "[1] True\n", "")


SHUTDOWNS = """\
import asyncio


async def main():
    pass


def legacy():
    loop = asyncio.new_event_loop()
    loop.run_until_complete(main())  # left behind
    loop.close()


def as_asyncio_run_does():
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(main())
    finally:
        pending = asyncio.all_tasks(loop)
        for task in pending:
            task.cancel()
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.run_until_complete(loop.shutdown_default_executor())
        loop.close()


def without_the_executor(other):
    loop = asyncio.new_event_loop()
    loop.run_until_complete(main())  # left behind
    for task in asyncio.all_tasks(loop):
        task.cancel()
    loop.run_until_complete(loop.shutdown_asyncgens())
    other.run_until_complete(other.shutdown_default_executor())
    loop.close()


def with_its_own_executor(executor):
    loop = asyncio.new_event_loop()
    loop.set_default_executor(executor)
    loop.run_until_complete(main())
    pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
    for task in pending:
        task.cancel()
    loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
    loop.run_until_complete(loop.shutdown_asyncgens())
    executor.shutdown(wait=True)
    loop.close()


def not_waiting_for_it(executor):
    loop = asyncio.new_event_loop()
    loop.set_default_executor(executor)
    loop.run_until_complete(main())  # left behind
    pending = asyncio.all_tasks(loop)
    for task in pending:
        task.cancel()
    loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
    loop.run_until_complete(loop.shutdown_asyncgens())
    executor.shutdown(wait=False)
    loop.close()
"""


def test_run_until_complete_is_not_flagged_in_the_shutdown_it_recommends(tmp_path):
    """AR308's replacement, by hand: cancel and gather the pending tasks,
    shutdown_asyncgens(), the default executor shut down. Those steps are not
    flagged, nor a run that the whole sequence follows on the same loop."""
    report = _scan(tmp_path, SHUTDOWNS, select=["AR308"])
    expected = [number for number, line in enumerate(SHUTDOWNS.splitlines(), 1) if "# left behind" in line]
    assert [f.line for f in report.findings] == expected


WAIT_FORS = """\
import asyncio


async def main(task, timeout, *args):
    await asyncio.wait_for(task, 1)  # can time out
    await asyncio.wait_for(task, timeout=0.5)  # can time out
    await asyncio.wait_for(task, timeout)  # can time out: None only when it runs
    await asyncio.wait_for(*args)  # can time out
    await asyncio.wait_for(task, None)
    await asyncio.wait_for(task, timeout=None)
    await asyncio.wait_for(asyncio.shield(task), 1)
"""


def test_wait_for_is_flagged_where_it_can_time_out(tmp_path):
    """AR404 is what a timeout does to the awaited task (3.6: TimeoutError before
    the cancelled task has run its except/finally; 3.7+: after). A literal None
    never times out, and through shield() the task is not cancelled (measured:
    the same on 3.6, 3.7, 3.11, 3.12, 3.14)."""
    report = _scan(tmp_path, WAIT_FORS, select=["AR404"])
    expected = [number for number, line in enumerate(WAIT_FORS.splitlines(), 1) if "# can time out" in line]
    assert [f.line for f in report.findings] == expected


def test_a_form_feed_does_not_shift_the_lines(tmp_path):
    """A page break (form feed, common in old sources) is whitespace to Python,
    not a line end: masking, columns and # noqa stay on their own lines."""
    report = _scan(tmp_path, "import asyncio\n\x0c\nt = asyncio.async(job())  # noqa: AR107\nasync = 1\n")
    assert [(f.line, f.column, f.hazard.id) for f in report.findings] == [(3, 5, "AR106"), (4, 1, "AR107")]
    assert report.errors == []


@pytest.mark.parametrize("name, data", [
    ("binary.py", b"\x00\x01\x02"),
    ("latin.py", b"x = '\xff'\n"),
    ("undefined.py", b"# coding: undefined\nx = 1\n"),  # a codec that decodes nothing
    ("syntax.py", b"def broken(:\n"),
    ("python2.py", b"print 'hello'\ndef unpack(a, (b, c)):\n    pass\n"),  # no rule reads tuple parameters
])
def test_bad_files_are_reported_and_the_scan_goes_on(tmp_path, name, data):
    from asyncio_rosetta.scan.scanner import scan
    (tmp_path / name).write_bytes(data)
    (tmp_path / "legacy.py").write_text(LEGACY)
    (tmp_path / "empty.py").write_text("")
    report = scan([tmp_path])
    assert [e.path.name for e in report.errors] == [name]
    assert len(report.findings) == LEGACY_FINDINGS and report.files == 3


# Deeper than the recursion limit (1000): a detector that recursed along the
# tree would raise. Every parser from 3.6 to 3.14 reads it (3.11-3.12 stop
# between 2,000 and 3,000 terms).
DEEP = 1500


def test_deep_nesting_is_scanned_without_recursing(tmp_path):
    """A sum of 1,500 terms, a chain of 1,500 attributes and an elif chain of
    1,500 branches: the constructs at their bottom are found where they are."""
    elifs = "".join("        elif x == {}:\n            pass\n".format(i) for i in range(DEEP))
    report = _scan(tmp_path, "import asyncio\n"
                             "total = asyncio.async(work()) + " + " + ".join(["1"] * DEEP) + "\n"
                             "value = asyncio.get_event_loop()" + ".x" * DEEP + "\n"
                             "@asyncio.coroutine\n"
                             "def work():\n"
                             "    try:\n"
                             "        yield from asyncio.sleep(1)\n"
                             "    finally:\n"
                             "        if x:\n"
                             "            pass\n" + elifs +
                             "        else:\n"
                             "            return\n")
    assert report.errors == []
    assert [(f.line, f.column, f.hazard.id) for f in report.findings] == [
        (2, 9, "AR106"), (2, 17, "AR107"), (3, 9, "AR301"), (4, 1, "AR101"), (12 + 2 * DEEP, 13, "AR504")]


def test_what_is_too_deep_for_the_parser_is_one_line(tmp_path):
    """100,000 unary minuses: every Python's parser gives up (3.6 also prints
    "s_push: parser stack overflow" itself); the scan goes on."""
    from asyncio_rosetta.scan.scanner import scan
    (tmp_path / "deep.py").write_text("x = " + "-" * 100000 + "1\n")
    (tmp_path / "legacy.py").write_text(LEGACY)
    report = scan([tmp_path])
    assert [str(error) for error in report.errors] == [
        "{}: cannot parse: too deeply nested for this Python's parser (MemoryError)".format(tmp_path / "deep.py")]
    assert len(report.findings) == LEGACY_FINDINGS


def test_a_detector_that_recursed_too_deep_would_cost_one_file(tmp_path, monkeypatch):
    """The guard for a detector that ever recursed along a deep tree: that file is one line, the others are scanned."""
    from asyncio_rosetta.scan import detectors, scanner

    real_find = detectors.find

    def find(tree, *args, **kwargs):
        if any(isinstance(node, scanner.ast.Lambda) for node in scanner.ast.walk(tree)):
            raise RecursionError("maximum recursion depth exceeded")
        return real_find(tree, *args, **kwargs)

    monkeypatch.setattr(detectors, "find", find)  # scanner imports it where it reads a file
    (tmp_path / "deep.py").write_text("f = lambda: 1\n")
    (tmp_path / "legacy.py").write_text(LEGACY)
    report = scanner.scan([tmp_path])
    assert [str(error) for error in report.errors] == [
        "{}: too deeply nested for scan's detectors (RecursionError): not scanned".format(tmp_path / "deep.py")]
    assert len(report.findings) == LEGACY_FINDINGS


def test_a_link_out_of_the_tree_is_not_followed(tmp_path):
    from asyncio_rosetta.scan.scanner import scan
    tree, outside = tmp_path / "tree", tmp_path / "outside"
    tree.mkdir()
    outside.mkdir()
    (outside / "legacy.py").write_text(LEGACY)
    (tree / "elsewhere").symlink_to(outside)
    report = scan([tree])
    assert (report.findings, report.files) == ([], 0)
    assert [str(error) for error in report.errors] == [
        "{}: a symbolic link out of the paths given (to {}): skipped".format(tree / "elsewhere", outside)]


PYTHON2 = """\
import asyncio


@asyncio.coroutine
def worker(lock):
    print "worker starts", `lock`
    with (yield from lock):
        yield from asyncio.sleep(1)


def main():
    loop = asyncio.get_event_loop()
    try:
        loop.run_until_complete(asyncio.async(worker(asyncio.Lock(loop=loop))))
    except asyncio.TimeoutError, error:
        raise SystemExit, "timed out"
    if loop <> None: print "done", 0777
"""


@pytest.mark.parametrize("end", ["\r", "\r\n"], ids=["CR", "CRLF"])
def test_line_ends_do_not_move_findings_or_notes(tmp_path, end):
    """A file with old Mac ("\\r") or Windows line ends reads as its "\\n" copy:
    the same findings at the same lines and columns, the same notes."""
    for source in (LEGACY, PYTHON2):
        report, expected = (_scan(tmp_path, source.replace("\n", end)), _scan(tmp_path, source))
        assert report.errors == expected.errors == []
        assert [(f.line, f.column, f.hazard.id) for f in report.findings] == [
            (f.line, f.column, f.hazard.id) for f in expected.findings]
        assert [(n.line, n.message) for n in report.notes] == [(n.line, n.message) for n in expected.notes]


def test_python_2_lines_are_read_as_python_3_and_the_asyncio_code_is_scanned(tmp_path):
    """Each line the parser stops on is rewritten in place, so the findings keep
    their columns, and is reported as a note; the file is not an error. (3.14
    parses except E, e: itself, as except (E, e): -- PEP 758 -- so no note there.)"""
    report = _scan(tmp_path, PYTHON2)
    assert [(f.line, f.column, f.hazard.id) for f in report.findings] == [
        (4, 1, "AR101"), (7, 11, "AR108"), (12, 12, "AR301"), (14, 9, "AR308"), (14, 33, "AR106"),
        (14, 41, "AR107"), (14, 54, "AR201"), (15, 12, "AR501")]
    except_comma = [(15, "read as Python 3: Python 2 except clause (except E, e:)")] * (sys.version_info < (3, 14))
    assert [(note.line, note.message) for note in report.notes] == [
        (6, "read as Python 3: Python 2 print statement, backquotes (`x`)")] + except_comma + [
        (16, "read as Python 3: Python 2 raise statement (raise E, msg)"),
        (17, "read as Python 3: Python 2 print statement, <> operator, octal integer (0777)")]
    assert str(report.notes[0]) == "{}:6: note: read as Python 3: Python 2 print statement, backquotes (`x`)".format(
        tmp_path / "legacy.py")
    assert report.errors == []


def test_parallel_and_serial_scans_agree(tmp_path):
    from asyncio_rosetta.scan import scanner as scan_module
    for index in range(scan_module.PARALLEL_FROM):
        (tmp_path / "m{:02}.py".format(index)).write_text(LEGACY)
    serial = scan_module.scan([tmp_path], jobs=1)
    parallel = scan_module.scan([tmp_path], jobs=2)
    assert [str(f) for f in parallel.findings] == [str(f) for f in serial.findings]
    assert len(serial.findings) == LEGACY_FINDINGS * scan_module.PARALLEL_FROM


def test_modern_variants_have_no_findings():
    """scan parses with the running interpreter's grammar: below 3.11 the
    files that use except* cannot be parsed, and say so."""
    from asyncio_rosetta.scan.scanner import scan
    folder = CATALOG.root / "variants" / "modern_taskgroup"
    report = scan([folder])
    assert [str(f) for f in report.findings] == []
    assert report.files == len(CATALOG.topics)
    uses_except_star = sorted(p.name for p in folder.glob("*.py") if "except*" in p.read_text(encoding="utf-8"))
    assert uses_except_star
    assert [(e.path.name, e.reason.split(" (")[0]) for e in report.errors] == (
        [] if sys.version_info >= (3, 11) else [(name, "cannot parse: invalid syntax") for name in uses_except_star])


def test_every_generator_variant_is_flagged_as_generator_based():
    from asyncio_rosetta.scan.scanner import scan
    report = scan([CATALOG.root / "variants" / "generator_coroutine"], select=["AR101"])
    assert report.errors == []
    assert {f.path.stem for f in report.findings} == {t.name for t in CATALOG.topics}


@pytest.mark.parametrize("style", ["generator_coroutine", "async_await"])
def test_legacy_variants_yield_their_expected_findings(style):
    """tests/expected/scan/<style>.findings was written by scan and reviewed;
    every hazard a legacy variant shows, where it shows it."""
    from asyncio_rosetta.scan.scanner import scan
    report = scan([CATALOG.root / "variants" / style])
    got = ["{}:{}:{}  {}".format(f.path.name, f.line, f.column, f.hazard.id) for f in report.findings]
    expected = (CATALOG.root / "tests" / "expected" / "scan" / (style + ".findings")).read_text().splitlines()
    assert report.errors == [] and got == expected


# Probes whose own hazard scan cannot find in them, and why.
NOT_FOUND_IN_ITS_PROBE = {
    "AR107": "the probe compiles its async and await names from strings (each must fail on its own): its source "
             "uses neither as a name",
}


@pytest.mark.parametrize("hazard", [h for h in HAZARDS if h.detect["kind"] != "runtime"], ids=lambda h: h.id)
def test_each_probe_is_found_by_its_own_hazard(hazard):
    """Every probe shows its construct in its source (runtime hazards excepted:
    nothing in the source shows those), so scanning it with that hazard
    selected finds it, whatever its outcome."""
    from asyncio_rosetta.scan.scanner import scan
    if hazard.id in NOT_FOUND_IN_ITS_PROBE:
        pytest.skip(NOT_FOUND_IN_ITS_PROBE[hazard.id])
    report = scan([hazard.probe], select=[hazard.id])
    if hazard.detect["kind"] == "except-star" and sys.version_info < (3, 11):
        assert [e.reason.split(" (")[0] for e in report.errors] == ["cannot parse: invalid syntax"]
        return  # this interpreter's parser cannot read except* (README: run scan on the newest Python)
    assert report.errors == []
    assert hazard.id in [f.hazard.id for f in report.findings]


def test_a_star_import_is_followed_where_it_is_asyncios(tmp_path):
    report = _scan(tmp_path, "from asyncio import *\n\n@coroutine\ndef main():\n    yield from sleep(1)\n",
                   select=["AR101"])
    assert [(f.line, f.hazard.id) for f in report.findings] == [(3, "AR101")] and report.notes == []


def test_a_star_import_that_hides_names_is_noted(tmp_path):
    report = _scan(tmp_path, "import os\nfrom helpers import *\n\n@coroutine\ndef main():\n    yield from sleep(1)\n")
    assert report.findings == []
    assert [(n.line, n.message) for n in report.notes] == [
        (2, "from helpers import * hides what it binds: coroutine, sleep may be asyncio's, and are not reported")]


def test_selecting_a_hazard_of_newer_syntax_scans_on_any_python(tmp_path):
    # AR111 is an except* clause, which only 3.11+ parses: selected on an older Python, it finds nothing.
    report = _scan(tmp_path, "import asyncio\n", select=["AR111"])
    assert (report.findings, report.errors) == ([], [])


WINDOWS = """\
import asyncio
import signal
import sys

if sys.platform == "win32":
    asyncio.set_event_loop_policy(asyncio.WindowsSelectorEventLoopPolicy())
loop = asyncio.new_event_loop()
loop.add_signal_handler(signal.SIGTERM, loop.stop)
"""


def test_a_windows_hazard_is_reported_where_selected_and_says_it_is_read(tmp_path):
    """AR701-AR704 are looked for only when selected (by id or name), and their
    message says their outcomes are read from the docs, not measured."""
    assert {f.hazard.id for f in _scan(tmp_path, WINDOWS).findings} == {"AR309"}  # the policy call itself
    report = _scan(tmp_path, WINDOWS, select=["AR702", "signal-handler-windows"])
    assert [(f.line, f.hazard.id) for f in report.findings] == [(6, "AR702"), (8, "AR703")]
    assert "AR703  loop.add_signal_handler() (SIGINT, SIGTERM for a clean shutdown), which no event loop on " \
           "Windows has: on Windows (read from the docs, not measured): fails on 3.6+: NotImplementedError." \
           in str(report.findings[1])


def test_without_jobs_the_work_decides_how_many_processes(tmp_path, monkeypatch):
    from asyncio_rosetta.scan import scanner as scan_module
    monkeypatch.setattr(scan_module.os, "cpu_count", lambda: 4)
    small = [(tmp_path / "m{}.py".format(n), "x = 1\n") for n in range(500)]  # many files, little work: no pool
    assert scan_module._workers(small, None) == (1, 501)
    one = [(tmp_path / "one.py", "#" * scan_module.BYTES_PER_WORKER)]  # one worker's worth of source
    assert scan_module._workers(one, None) == (1, 2)
    assert scan_module._workers(one * 2 + small, None) == (2, 1)
    assert scan_module._workers(one * 30, None) == (4, 1)  # one per core at most
    assert scan_module._workers(small, 3) == (3, scan_module.PARALLEL_FROM)  # --jobs: as given
    (tmp_path / "on_disk.py").write_text("#" * (3 * scan_module.BYTES_PER_WORKER))
    assert scan_module._workers([(tmp_path / "on_disk.py", None), (tmp_path / "gone.py", None)], None) == (2, 1)
    assert scan_module._workers([(tmp_path / "on_disk.py", None)], None) == (1, 2)  # one file: one worker's, no pool
