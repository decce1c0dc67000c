"""scan's cache: a file is scanned again only when its bytes, its package, the tool or the options changed;
a cache file that is not what it should be is ignored, never an error."""

import json
import os

import pytest

import asyncio_rosetta
from asyncio_rosetta.scan import cache as cache_module
from asyncio_rosetta.scan import scanner
from asyncio_rosetta.scan.cache import Cache

from conftest import cli

LEGACY = "import asyncio\n\n\n@asyncio.coroutine\ndef job():\n    yield from asyncio.sleep(1)\n"


@pytest.fixture
def tree(tmp_path):
    folder = tmp_path / "tree"
    folder.mkdir()
    (folder / "a.py").write_text(LEGACY)
    (folder / "b.py").write_text("import asyncio\nloop = asyncio.get_event_loop()\n")
    (folder / "broken.py").write_text("def f(:\n")
    return folder


@pytest.fixture
def scanned(monkeypatch):
    """scanned(paths, folder, **options) -> (report, names of the files scanned, not taken from the cache)."""
    def run(paths, folder, **options):
        names = []

        def counting(item, wanted):
            names.append(os.path.basename(str(item[0])))
            return real(item, wanted)
        monkeypatch.setattr(scanner, "_scan_file", counting)
        report = scanner.scan(paths, cache=Cache(folder), **options)
        return report, sorted(names)
    real = scanner._scan_file
    return run


def _same(one, other):
    assert [str(f) for f in one.findings] == [str(f) for f in other.findings]
    assert [str(e) for e in one.errors] == [str(e) for e in other.errors]
    assert (one.files, one.notes) == (other.files, other.notes)


def test_a_second_scan_reads_every_unchanged_file_from_the_cache(tree, tmp_path, scanned):
    first, names = scanned([tree], tmp_path / "cache")
    assert names == ["a.py", "b.py", "broken.py"]  # a parse error is the bytes' doing: kept too
    second, names = scanned([tree], tmp_path / "cache")
    assert names == []
    _same(first, second)
    _same(first, scanner.scan([tree]))
    assert first.errors and first.findings


def test_a_changed_file_is_scanned_again_and_only_it(tree, tmp_path, scanned):
    scanned([tree], tmp_path / "cache")
    (tree / "b.py").write_text(LEGACY)
    report, names = scanned([tree], tmp_path / "cache")
    assert names == ["b.py"]
    _same(report, scanner.scan([tree]))


def test_other_options_another_interpreter_or_tool_version_miss(tree, tmp_path, scanned, monkeypatch):
    scanned([tree], tmp_path / "cache")
    assert scanned([tree], tmp_path / "cache", select=["AR101"])[1] == ["a.py", "b.py", "broken.py"]
    assert scanned([tree], tmp_path / "cache", target=(3, 14))[1] == []  # the same hazards looked for
    monkeypatch.setattr(asyncio_rosetta, "__version__", "0.0.0-other")
    assert scanned([tree], tmp_path / "cache")[1] == ["a.py", "b.py", "broken.py"]
    monkeypatch.setattr(cache_module.sys, "version_info", (3, 5, 0, "final", 0))
    assert scanned([tree], tmp_path / "cache")[1] == ["a.py", "b.py", "broken.py"]


def test_a_file_that_joins_a_package_is_scanned_again(tree, tmp_path, scanned):
    """Relative imports resolve through the package: from . import x means another module in one."""
    scanned([tree], tmp_path / "cache")
    (tree / "__init__.py").write_text("")
    assert scanned([tree], tmp_path / "cache")[1] == ["__init__.py", "a.py", "b.py", "broken.py"]


@pytest.mark.parametrize("damage", [
    b"", b"\xff\xfe not json", b"[1, 2]", b'{"x": 1}', b'{"/nowhere.py": {"key": 3}}',
    b'{"x": ' + b"[" * 100000,  # deeper than json's recursion
], ids=["empty", "not-utf8", "a-list", "not-an-entry", "a-bad-key", "deep"])
def test_a_damaged_cache_file_is_ignored_and_replaced(tree, tmp_path, scanned, damage):
    first, _ = scanned([tree], tmp_path / "cache")
    [name] = [n for n in os.listdir(str(tmp_path / "cache")) if n.startswith("scan-")]
    (tmp_path / "cache" / name).write_bytes(damage)
    again, names = scanned([tree], tmp_path / "cache")
    assert names == ["a.py", "b.py", "broken.py"]
    _same(first, again)
    assert scanned([tree], tmp_path / "cache")[1] == []  # replaced by a good one


