"""Terminal rendering: syntax highlighting and side-by-side diffs; names that print.

Standard library only; Pygments, when installed, adds colour to ``show``.
Plain text (no escape codes) whenever the output is not a terminal.
"""

import difflib
import itertools

__all__ = ["highlight", "side_by_side", "unified", "aligned_rows", "printable"]

_MARK = "\x1b[7m{}\x1b[0m"  # reverse video: visible on any colour scheme
_GAP = " | "


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
    reverse video when *colour*). Returns None if *width* is too narrow."""
    column = (width - len(_GAP) * (len(texts) - 1)) // len(texts)
    if column < 40:
        return None
    out = [_GAP.join(title[:column].ljust(column) for title in titles).rstrip(),
           _GAP.join("-" * column for _ in titles)]
    for row in aligned_rows([text.splitlines() for text in texts]):
        cells = []
        for cell in row:
            changed = any(other != cell for other in row)
            text = ("* " if changed else "  ") + (cell or "")
            text = text[:column].ljust(column)
            cells.append(_MARK.format(text) if changed and colour else text)
        out.append(_GAP.join(cells).rstrip())
    return "\n".join(out) + "\n"


def aligned_rows(columns):
    """Rows with one cell per column (None where a column has no line), so
    that equal lines share a row. Each new column is aligned on the previous one.

    >>> aligned_rows([["a", "x", "b"], ["a", "b"]])
    [['a', 'a'], ['x', None], ['b', 'b']]
    """
    rows = [[line] for line in columns[0]]
    for column in columns[1:]:
        keys = [row[-1] for row in rows]  # None never matches a line
        matcher = difflib.SequenceMatcher(None, keys, column, autojunk=False)
        width = len(rows[0]) if rows else 0
        new_rows = []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            for row, line in itertools.zip_longest(rows[i1:i2], column[j1:j2]):
                new_rows.append((row or [None] * width) + [line])
        rows = new_rows
    return rows


def unified(titles, texts):
    """Unified diffs between neighbouring texts, as one string."""
    out = []
    for (a_title, a), (b_title, b) in zip(zip(titles, texts), list(zip(titles, texts))[1:]):
        diff = difflib.unified_diff(a.splitlines(True), b.splitlines(True), a_title, b_title)
        # As diff(1) says it, so that patch(1) applies it: a last line without newline.
        out += [line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in diff]
    return "".join(out)
