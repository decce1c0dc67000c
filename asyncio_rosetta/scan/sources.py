"""Reading Python source as the interpreter would, for scan and port.

    >>> text, encoding = read_with_encoding("legacy.py")   # doctest: +SKIP
    >>> encoding                                            # doctest: +SKIP
    'utf-8'

``read`` returns a file's text or raises SourceError with one line that says why. ``mask_async_names``
keeps legacy files parsable: ``async`` and ``await`` used as names
(``asyncio.async(...)``, ``def await(self)``, valid until 3.6) become same-length
placeholders, so positions do not move.
"""

import io
import os
import re
import tokenize

from asyncio_rosetta.files import SourceError, read_bytes

__all__ = ["SourceError", "read", "read_with_encoding", "read_snapshot", "source_lines", "mask_async_names", "unmask",
           "package_of", "absolute_module"]

# Same length as the keyword, never a name anyone writes (Cyrillic "а").
_PLACEHOLDERS = {"async": "\u0430sync", "await": "\u0430wait"}
_ASYNC_STATEMENTS = frozenset({"def", "with", "for"})
# Keywords that cannot begin the operand of an await: "await" before one of
# them is a name ("await in names", "await if ..."). True, False and None can;
# async and await are left out so that the rule never masks a real await.
_NOT_OPERANDS = frozenset("and as assert break class continue def del elif else except finally for from "
                          "global if import in is lambda nonlocal not or pass raise return try while with "
                          "yield".split())
# Cheap over-approximations (comments and strings match too) of what the
# token rules below mask: async not before def/with/for; await after "." or
# def/class, or before anything that cannot begin its operand.
_MAYBE_NAME = re.compile(
    r"\basync\b(?![ \t]+(?:def|with|for)\b)"
    r"|(?:\.|\bdef|\bclass)\s*await\b"
    r"|\bawait\b(?![ \t]*(?:(?!(?:" + "|".join(sorted(_NOT_OPERANDS)) + r")\b)[^\W\d]|\d|\.\d|\.\.\.|[\"'(\[{]))")
_SKIPPED_TOKENS = frozenset({tokenize.NL, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT})
_OPERAND_STARTS = frozenset({tokenize.NUMBER, tokenize.STRING} | {
    getattr(tokenize, name) for name in ("FSTRING_START", "TSTRING_START") if hasattr(tokenize, name)})


def read(path):
    """The text of a Python file, decoded as Python would (coding cookie, BOM, UTF-8)."""
    return read_with_encoding(path)[0]


def read_with_encoding(path):
    """(text, encoding) of a Python file: what ``read`` returns, and how to write it back."""
    return read_snapshot(path)[:2]


def read_snapshot(path):
    """(text, encoding, files.Snapshot of the bytes read): for port, which writes
    a file back only while it holds what was read, and only in an encoding that
    gives back those bytes."""
    try:
        data, read = read_bytes(path)
    except OSError as exc:
        raise SourceError(path, exc.strerror or str(exc))
    if b"\0" in data:
        raise SourceError(path, "binary file (contains NUL bytes)")
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        return data.decode(encoding), encoding, read
    except (SyntaxError, LookupError, UnicodeError) as exc:  # "undefined" and "punycode" raise a bare UnicodeError
        raise SourceError(path, "cannot decode: {}".format(exc))


def source_lines(text):
    """*text*'s lines, with their ends as they are, numbered as the parser numbers
    them: a line ends at "\\n", "\\r\\n" or a lone "\\r" (old Mac files; newline=""
    splits there and translates nothing). str.splitlines() also breaks at form
    feeds (page breaks in old sources) and other separators that are not line
    ends to Python."""
    return io.StringIO(text, newline="").readlines()


def _tokenizable(lines):
    """readline over *lines* with a lone "\\r" end made "\\n" (same length, so
    positions stay): tokenize before 3.12 reads a lone "\\r" as an error token,
    not as a line end, and then takes ``await \\`` + "\\r" for a name."""
    lines = iter([line[:-1] + "\n" if line.endswith("\r") else line for line in lines])
    return lambda: next(lines, "")


def mask_async_names(text, where=None):
    """*text* with every ``async`` and ``await`` used as a name replaced by a
    same-length placeholder (``asyncio.async(...)``, ``def await(self)``, valid
    until 3.6). ``async`` is a name unless ``async def/with/for`` follows; ``await``
    only where it cannot be an await expression: after ``.``, ``def`` or ``class``,
    or before what cannot begin its operand (``=``, ``)``, ``,``, ``.``, the end of
    the line, a keyword such as ``in``), so ``await x`` and ``await(x)`` stay.
    Where *text* stops tokenizing, the rest is left as it is. Appends (line,
    column) of each, 1-based, to the list *where* if given."""
    if not _MAYBE_NAME.search(text):  # the usual case: skip tokenizing
        return text
    tokens = []
    lines = source_lines(text)
    try:
        for token in tokenize.generate_tokens(_tokenizable(lines)):
            if token.type not in _SKIPPED_TOKENS:
                tokens.append(token)
    except (tokenize.TokenError, SyntaxError, IndentationError):
        pass  # what tokenized so far is masked; the parser reports the rest
    changed = False
    for index, token in enumerate(tokens):
        # By string, not type: 3.6's tokenize gives them types of their own inside async def.
        if token.string not in _PLACEHOLDERS:
            continue
        before = tokens[index - 1] if index else None
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        if not (_async_as_name(token, after, lines) if token.string == "async" else _await_as_name(before, after)):
            continue
        row, col = token.start
        if where is not None:
            where.append((row, col + 1))
        line = lines[row - 1]
        lines[row - 1] = line[:col] + _PLACEHOLDERS[token.string] + line[col + 5:]
        changed = True
    return "".join(lines) if changed else text


def _async_as_name(token, after, lines):
    return not (after is not None and after.start[0] == token.start[0]
                and after.string in _ASYNC_STATEMENTS and _adjacent(token, after, lines))


def _await_as_name(before, after):
    if before is not None and before.string in (".", "def", "class"):
        return True
    if after is None or after.type in _OPERAND_STARTS or after.string in ("(", "[", "{", "..."):
        return False
    if after.string and (after.string[0].isalpha() or after.string[0] == "_") and after.type != tokenize.OP:
        return after.string in _NOT_OPERANDS  # a name (or True/False/None) is an operand
    return True  # an operator, a closing bracket, ",", ":", "=", the end of the line


def _adjacent(token, following, lines):
    """Whether only whitespace separates the two tokens on their line."""
    between = lines[token.start[0] - 1][token.end[1]:following.start[1]]
    return not between.strip()


def package_of(path):
    """The dotted package a file belongs to (folders with __init__.py), for relative imports."""
    parts, folder = [], os.path.dirname(os.path.abspath(str(path)))
    while os.path.isfile(os.path.join(folder, "__init__.py")):
        parts.insert(0, os.path.basename(folder))
        folder = os.path.dirname(folder)
    return ".".join(parts)


def absolute_module(package, level, module):
    """The module ``from <level dots><module> import`` names, inside *package*
    ("" at top level): ``absolute_module("asyncio", 1, "tasks") == "asyncio.tasks"``."""
    if not level:
        return module or ""
    parts = package.split(".") if package else []
    base = parts[:len(parts) - level + 1] if level <= len(parts) else []
    return ".".join(base + ([module] if module else []))


def unmask(name):
    if "\u0430" not in name:  # the usual case
        return name
    for keyword, placeholder in _PLACEHOLDERS.items():
        name = name.replace(placeholder, keyword)
    return name
