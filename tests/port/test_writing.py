"""port/writing: a ported file is written back only over what port read, and only as bytes that read back as the
new text."""

import errno
import hashlib
import os
import re

import pytest

from asyncio_rosetta import files
from asyncio_rosetta.port import writing


@pytest.mark.parametrize("data, encoding, back", [
    (b"s = 'caf\xc3\xa9'\n", "utf-8", True),
    (b"\xef\xbb\xbfx = 1\n", "utf-8-sig", True),  # the BOM comes back
    (b"s = 'caf\\u00e9'\n", "unicode_escape", False),  # comes back as caf\xe9
    (b"s = 'caf\\u00e9'\n", "raw_unicode_escape", False),
    (b"# " + b"x" * 70 + b"\n", "idna", False),  # decodes, does not encode: a label longer than 63
])
def test_encodes_back_only_to_the_bytes_read(data, encoding, back):
    text = data.decode(encoding)
    assert writing.encodes_back(text, encoding, hashlib.sha256(data).hexdigest()) is back


def test_once_each_keeps_one_path_per_real_file_by_its_own_name(tmp_path):
    (tmp_path / "real.py").write_text("x = 1\n")
    (tmp_path / "other.py").write_text("x = 1\n")
    (tmp_path / "a_link.py").symlink_to("real.py")
    (tmp_path / "b_link.py").symlink_to("other.py")  # the only name walked for other.py: kept
    paths = [tmp_path / name for name in ("a_link.py", "b_link.py", "real.py", "real.py")]
    assert writing.once_each(paths) == [tmp_path / "b_link.py", tmp_path / "real.py"]


def _read(path, text):
    path.write_text(text)
    return files.read_bytes(path)[1]


def test_write_back_replaces_what_was_read(tmp_path):
    path = tmp_path / "legacy.py"
    read = _read(path, "old\n")
    writing.write_back(path, "new\n", "utf-8", read)
    assert path.read_text() == "new\n" and os.listdir(str(tmp_path)) == ["legacy.py"]


def test_write_back_skips_a_file_changed_since_it_was_read_even_in_the_same_second(tmp_path):
    """Same size, same mtime: the SHA-256 of the bytes tells."""
    path = tmp_path / "legacy.py"
    read = _read(path, "old\n")
    path.write_text("odd\n")
    os.utime(str(path), ns=(read.mtime_ns, read.mtime_ns))
    with pytest.raises(writing.Changed, match=r": changed since port read it: skipped \(port it again\)$"):
        writing.write_back(path, "new\n", "utf-8", read)
    assert path.read_text() == "odd\n" and os.listdir(str(tmp_path)) == ["legacy.py"]


@pytest.mark.parametrize("case, reason", [
    ("hard link", "has 2 hard links: a rewrite would split them"),
    ("read-only", "read-only (mode 0444)"),
    ("encoding", "the rewrite does not encode in its encoding, ascii"),
])
def test_write_back_refuses_and_leaves_the_file_as_it_was(tmp_path, case, reason):
    path = tmp_path / "legacy.py"
    read = _read(path, "old\n")
    if case == "hard link":
        os.link(str(path), str(tmp_path / "twin.py"))
    elif case == "read-only":
        os.chmod(str(path), 0o444)
    before = os.stat(str(path))
    with pytest.raises(writing.NotWritten) as caught:
        writing.write_back(path, "caf\xe9\n", "ascii" if case == "encoding" else "utf-8", read)
    assert (str(caught.value), type(caught.value)) == ("{}: {}".format(path, reason), writing.NotWritten)
    assert path.read_text() == "old\n" and os.stat(str(path)) == before


def test_write_back_says_why_a_write_failed_in_one_line(tmp_path, monkeypatch):
    path = tmp_path / "legacy.py"
    read = _read(path, "old\n")

    def full(source, destination):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "replace", full)
    with pytest.raises(writing.NotWritten, match=r"^{}: could not be written: No space left on device$".format(
            re.escape(str(path)))):
        writing.write_back(path, "new\n", "utf-8", read)
    assert path.read_text() == "old\n" and os.listdir(str(tmp_path)) == ["legacy.py"]
