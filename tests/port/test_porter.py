"""``port``: what it changes in the catalogue's own variants, and how it treats the user's files."""

import ast
import errno
import functools
import os
import shutil
import stat
import subprocess
import sys
import time

import pytest

from conftest import CATALOG, HAVE_LIBCST, TOPICS, cli
from asyncio_rosetta import files
from asyncio_rosetta.harness.verify import compare_traces
from asyncio_rosetta.port import porter as port
from asyncio_rosetta.scan.hazards import load as load_hazards
from asyncio_rosetta.scan.scanner import scan

needs_libcst = pytest.mark.skipif(not HAVE_LIBCST, reason="port needs LibCST (Python 3.9+): see the test below")

LEGACY = '''import asyncio


@asyncio.coroutine
def main():
    yield from asyncio.sleep(1)


loop = asyncio.get_event_loop()
loop.run_until_complete(main())
loop.close()
'''
MODERN = '''import asyncio


async def main():
    await asyncio.sleep(1)


asyncio.run(main())
'''


def test_libcst_is_there_from_3_9_and_port_says_so_below():
    if sys.version_info >= (3, 9):
        assert HAVE_LIBCST, "tox installs libcst on 3.9+"
        return
    out = cli("port", "variants/generator_coroutine/hello.py")
    assert (out.returncode, out.stdout) == (2, "")
    assert out.stderr == ("asyncio-rosetta: error: port needs LibCST, for Python 3.9+ "
                          "(No module named 'libcst'): pip install libcst\n")


@needs_libcst
def test_port_source_rewrites_the_legacy_program():
    new, fixed = port.port_source(LEGACY, (3, 7))
    assert new == MODERN and fixed == {"AR101": 1, "AR308": 1}


@needs_libcst
@pytest.mark.parametrize("topic", TOPICS)
def test_modern_variants_need_no_port(topic):
    text = CATALOG.variant_path(topic, "modern_taskgroup").read_text(encoding="utf-8")
    assert port.port_source(text, (3, 11)) == (text, {})


@needs_libcst
@pytest.mark.parametrize("topic", TOPICS)
def test_every_legacy_variant_ports_once(topic):
    """Every generator variant changes; a second port changes nothing."""
    text = CATALOG.variant_path(topic, "generator_coroutine").read_text(encoding="utf-8")
    new, fixed = port.port_source(text, (3, 11))
    assert new != text and fixed["AR101"] >= 1
    assert port.port_source(new, (3, 11)) == (new, {})


@needs_libcst
def test_asyncio_async_parses_and_is_rewritten():
    # LibCST alone cannot parse `asyncio.async`: port masks it as scan does.
    new, fixed = port.port_source("import asyncio\ntask = asyncio.async(job())\n", (3, 6))
    assert new == "import asyncio\ntask = asyncio.ensure_future(job())\n" and fixed == {"AR106": 1}


@needs_libcst
def test_unparsable_source_is_an_error():
    with pytest.raises(port.PortError, match=r"^cannot parse: .*\(line 1, column"):
        port.port_source("x = (\n")


@needs_libcst
@pytest.mark.parametrize("source, message", [
    ("x = 1\0\n" + LEGACY, "cannot parse: it contains NUL bytes"),  # 3.12+'s tokenizer raised SystemError
    # 3.12+'s tokenizer raised UnicodeDecodeError on a lone "\r" inside a line before a masked async
    ("    for w in (fro\rasync m, x):\n" + LEGACY, r"cannot parse: unexpected indent \(line 1, column \d+\)"),
    # LibCST reads it, this Python does not compile it (3.9-3.12: 'yield'): nothing to check a rewrite against
    ("x = yield from f()\n" + LEGACY, r"it does not compile here \('yield( from)?' outside function, line 1\), so its "
                                       "rewrite could not be checked"),
])
def test_what_damaged_files_found_is_one_line(source, message):
    """Found by tests/hostile/test_fuzz.py: 3.12+'s tokenizer failing in port's own
    token reading (SystemError, UnicodeDecodeError), and a file LibCST reads but
    this Python does not compile, which port rewrote into one that did not either."""
    with pytest.raises(port.PortError, match="^" + message + "$"):
        port.port_text(source, (3, 11))


