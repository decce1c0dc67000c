"""_files.write_atomic: all of the new text or none of it, the file's mode kept."""

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
