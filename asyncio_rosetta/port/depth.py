"""How deep a module is for port's parser: what LibCST cannot take is found before it is handed over.

    >>> too_deep("x = " + " + ".join(["1"] * 1000) + "\\n")
    'the expression at line 1 nests 1002 deep, port takes 280'

LibCST parses natively, then visits and prints its tree by recursing in
Python, a few frames per level of the tree: a 400-term ``1 + 1 + ...``
raised RecursionError, and its native parser crashed the process (SIGSEGV)
on about 1,300 nested brackets or a chain of about 6,000 terms (libcst
1.9.0, 3.9-3.14). So port first reads the module with the standard
library's ``ast`` (in C), and estimates from it, walking iteratively, how
deep the tree LibCST would build is: each ast edge counts the LibCST levels
it becomes (an argument is wrapped in an ``Arg``, a block in an
``IndentedBlock``, ``a and b and c`` and ``"a" "b" "c"`` nest where ast
keeps one node). A module this Python cannot parse is measured by its
tokens: its brackets and its longest logical line.
"""

import ast
import tokenize

from asyncio_rosetta.scan.sources import source_lines

__all__ = ["measure", "too_deep", "estimate", "LIMIT", "BRACKETS", "TOKENS"]

# The deepest estimated LibCST tree port takes. Measured on 3.9-3.14 (shapes
# of every kind, alone and mixed: sums, chains, nested calls, subscripts,
# lists, elif, lambda, and, strings, comprehensions), LibCST raised
# RecursionError from an estimate of 323-330 on, called from a script (10
# frames under it; pytest has 34); 280 leaves 130 frames for what runs under port.
LIMIT = 280
# Nested brackets: CPython's tokenizer takes 200 (its MAXLEVEL), LibCST's
# parser crashed from about 1,300.
BRACKETS = 200
# The tokens of one logical line of a module this Python cannot parse: a
# chain of 6,000 terms (12,000 tokens) crashed LibCST's parser.
TOKENS = 5000

# LibCST levels an ast edge becomes where not one: (ast type, field) -> levels.
_EDGES = {
    ("Call", "args"): 2,                   # Arg
    ("ClassDef", "bases"): 2,              # Arg
    ("List", "elts"): 2,                   # Element
    ("Tuple", "elts"): 2,
    ("Set", "elts"): 2,
    ("Dict", "keys"): 2,                   # DictElement
    ("Dict", "values"): 2,
    ("Subscript", "slice"): 3,             # SubscriptElement, Index
    ("Compare", "comparators"): 2,         # ComparisonTarget
    ("YieldFrom", "value"): 2,             # Yield, From
    ("Assign", "targets"): 2,              # AssignTarget
    ("FunctionDef", "decorator_list"): 2,  # Decorator
    ("AsyncFunctionDef", "decorator_list"): 2,
    ("ClassDef", "decorator_list"): 2,
    ("FunctionDef", "returns"): 2,         # Annotation
    ("AsyncFunctionDef", "returns"): 2,
    ("arg", "annotation"): 2,
    ("AnnAssign", "annotation"): 2,
    ("arguments", "defaults"): 2,          # Param
    ("arguments", "kw_defaults"): 2,
    ("withitem", "optional_vars"): 2,      # AsName
    ("comprehension", "ifs"): 2,           # CompIf
}
# The wrappers of a block's statements: IndentedBlock, and Else or Finally before it.
_BLOCKS = {"body": 1, "handlers": 0, "orelse": 2, "finalbody": 2}
_COMPOUND = (ast.If, ast.For, ast.AsyncFor, ast.While, ast.Try, ast.With, ast.AsyncWith, ast.FunctionDef,
             ast.AsyncFunctionDef, ast.ClassDef) + tuple(getattr(ast, name) for name in ("TryStar", "Match")
                                                         if hasattr(ast, name))
_LEAVES = (ast.expr_context, ast.operator, ast.unaryop, ast.cmpop, ast.boolop)
_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)


def too_deep(source):
    """Why LibCST cannot take *source* (its async names masked), in words; None if it can."""
    return measure(source)[1]


def measure(source):
    """(its ast or None, why LibCST cannot take it or None) for *source*: the
    tree is parsed anyway, and port's name model reads it."""
    try:
        tree = ast.parse(source)
    except (RecursionError, MemoryError) as exc:
        return None, "this Python's own parser gave up: {}".format(type(exc).__name__)
    except SyntaxError as exc:
        if "too many nested parentheses" in str(exc.msg):
            return None, "more than {} nested brackets at line {}".format(BRACKETS, exc.lineno)
        return None, _by_tokens(source)
    except ValueError:
        return None, None  # what LibCST makes of it, port reports
    depth, line, statement = estimate(tree, source)
    if depth > LIMIT:
        return tree, "the {} at line {} nests {} deep, port takes {}".format(
            "statement" if statement else "expression", line, depth, LIMIT)
    return tree, None