@needs_libcst
@pytest.mark.parametrize("end, last", [("\r", ""), ("\r", "\r"), ("\r\n", "\r")], ids=["CR", "CR CR", "CRLF CR"])
def test_an_old_mac_ending_is_kept_and_a_second_port_changes_nothing(end, last):
    """LibCST drops the one lone "\\r" that ends a module, whatever is before it:
    port put it back only after a line that had lost its end ("\\r\\r" became "\\r")."""
    new = port.port_text(LEGACY.replace("\n", end) + last, (3, 11)).new
    assert new == MODERN.replace("\n", end) + last
    assert port.port_text(new, (3, 11)).new == new


@needs_libcst
def test_the_default_diff_changes_nothing(tmp_path):
    legacy = tmp_path / "legacy.py"
    legacy.write_text(LEGACY)
    before = os.stat(str(legacy))
    out = cli("port", str(legacy), cwd=tmp_path)
    assert out.returncode == 0
    assert out.stdout.startswith("--- {0}\n+++ {0}\n@@ ".format(legacy))
    lines = out.stdout.splitlines()
    assert [line for line in lines if line[:1] in "+-" and line[:3] not in ("---", "+++")] == [
        "-@asyncio.coroutine", "-def main():", "-    yield from asyncio.sleep(1)",
        "+async def main():", "+    await asyncio.sleep(1)",
        "-loop = asyncio.get_event_loop()", "-loop.run_until_complete(main())", "-loop.close()",
        "+asyncio.run(main())"]
    assert out.stderr == "would rewrite {}: AR101, AR308\n1 file(s) to rewrite, 0 unchanged, 0 not ported\n".format(
        legacy)
    assert legacy.read_text() == LEGACY and os.stat(str(legacy)).st_mtime_ns == before.st_mtime_ns


@needs_libcst
def test_check_exits_1_when_something_would_change(tmp_path):
    (tmp_path / "legacy.py").write_text(LEGACY)
    (tmp_path / "modern.py").write_text(MODERN)
    assert cli("port", "--check", str(tmp_path / "modern.py")).returncode == 0
    out = cli("port", "--check", str(tmp_path))
    assert (out.returncode, out.stdout) == (1, "")
    assert (tmp_path / "legacy.py").read_text() == LEGACY


@needs_libcst
def test_write_rewrites_in_place_keeping_mode_encoding_and_newlines(tmp_path):
    legacy = tmp_path / "legacy.py"
    source = "# -*- coding: latin-1 -*-\n# caf\xe9\n" + LEGACY
    legacy.write_bytes(source.replace("\n", "\r\n").encode("latin-1"))
    os.chmod(str(legacy), 0o751)
    out = cli("port", "--write", "--target-version", "3.11", str(tmp_path))
    assert (out.returncode, out.stdout) == (0, "")
    assert "rewrote {}: AR101, AR308\n".format(legacy) in out.stderr
    expected = "# -*- coding: latin-1 -*-\n# caf\xe9\n" + MODERN
    assert legacy.read_bytes() == expected.replace("\n", "\r\n").encode("latin-1")
    assert stat.S_IMODE(os.stat(str(legacy)).st_mode) == 0o751
    assert sorted(os.listdir(str(tmp_path))) == ["legacy.py"]  # no temporary file left
    assert cli("port", "--check", str(legacy)).returncode == 0  # nothing more to do


@needs_libcst
@pytest.mark.parametrize("end", ["\r", "\r\n"], ids=["CR", "CRLF"])
def test_write_keeps_every_line_end(tmp_path, end):
    """Old Mac ("\\r") files too: LibCST drops a lone "\\r" that ends the file, port puts it back."""
    legacy = tmp_path / "legacy.py"
    legacy.write_bytes(LEGACY.replace("\n", end).encode())
    out = cli("port", "--write", str(legacy))
    assert (out.returncode, out.stderr.splitlines()[0]) == (0, "rewrote {}: AR101, AR308".format(legacy))
    assert legacy.read_bytes() == MODERN.replace("\n", end).encode()


