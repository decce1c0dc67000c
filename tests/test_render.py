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


def test_side_by_side_marks_a_cut_line_and_says_how_many():
    long = "x = " + "a" * 60
    table = _render.side_by_side(["left", "right"], ["same\n" + long + "\n", "same\nshort\n"], 90, colour=False)
    rows = table.splitlines()
    assert rows[3].startswith("* x = aaa") and rows[3].split(" | ")[0] == ("* " + long)[:42] + ">"
    assert rows[-1] == "1 line(s) cut at 43 columns, marked '>'; --unified shows them whole"
    assert "cut" not in _render.side_by_side(["l", "r"], ["same\n", "same\n"], 90, colour=False)


def test_too_narrow_says_what_is_needed():
    assert _render.side_by_side(["a", "b"], ["x", "y"], 82, colour=False) is None
    assert _render.side_by_side(["a", "b"], ["x", "y"], 83, colour=False) is not None
    assert _render.too_narrow(82, 2) == ("diff: 82 columns are too narrow for 2 side by side (83 needed): "
                                         "a unified diff instead")


def test_replaced_lines_pair_with_the_most_alike():
    before = ["import asyncio", "@asyncio.coroutine", "def fetch(url):", "    data = yield from get(url)"]
    after = ["import asyncio", "async def fetch(url):", "    data = await get(url)"]
    assert _render.aligned_rows([before, after]) == [
        ["import asyncio", "import asyncio"], ["@asyncio.coroutine", None],
        ["def fetch(url):", "async def fetch(url):"], ["    data = yield from get(url)", "    data = await get(url)"]]
    # Lines not alike stay side by side, as a replaced run.
    assert _render.aligned_rows([["a", "one", "two", "b"], ["a", "xyz", "b"]]) == [
        ["a", "a"], ["one", "xyz"], ["two", None], ["b", "b"]]
