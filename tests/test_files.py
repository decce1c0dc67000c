"""files: walking a tree (every odd path reported, never fatal); write_atomic: all of the new
text or none of it, the file's mode, owner and group kept, no temporary file left behind (not even by a killed run)."""

import os
import re
import signal
import stat
import subprocess
import sys
import time

import pytest

from asyncio_rosetta import files as _files
from asyncio_rosetta.harness.runner import child_env


def test_write_atomic_replaces_the_file_and_keeps_its_mode(tmp_path):
    target = tmp_path / "kept.py"
    target.write_text("old\n")
    os.chmod(str(target), 0o751)
    _files.write_atomic(target, "new\n", "utf-8")
    assert target.read_text() == "new\n" and stat.S_IMODE(os.stat(str(target)).st_mode) == 0o751
    assert os.listdir(str(tmp_path)) == ["kept.py"]


def test_write_atomic_leaves_the_file_whole_when_the_rename_fails(tmp_path, monkeypatch):
    target = tmp_path / "kept.py"
    target.write_text("old\n")

    def broken_replace(source, destination):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(_files.os, "replace", broken_replace)
    with pytest.raises(OSError):
        _files.write_atomic(target, "new\n", "utf-8")
    assert target.read_text() == "old\n" and os.listdir(str(tmp_path)) == ["kept.py"]


def test_write_atomic_creates_a_file_with_the_usual_mode(tmp_path):
    _files.write_atomic(tmp_path / "new.trace", "line\n", "utf-8")
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE(os.stat(str(tmp_path / "new.trace")).st_mode) == 0o666 & ~mask


def test_write_atomic_keeps_the_owner_and_group(tmp_path):
    """Renaming a new file over the old one made it root's (the suite runs as root)."""
    target = tmp_path / "kept.py"
    target.write_text("old\n")
    os.chown(str(target), 12345, 23456)
    os.chmod(str(target), 0o2751)  # set-group-id too: a chown after the chmod would clear it
    _files.write_atomic(target, "new\n", "utf-8")
    status = os.stat(str(target))
    assert (status.st_uid, status.st_gid, stat.S_IMODE(status.st_mode)) == (12345, 23456, 0o2751)


def test_write_atomic_does_not_write_what_would_change_hands(tmp_path, monkeypatch):
    """A user who may not give the new file the old one's owner (not root) does not replace it."""
    target = tmp_path / "kept.py"
    target.write_text("old\n")
    os.chown(str(target), 12345, 23456)

    def refused(fd, uid, gid):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(_files.os, "fchown", refused)
    with pytest.raises(OSError, match=r"^\[Errno 1\] cannot keep its owner and group \(12345:23456\): Operation not "
                                      r"permitted$"):
        _files.write_atomic(target, "new\n", "utf-8")
    assert target.read_text() == "old\n" and os.listdir(str(tmp_path)) == ["kept.py"]


def test_write_atomic_leaves_the_file_as_it_was_when_the_check_says_no(tmp_path):
    target = tmp_path / "kept.py"
    target.write_text("old\n")
    checked = []

    def check(path):
        checked.append((path, sorted(os.listdir(str(tmp_path)))))
        raise RuntimeError("changed")

    with pytest.raises(RuntimeError):
        _files.write_atomic(target, "new\n", "utf-8", check=check)
    assert target.read_text() == "old\n" and os.listdir(str(tmp_path)) == ["kept.py"]
    [(path, listed)] = checked  # called once the new bytes are there, beside it
    assert path == str(target) and len(listed) == 2 and _files._TEMPORARY.match(listed[0]).group("name") == "kept.py"


def _killed_while_writing(target):
    """(path, pid): the temporary file that a process killed (SIGKILL) just
    before its rename left beside *target*, and that process's id."""
    code = ("import os, signal, sys\nfrom asyncio_rosetta import files\n"
            "os.replace = lambda *args: os.kill(os.getpid(), signal.SIGKILL)\n"
            "files.write_atomic(sys.argv[1], 'new\\n', 'utf-8')\n")
    process = subprocess.Popen([sys.executable, "-c", code, str(target)], env=child_env(), stderr=subprocess.PIPE)
    _, stderr = process.communicate()
    assert process.returncode == -signal.SIGKILL, stderr
    [left] = [name for name in os.listdir(str(target.parent)) if name != target.name]
    assert re.match(r"\.kept\.py\.rosetta-{}-[0-9a-f]{{8}}\.tmp\Z".format(process.pid), left)
    return target.parent / left, process.pid


def _age(path, seconds):
    then = time.time() - seconds
    os.utime(str(path), (then, then))


def test_the_next_write_removes_what_a_killed_run_left(tmp_path):
    target = tmp_path / "kept.py"
    target.write_text("old\n")
    left, _ = _killed_while_writing(target)
    assert target.read_text() == "old\n"
    _age(left, _files.STALE_AFTER + 1)
    _files.write_atomic(target, "new\n", "utf-8")
    assert target.read_text() == "new\n" and os.listdir(str(tmp_path)) == ["kept.py"]