@needs_libcst
def test_write_through_a_symlink_keeps_the_link(tmp_path):
    (tmp_path / "real.py").write_text(LEGACY)
    (tmp_path / "link.py").symlink_to("real.py")
    assert cli("port", "--write", str(tmp_path / "link.py")).returncode == 0
    assert os.path.islink(str(tmp_path / "link.py")) and (tmp_path / "real.py").read_text() == MODERN


@needs_libcst
def test_write_leaves_what_a_link_out_of_the_tree_leads_to(tmp_path):
    """A link in the tree to a file, or a folder, outside it: its file is not
    one the user gave. Each is one line; nothing outside is written."""
    tree, outside = tmp_path / "tree", tmp_path / "outside"
    tree.mkdir()
    outside.mkdir()
    (outside / "legacy.py").write_text(LEGACY)
    (tree / "outer.py").symlink_to(outside / "legacy.py")
    (tree / "elsewhere").symlink_to(outside)
    out = cli("port", "--write", str(tree))
    assert out.returncode == 2 and (outside / "legacy.py").read_text() == LEGACY
    assert out.stderr.splitlines() == [
        "asyncio-rosetta: error: {}: a symbolic link out of the paths given (to {}): skipped (left alone)".format(
            tree / name, target) for name, target in (("elsewhere", outside), ("outer.py", outside / "legacy.py"))
    ] + ["0 file(s) rewritten, 0 unchanged, 2 not ported"]


@needs_libcst
def test_write_ports_a_file_reached_through_a_link_in_the_tree_once(tmp_path):
    """A link that stays in the tree is read through; the file it leads to is
    written once, and reported under its own name."""
    (tmp_path / "real.py").write_text(LEGACY)
    (tmp_path / "a_link.py").symlink_to("real.py")
    out = cli("port", "--write", str(tmp_path))
    assert (out.returncode, out.stderr) == (0, "rewrote {}: AR101, AR308\n1 file(s) rewritten, 0 unchanged, "
                                               "0 not ported\n".format(tmp_path / "real.py"))
    assert os.path.islink(str(tmp_path / "a_link.py")) and (tmp_path / "real.py").read_text() == MODERN


@needs_libcst
def test_write_skips_a_file_edited_after_port_read_it(tmp_path, monkeypatch):
    """The user saves a file while port works: port does not write over it,
    says so in one line, writes the others, and exits 1."""
    for name in ("a.py", "b.py"):
        (tmp_path / name).write_text(LEGACY)
    edited = LEGACY + "# saved by the editor meanwhile\n"

    def edit(path):
        if path.name == "a.py":
            path.write_text(edited)

    monkeypatch.setattr(port, "port", functools.partial(port.port, before_write=edit))
    out = cli("port", "--write", str(tmp_path))
    assert out.returncode == 1
    assert out.stderr.splitlines()[:3] == [
        "rewrote {}: AR101, AR308".format(tmp_path / "b.py"),
        "asyncio-rosetta: {}: changed since port read it: skipped (port it again)".format(tmp_path / "a.py"),
        "1 file(s) rewritten, 0 unchanged, 0 not ported, 1 skipped (changed meanwhile)"]
    assert (tmp_path / "a.py").read_text() == edited and (tmp_path / "b.py").read_text() == MODERN


@needs_libcst
def test_write_keeps_hard_links_owner_and_group(tmp_path):
    """A file with another hard link is left (one line, exit 2): a new file
    renamed over it would split them. The others keep their owner and group."""
    (tmp_path / "linked.py").write_text(LEGACY)
    os.link(str(tmp_path / "linked.py"), str(tmp_path / "twin.txt"))
    (tmp_path / "owned.py").write_text(LEGACY)
    os.chown(str(tmp_path / "owned.py"), 12345, 23456)
    out = cli("port", "--write", str(tmp_path))
    assert out.returncode == 2
    assert "asyncio-rosetta: error: {}: has 2 hard links: a rewrite would split them (left alone)\n".format(
        tmp_path / "linked.py") in out.stderr
    assert os.path.samefile(str(tmp_path / "linked.py"), str(tmp_path / "twin.txt"))
    assert (tmp_path / "linked.py").read_text() == LEGACY and (tmp_path / "owned.py").read_text() == MODERN
    status = os.stat(str(tmp_path / "owned.py"))
    assert (status.st_uid, status.st_gid) == (12345, 23456)


