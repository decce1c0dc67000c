"""port/writing: a ported file is written back only over what port read, and only as bytes that read back as the
new text."""

import hashlib

import pytest

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
