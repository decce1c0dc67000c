"""Terminal rendering: syntax highlighting and side-by-side diffs; names that print.

Standard library only; Pygments, when installed, adds colour to ``show``.
Plain text (no escape codes) whenever the output is not a terminal.
"""

import difflib
import itertools

__all__ = ["highlight", "side_by_side", "too_narrow", "unified", "aligned_rows", "printable"]

_MARK = "\x1b[7m{}\x1b[0m"  # reverse video: visible on any colour scheme
_GAP = " | "
_COLUMN = 40  # the narrowest column side_by_side prints
_CUT = ">"    # the last character of a line cut to fit its column (ASCII: any terminal shows it)


# Control characters as Python writes them in a string: a newline in a file name would split a report line.
_CONTROLS = {code: "\\x{:02x}".format(code) for code in list(range(32)) + [127]}
_CONTROLS.update({ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"})


def printable(text):
    """*text* (a file name, or a line that holds one) as any terminal or pipe takes it.

    A name that is not UTF-8 comes from the OS with its bad bytes as lone surrogates
    (surrogateescape), which a UTF-8 stream refuses (UnicodeEncodeError): each such
    byte is written ``\\xff`` instead, as ``ls -b`` does; so are control characters.
    """
    text = str(text)
    try:
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate not from surrogateescape (a Windows name)
        text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text.translate(_CONTROLS)


def highlight(source, colour):
    if not colour:
        return source
    try:
        import pygments
        from pygments.formatters import TerminalFormatter
        from pygments.lexers import PythonLexer
    except ImportError:
        return source
    return pygments.highlight(source, PythonLexer(), TerminalFormatter())


def side_by_side(titles, texts, width, colour):
    """Columns aligned on matching lines; changed lines marked with '*' (and
    reverse video when *colour*); a line too long for its column is cut and ends
    in '>', and a last line says so. Returns None if *width* is too narrow
    (too_narrow says why)."""
    column = (width - len(_GAP) * (len(texts) - 1)) // len(texts)
    if column < _COLUMN:
        return None
    out = [_GAP.join(title[:column].ljust(column) for title in titles).rstrip(),
           _GAP.join("-" * column for _ in titles)]
    cut = 0
    for row in aligned_rows([text.splitlines() for text in texts]):
        cells = []
        for cell in row:
            changed = any(other != cell for other in row)
            text = ("* " if changed else "  ") + (cell or "")
            if len(text.rstrip()) > column:
                text, cut = text[:column - 1] + _CUT, cut + 1
            text = text.ljust(column)
            cells.append(_MARK.format(text) if changed and colour else text)
        out.append(_GAP.join(cells).rstrip())
    if cut:
        out.append("{} line(s) cut at {} columns, marked '{}'; --unified shows them whole".format(cut, column, _CUT))
    return "\n".join(out) + "\n"


def too_narrow(width, count):
    """Why *count* texts are not side by side in *width* columns: one line for stderr.

    >>> too_narrow(80, 3)
    'diff: 80 columns are too narrow for 3 side by side (126 needed): a unified diff instead'
    """
    return "diff: {} columns are too narrow for {} side by side ({} needed): a unified diff instead".format(
        width, count, _COLUMN * count + len(_GAP) * (count - 1))


def aligned_rows(columns):
    """Rows with one cell per column (None where a column has no line), so
    that equal lines share a row. Each new column is aligned on the previous one;
    where lines were replaced, those most alike share a row (see _paired).

    >>> aligned_rows([["a", "x", "b"], ["a", "b"]])
    [['a', 'a'], ['x', None], ['b', 'b']]
    >>> aligned_rows([["@coroutine", "def f():", "    yield"], ["async def f():", "    await"]])
    [['@coroutine', None], ['def f():', 'async def f():'], ['    yield', '    await']]
    """
    rows = [[line] for line in columns[0]]
    for column in columns[1:]:
        keys = [row[-1] for row in rows]  # None never matches a line
        matcher = difflib.SequenceMatcher(None, keys, column, autojunk=False)
        width = len(rows[0]) if rows else 0
        new_rows = []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            old = rows[i1:i2]
            likeness = [next((cell for cell in reversed(row) if cell is not None), "") for row in old]
            for i, j in _paired(likeness, column[j1:j2]) if tag == "replace" else _zipped(0, i2 - i1, 0, j2 - j1):
                new_rows.append((old[i] if i is not None else [None] * width) +
                                [column[j1 + j] if j is not None else None])
        rows = new_rows
    return rows


def _zipped(i1, i2, j1, j2):
    """(i, j) pairs of the runs i1..i2 and j1..j2 side by side, None past the shorter."""
    return list(itertools.zip_longest(range(i1, i2), range(j1, j2)))


def _alike(a, b):
    """How alike two lines are apart from their indentation (0 under one half: not alike)."""
    ratio = difflib.SequenceMatcher(None, a.strip(), b.strip(), autojunk=False).ratio()
    return ratio if ratio >= 0.5 else 0


def _paired(left, right):
    """(i, j) pairs for a replaced run: lines alike pair up in order, the pairing that is most alike
    overall; between those pairs, the others side by side (None past the shorter run)."""
    n, m = len(left), len(right)
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            alike = _alike(left[i], right[j])
            score[i][j] = max(score[i + 1][j], score[i][j + 1], alike + score[i + 1][j + 1] if alike else 0)
    pairs, i, j, start = [], 0, 0, (0, 0)
    while i < n or j < m:
        alike = _alike(left[i], right[j]) if i < n and j < m else 0
        if alike and score[i][j] == alike + score[i + 1][j + 1]:
            pairs += _zipped(start[0], i, start[1], j) + [(i, j)]
            i, j = i + 1, j + 1
            start = (i, j)
        elif i < n and (j == m or score[i][j] == score[i + 1][j]):
            i += 1
        else:
            j += 1
    return pairs + _zipped(start[0], n, start[1], m)


def unified(titles, texts):
    """Unified diffs between neighbouring texts, as one string."""
    out = []
    for (a_title, a), (b_title, b) in zip(zip(titles, texts), list(zip(titles, texts))[1:]):
        diff = difflib.unified_diff(a.splitlines(True), b.splitlines(True), a_title, b_title)
        # As diff(1) says it, so that patch(1) applies it: a last line without newline.
        out += [line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in diff]
    return "".join(out)