@needs_libcst
def test_write_leaves_a_read_only_file(tmp_path):
    """Even as root, who may write any file: no write bit for its owner, no rewrite."""
    (tmp_path / "frozen.py").write_text(LEGACY)
    os.chmod(str(tmp_path / "frozen.py"), 0o444)
    out = cli("port", "--write", str(tmp_path))
    assert out.returncode == 2
    assert out.stderr.splitlines()[:2] == [
        "asyncio-rosetta: error: {}: read-only (mode 0444) (left alone)".format(tmp_path / "frozen.py"),
        "0 file(s) rewritten, 0 unchanged, 1 not ported"]
    assert (tmp_path / "frozen.py").read_text() == LEGACY


@needs_libcst
def test_a_write_that_fails_is_one_line_and_the_run_goes_on(tmp_path, monkeypatch):
    for name in ("a.py", "b.py"):
        (tmp_path / name).write_text(LEGACY)
    replace = os.replace

    def full_for_a(source, destination):
        if os.path.basename(destination) == "a.py":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        replace(source, destination)

    monkeypatch.setattr(os, "replace", full_for_a)
    out = cli("port", "--write", str(tmp_path))
    assert out.returncode == 2
    assert out.stderr.splitlines()[:3] == [
        "rewrote {}: AR101, AR308".format(tmp_path / "b.py"),
        "asyncio-rosetta: error: {}: could not be written: No space left on device (left alone)".format(
            tmp_path / "a.py"),
        "1 file(s) rewritten, 0 unchanged, 1 not ported"]
    assert (tmp_path / "a.py").read_text() == LEGACY and (tmp_path / "b.py").read_text() == MODERN
    assert sorted(os.listdir(str(tmp_path))) == ["a.py", "b.py"]  # no temporary file left


@needs_libcst
def test_write_removes_the_temporary_file_a_killed_run_left(tmp_path):
    """A run killed (SIGKILL) between writing its temporary file and renaming
    it leaves .<name>.rosetta-<pid>-<hex>.tmp; the next run removes it."""
    (tmp_path / "legacy.py").write_text(LEGACY)
    gone = subprocess.Popen([sys.executable, "-c", ""])
    gone.wait()  # a process id that runs nothing now
    left = tmp_path / ".legacy.py.rosetta-{}-0123abcd.tmp".format(gone.pid)
    left.write_text("half of it")
    then = time.time() - files.STALE_AFTER - 1
    os.utime(str(left), (then, then))
    assert cli("port", "--write", str(tmp_path)).returncode == 0
    assert os.listdir(str(tmp_path)) == ["legacy.py"] and (tmp_path / "legacy.py").read_text() == MODERN


@needs_libcst
def test_files_that_cannot_be_ported_are_reported_and_left_alone(tmp_path):
    (tmp_path / "broken.py").write_text("@asyncio.coroutine\ndef f(:\n")
    (tmp_path / "binary.py").write_bytes(b"\0\1")
    (tmp_path / "legacy.py").write_text(LEGACY)
    out = cli("port", "--write", str(tmp_path), str(tmp_path / "missing.py"))
    assert out.returncode == 2
    errors = [line for line in out.stderr.splitlines() if "error:" in line]
    assert errors == [
        "asyncio-rosetta: error: {}: no such file or directory (left alone)".format(tmp_path / "missing.py"),
        "asyncio-rosetta: error: {}: binary file (contains NUL bytes) (left alone)".format(tmp_path / "binary.py"),
        "asyncio-rosetta: error: {}: cannot parse: invalid syntax (line 2, column 7) (left alone)".format(
            tmp_path / "broken.py"),
    ]
    assert (tmp_path / "broken.py").read_text() == "@asyncio.coroutine\ndef f(:\n"
    assert (tmp_path / "legacy.py").read_text() == MODERN  # the others are still ported


# Codings Python reads but that do not give back the bytes they decoded:
# rewriting such a file would change more than what port rewrote.
NO_ROUND_TRIP = {
    "unicode_escape": b's = "caf\\u00e9"\n',  # encodes back as "caf\\xe9"
    "raw_unicode_escape": b's = "caf\\u00e9"\n',  # encodes back as "caf\xe9"
    "idna": b"# " + b"x" * 70 + b"\n",  # decodes, but a label of more than 63 characters does not encode
    "undefined": b"",  # decodes nothing
}


