"""Big legacy files and many small ones, made of the project's own real-shaped legacy programs.

    text = legacy_text(2 * 10**6)     # about 2 MB of Python, valid from 3.4 to 3.10
    files = legacy_files(100)         # [(name, text)]: 100 programs, a few KB each

The programs are tests/realworld/programs/*.py and variants/generator_coroutine/*.py
(87 files, 119 KB: generator coroutines, loop= everywhere, main blocks,
servers, star imports). A big file is copies of them one after the other,
each copy's functions and classes renamed (``main`` -> ``main_3``, and every
use), so that names stay distinct as in one large module; a copy's other
module-level names (``loop``) are shared, as in one. The same size gives the
same text.
"""

import glob
import io
import os
import tokenize

from _script import ROOT  # beside this script

__all__ = ["programs", "legacy_text", "legacy_files"]


def programs():
    """[(name, text)] of the real-shaped legacy programs, in a stable order."""
    paths = sorted(glob.glob(os.path.join(ROOT, "tests", "realworld", "programs", "*.py")))
    paths += sorted(glob.glob(os.path.join(ROOT, "variants", "generator_coroutine", "*.py")))
    found = []
    for path in paths:
        with open(path, encoding="utf-8") as source:
            found.append((os.path.basename(path), source.read()))
    return found


def legacy_text(size):
    """At least *size* bytes of legacy Python: renamed copies of programs(), whole."""
    parts, total, copy = [], 0, 0
    sources = programs()
    while total < size:
        for _, text in sources:
            part = renamed(text, "_{}".format(copy)) + "\n\n"
            parts.append(part)
            total += len(part.encode("utf-8"))
            if total >= size:
                break
        copy += 1
    return "".join(parts)


def legacy_files(count):
    """*count* (name, text) pairs: programs() again and again, each copy renamed."""
    sources = programs()
    return [("{:05}_{}".format(index, sources[index % len(sources)][0]),
             renamed(sources[index % len(sources)][1], "_{}".format(index // len(sources))))
            for index in range(count)]


def renamed(text, suffix):
    """*text* with each function and class defined at its top level renamed name + *suffix*, everywhere it is used."""
    tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    defined = {tokens[i + 1].string for i, token in enumerate(tokens[:-1])
               if token.string in ("def", "class") and token.start[1] == 0}
    lines = text.splitlines(True)
    previous, edits = None, []
    for token in tokens:
        if token.type == tokenize.NAME and token.string in defined and not (previous and previous.string == "."):
            edits.append(token.end)
        if token.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT):
            previous = token
    for row, column in reversed(edits):  # from the end: the columns of those before do not move
        lines[row - 1] = lines[row - 1][:column] + suffix + lines[row - 1][column:]
    return "".join(lines)
