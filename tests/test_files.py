"""files: walking a tree (every odd path reported, never fatal); write_atomic: all of the new
text or none of it, the file's mode kept."""

import os
import stat

import pytest

from asyncio_rosetta import files as _files


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


def test_walk_skips_virtualenvs_tox_git_and_build_output(tmp_path):
    for folder in ("pkg", ".tox/py311/lib", ".git", "build", "venv", "myenv", "pkg/__pycache__"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "mod.py").write_text("x = 1\n")
    (tmp_path / "myenv" / "pyvenv.cfg").write_text("home = /usr\n")
    (tmp_path / "pkg" / "notes.txt").write_text("not python\n")
    errors = []
    found = [p.relative_to(tmp_path).as_posix() for p in _files.walk([tmp_path], errors)]
    assert found == ["pkg/mod.py"] and errors == []


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