@needs_libcst
def test_a_file_whose_encoding_does_not_round_trip_is_left_alone(tmp_path):
    for coding, line in NO_ROUND_TRIP.items():
        (tmp_path / (coding + ".py")).write_bytes(b"# coding: " + coding.encode() + b"\n" + line + LEGACY.encode())
    (tmp_path / "legacy.py").write_text(LEGACY)
    before = {path.name: path.read_bytes() for path in tmp_path.iterdir()}
    out = cli("port", "--write", str(tmp_path))
    assert out.returncode == 2
    errors = [line for line in out.stderr.splitlines() if "error:" in line]
    assert errors[2].startswith("asyncio-rosetta: error: {}: cannot decode: ".format(tmp_path / "undefined.py"))
    del errors[2]  # its message varies with the Python
    assert errors == ["asyncio-rosetta: error: {}: its encoding, {}, does not encode its text back to the same bytes "
                      "(left alone)".format(tmp_path / (coding + ".py"), coding)
                      for coding in ("idna", "raw_unicode_escape", "unicode_escape")]
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir()} == dict(before, **{
        "legacy.py": MODERN.encode()})


@needs_libcst
@pytest.mark.parametrize("args, message", [
    (["--target-version", "2.7"], "--target-version must be a version from 3.6 to 3.14, got '2.7'"),
    (["--write", "--check"], "argument --check: not allowed with argument --write"),
])
def test_port_bad_flags_are_one_line(tmp_path, args, message):
    (tmp_path / "legacy.py").write_text(LEGACY)
    out = cli("port", str(tmp_path / "legacy.py"), *args)
    assert (out.returncode, out.stdout) == (2, "")
    assert out.stderr.startswith("asyncio-rosetta: error: " + message) and out.stderr.count("\n") == 1
    assert (tmp_path / "legacy.py").read_text() == LEGACY


@needs_libcst
@pytest.mark.parametrize("topic", TOPICS)
def test_every_ported_legacy_variant_runs_as_the_topic_does(topic, runs):
    """Port's proof: each generator variant, ported (for 3.11 from 3.11 on,
    else for this Python), runs here and prints the topic's trace. A warning
    may come only from what port leaves for review: a hazard the scan of the
    ported file reports, which records exactly that warning for this Python."""
    from conftest import HAZARDS, PORTED
    ported, path = PORTED[topic]
    assert ported.error is None
    result = runs["ported", topic, "generator_coroutine"]
    assert (result.error, [line.text for line in result.stderr]) == (None, [])
    assert compare_traces(CATALOG.expected_trace(topic, "async_await"), result.lines) == []
    left = scan([path], hazards=HAZARDS).findings
    recorded = {warning for finding in left for warning in finding.hazard.outcome(sys.version_info).warnings}
    assert set(result.distinct_warnings()) <= recorded