def test_a_temporary_file_that_may_be_a_live_write_stays(tmp_path):
    """Removed only once its process is gone and it has not been written for a
    while: recent, or its process still running (this one), or another file's, it stays."""
    target = tmp_path / "kept.py"
    target.write_text("old\n")
    recent, dead = _killed_while_writing(target)
    live = tmp_path / ".kept.py.rosetta-{}-0123abcd.tmp".format(os.getpid())
    other = tmp_path / ".other.py.rosetta-{}-0123abcd.tmp".format(dead)
    for path in (live, other):
        path.write_text("partial")
        _age(path, _files.STALE_AFTER + 1)
    _files.write_atomic(target, "new\n", "utf-8")
    assert sorted(os.listdir(str(tmp_path))) == sorted([recent.name, live.name, other.name, "kept.py"])


def test_walk_skips_virtualenvs_tox_git_and_build_output(tmp_path):
    for folder in ("pkg", ".tox/py311/lib", ".git", "build", "venv", "myenv", "pkg/__pycache__"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "mod.py").write_text("x = 1\n")
    (tmp_path / "myenv" / "pyvenv.cfg").write_text("home = /usr\n")
    (tmp_path / "pkg" / "notes.txt").write_text("not python\n")
    errors = []
    found = [p.relative_to(tmp_path).as_posix() for p in _files.walk([tmp_path], errors)]
    assert found == ["pkg/mod.py"] and errors == []


def test_walk_skips_what_skip_says_instead_and_never_a_path_given(tmp_path):
    for folder in ("pkg", "build", "pkg/gen"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "mod.py").write_text("x = 1\n")
    (tmp_path / "pkg" / "mod_pb2.py").write_text("x = 1\n")
    skip = lambda path: os.path.basename(path) in ("gen", "mod_pb2.py")  # noqa: E731
    found = [p.relative_to(tmp_path).as_posix() for p in _files.walk([tmp_path, tmp_path / "pkg" / "gen"], [], skip)]
    assert found == ["build/mod.py", "pkg/mod.py", "pkg/gen/mod.py"]


def test_walk_reports_missing_paths_and_symlink_loops(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "mod.py").write_text("x = 1\n")
    os.symlink(str(tmp_path / "a"), str(tmp_path / "a" / "loop"))
    errors = []
    found = list(_files.walk([tmp_path, tmp_path / "missing"], errors))
    assert [p.name for p in found] == ["mod.py"]
    assert sorted(e.reason for e in errors) == ["already scanned (symlink loop?)", "no such file or directory"]


def test_walk_lists_a_dangling_symlink_for_the_reader_to_report(tmp_path):
    path = tmp_path / "gone.py"
    os.symlink(str(tmp_path / "missing.py"), str(path))
    assert list(_files.walk([tmp_path], [])) == [path]


@pytest.mark.parametrize("named", [False, True], ids=["in a tree", "named"])
def test_walk_skips_what_is_not_a_regular_file(tmp_path, named):
    """Reading a FIFO blocks until someone writes to it, /dev/zero never ends: reported, skipped."""
    (tmp_path / "real.py").write_text("x = 1\n")
    os.mkfifo(str(tmp_path / "pipe.py"))
    os.symlink("/dev/zero", str(tmp_path / "zero.py"))
    errors = []
    paths = [tmp_path / "real.py", tmp_path / "pipe.py", tmp_path / "zero.py"] if named else [tmp_path]
    assert list(_files.walk(paths, errors)) == [tmp_path / "real.py"]
    device = "not a regular file (a FIFO, device or socket): skipped"
    link_out = "a symbolic link out of the paths given (to /dev/zero): skipped"  # in a tree, it is that first
    assert sorted((e.path.name, e.reason) for e in errors) == [("pipe.py", device),
                                                               ("zero.py", device if named else link_out)]


def _links_in_and_out(tmp_path):
    """tree/ with a file, a link to it, and links to a file and a folder outside it (in outside/)."""
    tree, outside = tmp_path / "tree", tmp_path / "outside"
    for folder in (tree, outside):
        folder.mkdir()
        (folder / "mod.py").write_text("x = 1\n")
    os.symlink("mod.py", str(tree / "inner.py"))
    os.symlink(str(outside / "mod.py"), str(tree / "outer.py"))
    os.symlink(str(outside), str(tree / "elsewhere"))
    return tree, outside


def test_walk_does_not_follow_links_out_of_the_paths_given(tmp_path):
    """A link in the tree to a file or folder outside it is reported and skipped;
    one that stays inside is followed."""
    tree, outside = _links_in_and_out(tmp_path)
    errors = []
    assert list(_files.walk([tree], errors)) == [tree / "inner.py", tree / "mod.py"]
    assert [str(error) for error in errors] == [
        "{}: a symbolic link out of the paths given (to {}): skipped".format(tree / name, outside / target)
        for name, target in (("elsewhere", ""), ("outer.py", "mod.py"))]


def test_walk_follows_links_into_another_path_given(tmp_path):
    tree, outside = _links_in_and_out(tmp_path)
    errors = []
    found = list(_files.walk([tree, outside], errors))
    assert found == [tree / "inner.py", tree / "mod.py", tree / "outer.py", tree / "elsewhere" / "mod.py"]
    assert [error.reason for error in errors] == ["already scanned (symlink loop?)"]  # outside/, reached twice