def estimate(tree, source):
    """(depth, line, whether a statement): how deep the LibCST tree of *source*
    (whose ast is *tree*) is estimated to be, and where it is deepest. The
    depth counts the frames LibCST's visitor spends going down (three per
    level of its tree, one more per list it walks), in levels: frames / 3."""
    lines = source_lines(source)
    deepest, line, statement = 0, 1, True
    pending = [(tree, 0)]
    while pending:
        node, frames = pending.pop()
        if isinstance(node, (ast.Constant, ast.JoinedStr)):
            frames += 3 * (_concatenated(node, lines, frames // 3) - 1)
        if frames > deepest:
            deepest, line, statement = frames, getattr(node, "lineno", 1), isinstance(node, ast.stmt)
        for field, value in ast.iter_fields(node):
            listed = isinstance(value, list)
            for index, child in enumerate(value if listed else [value]):
                if isinstance(child, ast.AST) and not isinstance(child, _LEAVES):
                    levels, lists = _levels(node, field, index, child, listed, lines)
                    pending.append((child, frames + 3 * levels + lists))
    return deepest // 3, line, statement


def _levels(node, field, index, child, listed, lines):
    """(levels, lists): the LibCST levels from *node* down to *child* (the
    *index*-th in its *field*, a list if *listed*), and the lists walked on the way."""
    if isinstance(child, (ast.stmt, ast.excepthandler)):
        if field == "orelse" and isinstance(node, ast.If) and _is_elif(child, lines):
            return 1, 0  # LibCST: If.orelse is the If itself
        simple = not isinstance(child, _COMPOUND + (ast.excepthandler,))  # in a SimpleStatementLine
        wrappers = 0 if isinstance(node, ast.Module) else _BLOCKS.get(field, 1)
        return 1 + wrappers + simple, 1 + simple
    if isinstance(node, ast.BoolOp):
        return len(node.values), 0  # a and b and c: BooleanOperation(BooleanOperation(a, b), c)
    if isinstance(node, _COMPREHENSIONS) and field == "generators":
        return index + 1, 0  # each for nests in the one before
    return _EDGES.get((type(node).__name__, field), 1), int(listed or field == "slice")  # slice: LibCST's is a list


def _is_elif(node, lines):
    text = lines[node.lineno - 1] if node.lineno <= len(lines) else ""
    return text.encode("utf-8")[node.col_offset:].startswith(b"elif")


def _concatenated(node, lines, depth):
    """How many string literals make the string *node* ("a" "b" is two: a
    ConcatenatedString); counted exactly only where it could matter."""
    if isinstance(node, ast.Constant) and not isinstance(node.value, (str, bytes)):
        return 1
    segment = _segment(node, lines)
    most = (segment.count('"') + segment.count("'")) // 2
    if most <= 1:
        return 1
    if depth + most <= LIMIT:
        return most if isinstance(node, ast.JoinedStr) else 1  # a constant has nothing below it
    strings = (tokenize.STRING, getattr(tokenize, "FSTRING_START", None))
    return max(1, sum(token.type in strings for token in _tokens("(" + segment + ")")))


def _segment(node, lines):
    """The source of *node* (ast columns count UTF-8 bytes)."""
    first, last = node.lineno - 1, node.end_lineno - 1
    if first == last:
        return lines[first].encode("utf-8")[node.col_offset:node.end_col_offset].decode("utf-8", "replace")
    return (lines[first].encode("utf-8")[node.col_offset:].decode("utf-8", "replace") + "".join(lines[first + 1:last])
            + lines[last].encode("utf-8")[:node.end_col_offset].decode("utf-8", "replace"))


def _by_tokens(source):
    """For a module this Python cannot parse: too many nested brackets, or a logical line too long."""
    depth = tokens = 0
    for token in _tokens(source):
        if token.type == tokenize.OP and token.string in ("(", "[", "{"):
            depth += 1
            if depth > BRACKETS:
                return "more than {} nested brackets at line {}".format(BRACKETS, token.start[0])
        elif token.type == tokenize.OP and token.string in (")", "]", "}"):
            depth -= 1
        tokens = 0 if token.type == tokenize.NEWLINE else tokens + 1
        if tokens > TOKENS:
            return "a logical line of more than {} tokens at line {}".format(TOKENS, token.start[0])
    return None  # LibCST's parser, or this Python's, says what is wrong


def _tokens(source):
    """tokenize's tokens of *source*, as far as it gets. A lone "\\r" ends a
    line, as in the parser, and is read as "\\n" (3.12+'s tokenizer raised
    UnicodeDecodeError on a "\\r" inside a line before a masked async, whose
    placeholder is two bytes); on damaged text 3.12+'s tokenizer raises more
    than TokenError (SystemError on a NUL)."""
    lines = iter([line[:-1] + "\n" if line.endswith("\r") else line for line in source_lines(source)])
    tokens = tokenize.generate_tokens(lambda: next(lines, ""))
    while True:
        try:
            yield next(tokens)
        except StopIteration:
            return
        except (tokenize.TokenError, SyntaxError, UnicodeError, SystemError):
            return
