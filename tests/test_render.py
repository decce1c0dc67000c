"""Side-by-side and unified rendering."""

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
