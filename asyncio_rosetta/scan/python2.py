"""Reading Python 2-era lines as Python 3, so that the asyncio code around them is scanned.

    >>> import ast
    >>> tree, notes = read_as_python3('print "x"\\nimport asyncio\\n', ast.parse)
    >>> notes
    [(1, 'Python 2 print statement')]

When the parser stops on a line, that line alone is rewritten, keeping its
length (every other line and column stays where it was), and the file is
parsed again: ``print "x"`` becomes ``print;"x"``, ``except E, e:`` becomes
``except E   :``, backquotes become parentheses, and so on (RULES). A line no
rule changes ends it: the parser's error is raised, as it first read on that
line. Each rewrite costs a parse of the whole file, so after LIMIT lines it
gives up too.

The rules read the line itself, not tokens: 3.12+'s tokenizer rejects some
of these lines (3.14: ``ur"x"``), and one line needs no more than knowing
which characters are inside strings or a comment (_code_of).
"""

import re

from asyncio_rosetta.scan.sources import source_lines

__all__ = ["read_as_python3", "repair", "RULES", "LIMIT"]

# Lines rewritten in one file before giving up: each costs a parse of the file
# up to that line. The Python 2.7 standard library, measured: 512 of its 1369
# files read this way (17 still cannot be parsed), at most 87 lines in one;
# 81 s of CPU instead of 9 s.
LIMIT = 100

# A string literal (any prefix, possibly unterminated on this line) or a comment.
_STRING_OR_COMMENT = re.compile(r"""
    (?P<triple>'''|\"\"\")(?:\\.|(?!(?P=triple)).)*(?:(?P=triple)|$)
  | (?P<single>['"])(?:\\.|(?!(?P=single)).)*(?:(?P=single)|$)
  | \#.*
""", re.VERBOSE)

# A statement keyword at the start of a statement (line start, or after ":" or ";").
_STATEMENT = r"(?:^|(?<=[:;]))[ \t]*"


def _code_of(line):
    """*line* with the inside of its strings and its comment blanked (quotes and
    prefixes stay), so that rules see only code; same length."""
    def blank(match):
        text = match.group(0)
        if text.startswith("#"):
            return " " * len(text)
        quote = match.group("triple") or match.group("single")
        inside = len(text) - len(quote) - (len(quote) if text.endswith(quote) and len(text) >= 2 * len(quote) else 0)
        return quote + "_" * inside + text[len(quote) + inside:]
    return _STRING_OR_COMMENT.sub(blank, line)


def _depth0(code, start, characters):
    """Index of the first of *characters* at bracket depth 0 from *start*, or -1."""
    depth = 0
    for index in range(start, len(code)):
        char = code[index]
        if depth == 0 and char in characters:
            return index
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
    return -1


def _bare_statement(word):
    """print "x" -> print;"x" (also exec "code"): the space after the word becomes
    ";", leaving the bare name and then an expression statement. Only before
    what cannot follow a name in Python 3 (a name, number, string, `, {, ~, or
    a backslash that continues the statement on the next line)."""
    pattern = re.compile(_STATEMENT + word + r"([ \t])(?=[ \t]*(?!(?:in|is|and|or|if|else|for)\b)[\w\"'`{~\\])")
    return lambda code: [(match.start(1), ";") for match in pattern.finditer(code)]


def _except_comma(code):
    """except E, e: -> except E   : (the name is left out)."""
    match = re.match(r"[ \t]*except\b", code)
    if match is None:
        return []
    comma = _depth0(code, match.end(), ",:")
    if comma < 0 or code[comma] != ",":
        return []
    colon = _depth0(code, comma, ":")
    return [(comma, " " * ((colon if colon >= 0 else len(code.rstrip())) - comma))]


def _raise_comma(code):
    """raise E, "msg" -> raise E; "msg" (the message becomes an expression statement)."""
    edits = []
    for match in re.finditer(_STATEMENT + r"raise\b", code):
        comma = _depth0(code, match.end(), ",;")
        if comma >= 0 and code[comma] == ",":
            edits.append((comma, ";"))
    return edits


def _backquotes(code):
    """`x` -> (x): repr() in Python 2."""
    ticks = [index for index, char in enumerate(code) if char == "`"]
    if len(ticks) % 2:
        return []
    return [(index, "(" if number % 2 == 0 else ")") for number, index in enumerate(ticks)]


def _not_equal(code):
    return [(match.start(), "!=") for match in re.finditer(r"<>", code)]


def _octal(code):
    """0777 -> ' 777' (the leading zeros become spaces; the value does not matter to a scan)."""
    return [(match.start(), " " * len(match.group(1))) for match in re.finditer(
        r"(?<![\w.])(0+)[0-9]*[1-9][0-9]*(?![\w.])", code)]


def _long(code):
    """10L -> '10 '."""
    return [(match.end() - 1, " ") for match in re.finditer(
        r"(?<![\w.])(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|[0-9]+)[lL](?!\w)", code)]


def _ur_prefix(code):
    """ur"x" -> ' r"x"'."""
    return [(match.start(), " ") for match in re.finditer(r"(?<!\w)[uU](?=[rR][\"'])", code)]


# (what the note says, rule): each rule returns [(index, replacement)] on the
# line's code (_code_of); a replacement is as long as what it replaces. In
# this order, so that one pass rewrites 0777L (long, then octal).
RULES = (
    ("print statement", _bare_statement("print")),
    ("exec statement", _bare_statement("exec")),
    ("except clause (except E, e:)", _except_comma),
    ("raise statement (raise E, msg)", _raise_comma),
    ("backquotes (`x`)", _backquotes),
    ("<> operator", _not_equal),
    ("long integer (10L)", _long),
    ("octal integer (0777)", _octal),
    ("ur string prefix", _ur_prefix),
)


def repair(line):
    """(*line* rewritten, [what each rule that changed it says]); same length."""
    said = []
    for description, rule in RULES:
        code = _code_of(line)
        edits = rule(code)
        rewritten = line
        for index, replacement in edits:
            rewritten = rewritten[:index] + replacement + rewritten[index + len(replacement):]
        if rewritten != line:
            line = rewritten
            said.append(description)
    return line, said


class TooMuchPython2(SyntaxError):
    """More than LIMIT lines needed rewriting; lineno and offset are the first error's."""


def read_as_python3(text, parse, limit=LIMIT):
    """(parse(text'), [(line, what was read as Python 3)]) where text' is *text*
    with each line the parser stopped on rewritten by RULES. Raises the
    parser's SyntaxError as it first read on the line that no rule changes,
    or TooMuchPython2 once *limit* lines are rewritten and it still stops."""
    said_at, first_errors, rewrites = {}, {}, 0
    while True:
        try:
            return parse(text), sorted((line, "Python 2 " + ", ".join(said)) for line, said in said_at.items())
        except SyntaxError as error:
            first = first_errors.setdefault(error.lineno, error)
            lines = source_lines(text)
            if not error.lineno or not 0 < error.lineno <= len(lines):
                raise first
            rewritten, said = repair(lines[error.lineno - 1])
            if not said:
                raise first
            if rewrites == limit:
                start = min(first_errors.values(), key=lambda error: error.lineno)
                raise TooMuchPython2("more than {} lines to read as Python 3; the first: {}".format(
                    limit, start.msg), (start.filename, start.lineno, start.offset, start.text))
            lines[error.lineno - 1] = rewritten
            text = "".join(lines)
            rewrites += 1
            said_at.setdefault(error.lineno, []).extend(said)
