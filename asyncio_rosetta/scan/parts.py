"""A module too large to hold as one syntax tree, read in parts.

The standard library's tree of a module takes about 100 times the module's
size in memory (a 30 MB file: 3.0 GB, benchmarks/scale.py), so scan reads a
module of more than ``PARTS_FROM`` characters in parts of about
``PART_SIZE`` characters of whole top-level statements, one at a time. Each
part is parsed at its own line numbers, with the top-level imports of the
parts before it on its first line, so that names resolve as in the whole
module; what the other parts define (functions, classes, module-level
assignments, calls) is not known to it. A cut is only made where a line
starts a statement at the left margin; where that line turns out to be
inside a string or brackets, the part does not parse and is made twice as
long, so a module is parsed at most about twice.

    >>> lines = ["import asyncio\\n", "def f():\\n", "    pass\\n", "def g():\\n", "    pass\\n"]
    >>> cut(lines, 0, 20)  # the first cut at or after 20 characters, at a statement
    3
    >>> text(lines, 3, 5, ["import asyncio"])
    'import asyncio\\n\\n\\ndef g():\\n    pass\\n'
    >>> imports(ast.parse(text(lines, 3, 5, ["import asyncio"]) + "import os\\nimport asyncio\\n"), 3, ["import asyncio"])
    ['import os', 'import asyncio']
"""

import ast
import re

__all__ = ["PARTS_FROM", "PART_SIZE", "cut", "text", "imports", "note"]

# A tree of 4 MB of source holds about 0.4 GB; above, a module is read in parts of 1 MB (about 0.1 GB each).
PARTS_FROM = 4 * 1024 * 1024
PART_SIZE = 1024 * 1024

# A line that may start a top-level statement: at the left margin, not a continuation of the one before.
_STARTS = re.compile(r"(?!(?:else|elif|except|finally)\b)[A-Za-z_@]")


def cut(lines, start, size):
    """The index of the first line at or after *size* characters from *lines[start]*
    that may start a top-level statement (len(lines) if none)."""
    length, index = 0, start
    while index < len(lines) and length < size:
        length += len(lines[index])
        index += 1
    while index < len(lines) and not _STARTS.match(lines[index]):
        index += 1
    return index


def text(lines, start, end, above):
    """The source of *lines[start:end]* at its own line numbers: *above* (import
    statements, one line each) joined on the first line, blank lines up to it."""
    if not start:
        return "".join(lines[:end])
    head = "; ".join(above) + "\n" if above else "\n"
    return head + "\n" * (start - 1) + "".join(lines[start:end])


def imports(tree, start, above):
    """*above* and then the top-level import statements of *tree* after line
    *start*, each as one line of source; of the same import twice, the last."""
    found = list(above)
    for node in tree.body:
        if node.lineno <= start:  # above the part: already in *above*
            continue
        names = ", ".join(alias.name + (" as " + alias.asname if alias.asname else "") for alias in
                          getattr(node, "names", ()))
        if isinstance(node, ast.Import):
            found.append("import " + names)
        elif isinstance(node, ast.ImportFrom):
            found.append("from {}{} import {}".format("." * (node.level or 0), node.module or "", names))
    last = {line: index for index, line in enumerate(found)}
    return [line for index, line in enumerate(found) if last[line] == index]


def note(size, count):
    """What scan says of a module it read in *count* parts (*size* characters)."""
    return ("{}, read in {} parts of about {} to spare memory: what one part defines, or does later in the "
            "module, is not known to the others").format(_size(size), count, _size(PART_SIZE))


def _size(characters):
    return "{:.1f} MB".format(characters / 2 ** 20) if characters >= 2 ** 20 else "{} KB".format(characters // 1024)
