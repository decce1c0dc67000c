"""Sources side by side as HTML, line by line: what one style (or a rewrite) changes from the others marked.

    >>> html(["x = 1\\n", "x = 2\\n"], [[[("n", "x = 1")]], [[("n", "x = 2")]]])[0]   # doctest: +ELLIPSIS
    '<span class="line changed"><span class="lno">1</span><span class="src"><span class="ind"></span><span class="body"><span class="n">x = </span><mark>...'
"""

from asyncio_rosetta import render as _render
from asyncio_rosetta.publish.site import changes, highlight

__all__ = ["html"]


def html(sources, tokens):
    """The HTML code of each source, aligned as render.aligned_rows aligns them: a gap where a style
    has no counterpart; in a line of code that differs between the styles, the words that differ
    marked (a line only re-indented is marked as such); the module docstrings (not marked) folded
    into a <details>."""
    rows = _render.aligned_rows([source.splitlines() for source in sources])
    cells = [[row[col] for row in rows] for col in range(len(sources))]
    folded = changes.docstring_rows(cells)
    columns = []
    for col, column in enumerate(cells):
        number, lines = 0, []
        for at, cell in enumerate(column):
            if cell is None:
                lines.append(("gap", "", " "))
                continue
            number += 1
            kind, ranges = "", []
            if at >= folded:  # a docstring is prose about its own style: not what a port changes
                kind, ranges = changes.marks(cell, [other[at] for other in cells if other is not column])
            lines.append((kind, number, _code(cell, tokens[col][number - 1], ranges)))
        out = [_line(*line) for line in lines]
        if folded > 1:  # the first line stays in view, as the fold's summary
            out[:folded] = ['<details class="doc" open>{}{}</details>'.format(
                _line(*lines[0], tag="summary"), "".join(out[1:folded]))]
        columns.append("".join(out))
    return columns


def _code(line, pieces, ranges):
    """A line's HTML: its indentation, then the rest, which wraps under its own start (site.css)."""
    indent = len(line) - len(line.lstrip(" \t"))
    rest, skipped = [], 0
    for css, text in pieces:
        drop = max(0, min(len(text), indent - skipped))
        skipped += drop
        if text[drop:]:
            rest.append((css, text[drop:]))
    return '<span class="ind">{}</span><span class="body">{}</span>'.format(
        line[:indent], highlight.html(rest, [(start - indent, end - indent) for start, end in ranges]))


def _line(kind, number, code, tag="span"):
    return '<{0} class="line{1}"><span class="lno">{2}</span><span class="src">{3}</span></{0}>'.format(
        tag, " " + kind if kind else "", number, code)
