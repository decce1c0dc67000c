"""What a port changes on a line: the parts of it that differ between the styles, word by word,
apart from its indentation (a block moved into ``async with asyncio.TaskGroup()`` is re-indented,
not rewritten).

    >>> marks("    yield from asyncio.sleep(1)", ["        await asyncio.sleep(1)"])
    ('changed', [(4, 14)])
    >>> marks("        print(x)", ["    print(x)"])
    ('reindented', [])
"""

import difflib
import re

__all__ = ["marks", "docstring_rows"]

_WORD = re.compile(r"\w+|\s+|[^\w\s]")


def marks(line, others):
    """(kind, ranges) of *line* against its counterparts in the other styles, *others* (None where
    a style has none). kind: '' the same everywhere; 'reindented' only its indentation differs;
    'changed' otherwise, with the (start, end) character ranges of *line* that are not in some
    other style's version (the whole line where a style has none; none where words were only added
    in another style)."""
    body_at = len(line) - len(line.lstrip())
    if any(other is None for other in others):
        return "changed", [(body_at, len(line))] if line.strip() else []
    if all(other == line for other in others):
        return "", []
    ranges = []
    for other in others:
        ranges += _differing(line, body_at, other.lstrip())
    ranges = _merged(line, ranges)
    if ranges or any(other.lstrip() != line[body_at:] for other in others):
        return "changed", ranges
    return "reindented", []


def _differing(line, body_at, other):
    """The ranges of *line*'s words (from *body_at*) that *other*'s words do not match."""
    mine = [(m.start() + body_at, m.end() + body_at, m.group()) for m in _WORD.finditer(line[body_at:])]
    theirs = _WORD.findall(other)
    matcher = difflib.SequenceMatcher(None, [word for _, _, word in mine], theirs, autojunk=False)
    return [(mine[i1][0], mine[i2 - 1][1]) for tag, i1, i2, _, _ in matcher.get_opcodes()
            if tag in ("replace", "delete")]


def _merged(line, ranges):
    """*ranges* of *line* sorted, those that touch as one, each without the spaces at its ends."""
    out = []
    for start, end in sorted(ranges):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    trimmed = []
    for start, end in out:
        text = line[start:end]
        if text.strip():
            start += len(text) - len(text.lstrip())
            trimmed.append((start, start + len(text.strip())))
    return trimmed


def docstring_rows(columns):
    """How many aligned rows (from the top) the module docstrings take: *columns* are the aligned
    rows' cells per style (None for a gap); 0 when a style opens with no docstring or it is one line.

    >>> docstring_rows([['\"\"\"t: one', 'two', '\"\"\"', 'import x'], ['\"\"\"t: one', None, '\"\"\"', 'import x']])
    3
    """
    ends = []
    for cells in columns:
        lines = [cell for cell in cells if cell is not None]
        first = lines[0].lstrip() if lines else ""
        quote = first[:3]
        if quote not in ('"""', "'''") or first.count(quote) > 1:
            return 0
        end = next((at for at, cell in enumerate(cells) if at and cell is not None and quote in cell), None)
        if end is None:
            return 0
        ends.append(end)
    return max(ends) + 1 if ends else 0
