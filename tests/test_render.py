"""Side-by-side and unified rendering; names that print."""

import os

import pytest

from asyncio_rosetta import render as _render


def test_aligned_rows_pad_missing_lines():
    assert _render.aligned_rows([["a", "b"], ["a", "x", "b"], ["a", "b"]]) == [
        ["a", "a", "a"], [None, "x", None], ["b", "b", "b"]]


def test_side_by_side_marks_changed_rows():
    table = _render.side_by_side(["left", "right"], ["same\nold\n", "same\nnew\n"], 100, colour=False)
    rows = table.splitlines()
    assert rows[2].startswith("  same")
    assert rows[3].startswith("* old") and "* new" in rows[3]


def test_side_by_side_gives_up_when_narrow():
    assert _render.side_by_side(["a", "b", "c"], ["x", "y", "z"], 80, colour=False) is None


def test_unified_between_neighbours():
    text = _render.unified(["a", "b", "c"], ["1\n", "2\n", "2\n"])
    assert "--- a\n+++ b\n" in text and "+++ c" not in text


def test_highlight_is_plain_without_colour():
    assert _render.highlight("x = 1\n", colour=False) == "x = 1\n"


@pytest.mark.parametrize("name, shown", [
    ("plain/ü name.py", "plain/ü name.py"),                # UTF-8 and spaces: as they are
    (os.fsdecode(b"bad\xff.py"), "bad\\xff.py"),          # not UTF-8: each bad byte as ls -b shows it
    (os.fsdecode(b"\xe4\xbd.py"), "\\xe4\\xbd.py"),       # half a character
    ("new\nline\t\x1b.py", "new\\nline\\t\\x1b.py"),     # would split a report line, or colour the terminal
    ("\ud800.py", "\\ud800.py"),                        # a lone surrogate not from a byte (Windows names)
])
def test_printable_names(name, shown):
    assert _render.printable(name) == shown
    shown.encode("utf-8")  # any UTF-8 stream takes it