def test_entries_of_the_wrong_shape_are_scanned_again(tree, tmp_path, scanned):
    first, _ = scanned([tree], tmp_path / "cache")
    [path] = (tmp_path / "cache").glob("scan-*.json")
    entries = json.loads(path.read_text())
    a, b, broken = sorted(entries)
    entries[a]["found"] = [[1, 2, "AR999"]]  # no such hazard: the scanner would have nothing to name
    entries[b]["found"] = "x"
    entries[broken]["error"] = {"not": "a reason"}
    path.write_text(json.dumps(entries))
    again, names = scanned([tree], tmp_path / "cache")
    assert names == ["a.py", "b.py", "broken.py"]
    _same(first, again)


def test_a_cache_folder_that_cannot_be_written_changes_nothing(tree, tmp_path, scanned):
    (tmp_path / "taken").write_text("a file where the folder would be\n")
    report, names = scanned([tree], tmp_path / "taken")
    assert names == ["a.py", "b.py", "broken.py"]
    _same(report, scanner.scan([tree]))


def test_deleted_files_leave_the_cache_file_and_others_stay(tree, tmp_path, scanned):
    other = tmp_path / "other.py"
    other.write_text(LEGACY)
    scanned([tree], tmp_path / "cache")
    scanned([other], tmp_path / "cache")
    (tree / "a.py").unlink()
    other.write_text(LEGACY + "\n")  # a warm scan writes nothing: the next one that writes leaves a.py out
    scanned([other], tmp_path / "cache")
    [path] = (tmp_path / "cache").glob("scan-*.json")
    assert sorted(os.path.basename(name) for name in json.loads(path.read_text())) == ["b.py", "broken.py",
                                                                                     "other.py"]


def test_what_the_bytes_do_not_decide_is_not_kept(tmp_path):
    path = tmp_path / "x.py"
    assert not cache_module._keeps(scanner._crashed((path, None), "killed by SIGSEGV"))
    assert not cache_module._keeps((path, [], scanner._sources.SourceError(path, "cannot read: denied"), []))
    assert cache_module._keeps((path, [], scanner._sources.SourceError(path, "cannot parse: invalid syntax"), []))


def test_texts_given_are_not_on_disk_and_not_cached(tree, tmp_path):
    report = scanner.scan([tree / "b.py"], texts={tree / "b.py": LEGACY}, cache=Cache(tmp_path / "cache"))
    assert [f.hazard.id for f in report.findings] == ["AR101"]
    assert not (tmp_path / "cache").exists()


def test_the_command_keeps_its_cache_in_the_working_folder_which_git_ignores(tree, tmp_path):
    assert cli("scan", str(tree), cwd=tmp_path).returncode == 2  # broken.py
    folder = tmp_path / ".rosetta_cache"
    assert (folder / ".gitignore").read_text().splitlines()[-1] == "*"
    assert (folder / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert cli("scan", str(tree), "--cache-dir", str(tmp_path / "elsewhere"), cwd=tmp_path).returncode == 2
    assert len(list((tmp_path / "elsewhere").glob("scan-*.json"))) == 1


def test_no_cache_reads_every_file_and_writes_nothing(tree, tmp_path):
    first = cli("scan", str(tree), cwd=tmp_path)
    (tmp_path / ".rosetta_cache").rename(tmp_path / "kept")
    again = cli("scan", "--no-cache", str(tree), cwd=tmp_path)
    assert (again.returncode, again.stdout, again.stderr) == (first.returncode, first.stdout, first.stderr)
    assert sorted(os.listdir(str(tmp_path))) == ["kept", "tree"]


def test_a_write_that_fails_leaves_no_temporary_file(tree, tmp_path, scanned, monkeypatch):
    def refused(source, destination):
        raise OSError("no space left on device")
    monkeypatch.setattr(cache_module.os, "replace", refused)
    report, names = scanned([tree], tmp_path / "cache")
    _same(report, scanner.scan([tree]))
    assert sorted(os.listdir(str(tmp_path / "cache"))) == []  # not even .gitignore: it goes first, the same way