def _py36_stdlib():
    """The 3.6 standard library's asyncio and test_asyncio folders, from python3.6 on PATH."""
    code = "import asyncio, os, test; print(os.path.dirname(asyncio.__file__)); print(os.path.dirname(test.__file__))"
    try:
        out = subprocess.run(["python3.6", "-c", code], stdout=subprocess.PIPE, universal_newlines=True, check=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        pytest.fail("the proof ports the 3.6 standard library: python3.6 must be on PATH ({})".format(exc))
    asyncio_dir, test_dir = out.stdout.split()
    return [asyncio_dir, os.path.join(test_dir, "test_asyncio")]


@needs_libcst
@pytest.mark.skipif(sys.version_info[:2] != (3, 13),
                    reason="the 3.6 standard library is ported and compiled on 3.13 (once per tox run)")
def test_the_3_6_standard_library_ports_and_compiles_on_3_13(tmp_path):
    for folder in _py36_stdlib():
        shutil.copytree(folder, str(tmp_path / os.path.basename(folder)), ignore=shutil.ignore_patterns("__pycache__"))
    out = cli("port", "--write", "--target-version", "3.11", str(tmp_path))
    assert out.returncode == 0, out.stderr
    ported = sorted(tmp_path.rglob("*.py"))
    assert len(ported) >= 40 and out.stderr.count("rewrote ") >= 15
    reported = {(f.path, f.line) for f in scan([str(tmp_path)], hazards=load_hazards(), select=["AR101"]).findings}
    left = []
    for path in ported:
        tree = compile(path.read_text(encoding="utf-8"), str(path), "exec", flags=ast.PyCF_ONLY_AST)
        compile(tree, str(path), "exec")  # every file compiles here
        for node in ast.walk(tree):  # a coroutine decorator left is one the scan reports
            if isinstance(node, ast.FunctionDef) and any(
                    ast.unparse(d).endswith("coroutine") and "types" not in ast.unparse(d) for d in node.decorator_list):
                assert (path, node.decorator_list[0].lineno) in reported, (path, node.name)
                left.append((path.name, node.name))
    # Left (260 before): tasks.sleep's bare yield (the module binds sleep itself) and three
    # test generators that yield values; StreamWriter.drain now gets an import asyncio.
    assert sorted(left) == [("tasks.py", "sleep"), ("test_tasks.py", "notmuch"),
                            ("test_tasks.py", "wait_for_future"), ("test_tasks.py", "wait_for_future")]


@needs_libcst
def test_what_port_leaves_is_listed_with_its_hazard(tmp_path):
    (tmp_path / "legacy.py").write_text(LEGACY.replace(
        "    yield from asyncio.sleep(1)", "    yield from asyncio.gather(asyncio.sleep(1), asyncio.sleep(2))"))
    out = cli("port", "--target-version", "3.9", str(tmp_path))
    assert out.returncode == 0
    todo = out.stderr.split("left for you (scan of the result):\n")[1].splitlines()
    assert todo[0].startswith("{}:5:11  AR405  asyncio.gather() leaves the siblings".format(tmp_path / "legacy.py"))
    assert todo[1].startswith("    AR405: changes on 3.11+: ") and todo[2:] == ["1 finding(s) in 1 of 1 file(s) scanned"]


@needs_libcst
def test_the_to_do_list_covers_the_pythons_from_the_target_on(tmp_path):
    """--target-version is the oldest Python the result must run on: the scan of the result
    starts there. gather's TaskGroup port (AR405) differs from 3.11 on: listed for a 3.9
    target (above), not for 3.11, where every Python the result runs on does the same."""
    (tmp_path / "legacy.py").write_text(LEGACY.replace(
        "    yield from asyncio.sleep(1)", "    yield from asyncio.gather(asyncio.sleep(1), asyncio.sleep(2))"))
    report = port.port([str(tmp_path)], (3, 11))
    assert (report.todo.oldest, report.todo.target, report.todo.findings) == ((3, 11), (3, 14), [])
    out = cli("port", "--target-version", "3.11", str(tmp_path))
    assert out.returncode == 0 and "left for you" not in out.stderr, out.stderr


WAIT_FOR = LEGACY.replace("    yield from asyncio.sleep(1)", "    yield from asyncio.wait_for(asyncio.sleep(1), 0.5)")


@needs_libcst
@pytest.mark.parametrize("target, listed", [("3.6", True), ("3.7", False), ("3.11", False)])
def test_wait_for_with_a_timeout_is_listed_only_where_the_result_sees_it_change(tmp_path, target, listed):
    """AR404: wait_for waits for the task it cancelled from 3.7 on; a result that runs on 3.7+ only never
    sees the 3.6 behaviour, so its wait_for is no to-do there (it was listed on every wait_for)."""
    found, explained = _todo(tmp_path, WAIT_FOR, target)
    assert ("AR404" in dict(found)) is listed
    assert not listed or explained["AR404"].startswith("    AR404: changes on 3.7+: wait_for cancels the task")


@needs_libcst
def test_a_rewrite_that_would_read_an_unbound_name_is_refused_and_listed(tmp_path, monkeypatch):
    """Port never hands back a program that cannot run: the module's unbound
    names must not grow. The refusal is on the to-do list, with the names. (No
    fixer is known to make one: the guard is shown with a pretend unbound name.)"""
    legacy = tmp_path / "legacy.py"
    legacy.write_text(LEGACY.replace("sleep(1)", "sleep(1, loop=loop)"))
    pretend = lambda code: {"loop"} if "asyncio.run(" in code else set()  # noqa: E731
    monkeypatch.setattr(port, "_guarded", functools.partial(port._guarded, unbound=pretend))
    out = cli("port", "--target-version", "3.11", str(tmp_path))
    todo = out.stderr.split("left for you (scan of the result):\n")[1].splitlines()
    assert todo[0] == "{}: AR308 not rewritten: the result would read 'loop', which nothing in it binds".format(legacy)
    assert "-    yield from asyncio.sleep(1, loop=loop)" in out.stdout  # the other rewrites are made
    assert "asyncio.run(" not in out.stdout


@needs_libcst
def test_the_guard_refuses_the_latest_fixer_that_makes_the_bad_result():
    """AR308 makes the (pretend) unbound name; it builds on AR101 and AR201,
    which stay: fixers are left out latest first, one at a time."""
    import libcst

    from asyncio_rosetta.port.fixers._names import Names

    module = libcst.parse_module(LEGACY.replace("sleep(1)", "sleep(1, loop=loop)"))
    pretend = lambda code: {"ghost"} if "asyncio.run(" in code else set()  # noqa: E731
    code, fixed, refused = port._guarded(module, port.fixers_for((3, 11)), Names(module), unbound=pretend)
    assert refused == [(("AR308",), ["ghost"])]
    assert "async def main" in code and "loop=loop" not in code and "asyncio.run(" not in code


@needs_libcst
def test_what_compiling_the_users_code_warns_is_not_ports_to_say():
    """An invalid escape in the user's string (SyntaxWarning on 3.12+, DeprecationWarning before) is
    theirs: port reads and checks the module without printing it, as scan does."""
    import warnings
    source = 'import asyncio\npattern = "\\d+\\e"\n@asyncio.coroutine\ndef main():\n    yield from asyncio.sleep(0)\n'
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        new, fixed = port.port_source(source, (3, 11))
    assert (dict(fixed), [str(w.message) for w in caught]) == ({"AR101": 1}, [])
    assert 'pattern = "\\d+\\e"' in new



def _todo(tmp_path, source, target="3.9"):
    """The to-do list port prints for the program *source*: [(hazard id, line)] and the explanations."""
    legacy = tmp_path / "legacy.py"
    legacy.write_text(source)
    out = cli("port", "--target-version", target, str(legacy))
    todo = out.stderr.partition("left for you (scan of the result):\n")[2].splitlines()
    found = [(line.split("  ")[1], line) for line in todo if line.startswith(str(legacy) + ":")]
    return found, {line.split(":")[0].strip(): line for line in todo if line.startswith("    AR")}


PRIMITIVE_AT_IMPORT = ("import asyncio\n\nqueue = asyncio.Queue()\n\n\nasync def main():\n    await queue.put(1)\n\n\n"
                       "loop = asyncio.new_event_loop()\nloop.run_until_complete(main())\nloop.close()\n")


@needs_libcst
def test_the_to_do_line_of_a_primitive_made_at_import_time_speaks_of_this_program(tmp_path):
    """No asyncio.run here: AR307's line and explanation say what the program does (it made
    the queue outside the loop that uses it), not what asyncio.run() would do with it."""
    found, explained = _todo(tmp_path, PRIMITIVE_AT_IMPORT)
    line = dict(found)["AR307"]
    assert "asyncio.run()" not in line and line.endswith("created in a module or class body, outside the event loop "
                                                         "that uses it")
    assert "the first asyncio.run() works" not in explained["AR307"] and "in any later one" in explained["AR307"]


@needs_libcst
def test_the_to_do_line_of_a_loop_lookup_in_a_class_does_not_call_it_the_main_block(tmp_path):
    """client_class_gen's KVClient.__init__ looks the loop up (loop or asyncio.get_event_loop()):
    port leaves it (not the program's first lookup), and its AR301 line says nothing of a main block."""
    found, explained = _todo(tmp_path, "import asyncio\n\n\nclass Client:\n    def __init__(self, loop=None):\n"
                                       "        self.loop = loop or asyncio.get_event_loop()\n", "3.11")
    assert [hazard for hazard, _ in found] == ["AR301"]
    assert found[0][1].endswith("  AR301  asyncio.get_event_loop() outside a coroutine when no loop was set")
