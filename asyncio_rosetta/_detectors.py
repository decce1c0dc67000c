"""Where each hazard's ``detect`` spec matches in a module's syntax tree.

One function per detect kind, registered with ``@detector(kind, node types)``;
it is called for each node of those types with the hazards of its kind and
yields ``(node, hazard)`` for every match. Names are resolved through the
module's imports (``import asyncio as aio``, ``from asyncio import coroutine``,
relative imports inside a package), so ``aio.async`` is ``asyncio.async``.

    find(tree, lines, hazards, package)  # -> [(line, column, hazard)], columns 1-based

The tree is the standard library's ``ast`` of the source with ``async`` names
masked (see ``_sources``): it parses legacy files on any interpreter, in C.
"""

import ast

from asyncio_rosetta._sources import unmask

__all__ = ["find", "DETECTORS"]

# kind -> (node types, function(node, hazards, names) -> (node, hazard)...)
DETECTORS = {}

# Calls that make a task of a coroutine: what they return is not a bare coroutine.
_TASK_MAKERS = frozenset({"asyncio.ensure_future", "asyncio.create_task", "asyncio.async", "asyncio.Task"})


def detector(kind, *node_types):
    def register(function):
        DETECTORS[kind] = (node_types, function)
        return function
    return register


def _matching(hazards, name):
    return [hazard for hazard in hazards if name in hazard.detect["names"]]


@detector("decorator", ast.FunctionDef, ast.AsyncFunctionDef)
def _decorator(node, hazards, names):
    for decorator in node.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        for hazard in _matching(hazards, names(target)):
            yield decorator, hazard


@detector("call", ast.Call)
def _call(node, hazards, names):
    for hazard in _matching(hazards, names(node.func)):
        yield node, hazard


@detector("call-keyword", ast.Call)
def _call_keyword(node, hazards, names):
    keywords = {keyword.arg for keyword in node.keywords}
    for hazard in _matching(hazards, names(node.func)):
        if hazard.detect["keyword"] in keywords:
            yield node, hazard


@detector("call-with-coroutines", ast.Call)
def _call_with_coroutines(node, hazards, names):
    matching = _matching(hazards, names(node.func))
    if not matching or not node.args:
        return
    first = node.args[0]
    if isinstance(first, (ast.List, ast.Tuple, ast.Set)):
        elements = first.elts
    elif isinstance(first, (ast.ListComp, ast.SetComp, ast.GeneratorExp)):
        elements = [first.elt]
    else:
        return
    if any(isinstance(e, ast.Call) and names(e.func) not in _TASK_MAKERS for e in elements):
        for hazard in matching:
            yield node, hazard


@detector("reference", ast.Attribute, ast.Name, ast.ImportFrom)
def _reference(node, hazards, names):
    if isinstance(node, ast.ImportFrom):
        for alias in node.names:
            for hazard in _matching(hazards, "{}.{}".format(names.module_of(node), alias.name)):
                yield node, hazard
    else:
        for hazard in _matching(hazards, names(node)):
            yield node, hazard


@detector("with-yield-from", ast.withitem)
def _with_yield_from(node, hazards, names):
    if isinstance(node.context_expr, ast.YieldFrom):
        for hazard in hazards:
            yield node.context_expr, hazard


@detector("with-await", ast.withitem)
def _with_await(node, hazards, names):
    if isinstance(node.context_expr, ast.Await):
        for hazard in hazards:
            yield node.context_expr, hazard


class _Names:
    """Dotted names of expressions, through the module's imports."""

    def __init__(self, nodes, package):
        self.package = package
        self.aliases = {}
        for node in nodes:
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.asname:
                        self.aliases[alias.asname] = alias.name
                    else:
                        top = alias.name.split(".")[0]
                        self.aliases[top] = top
            elif isinstance(node, ast.ImportFrom):
                module = self.module_of(node)
                for alias in node.names:
                    self.aliases[alias.asname or alias.name] = "{}.{}".format(module, alias.name)

    def module_of(self, node):
        """The absolute module an ImportFrom names (relative ones within *package*)."""
        if not node.level:
            return node.module or ""
        parts = self.package.split(".") if self.package else []
        base = parts[:len(parts) - node.level + 1] if node.level <= len(parts) else []
        return ".".join(base + ([node.module] if node.module else []))

    def __call__(self, node):
        if isinstance(node, ast.Name):
            return unmask(self.aliases.get(node.id, node.id))
        if isinstance(node, ast.Attribute):
            return "{}.{}".format(self(node.value), unmask(node.attr))
        return ""


def find(tree, lines, hazards, package=""):
    """[(line, column, hazard)] for every match of *hazards* in *tree*, sorted.
    *lines* are the (masked) source lines, to turn byte offsets into columns."""
    by_type = {}
    for kind in {hazard.detect["kind"] for hazard in hazards}:
        node_types, function = DETECTORS[kind]
        of_kind = [hazard for hazard in hazards if hazard.detect["kind"] == kind]
        for node_type in node_types:
            by_type.setdefault(node_type, []).append((function, of_kind))
    nodes = list(ast.walk(tree))  # walked once: ast.walk is most of a scan's time
    names = _Names(nodes, package)
    found = {}
    for node in nodes:
        for function, of_kind in by_type.get(type(node), ()):
            for where, hazard in function(node, of_kind, names):
                line = where.lineno
                text = lines[line - 1] if line <= len(lines) else ""
                column = len(text.encode("utf-8")[:where.col_offset].decode("utf-8", "replace")) + 1
                if isinstance(where, ast.expr) and where in getattr(node, "decorator_list", ()):
                    column -= 1  # point at the "@"
                found[line, column, hazard.id] = (line, column, hazard)
    return [found[key] for key in sorted(found)]
