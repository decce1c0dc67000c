"""What a name in a module stands for, and how to write one of asyncio's there:
the fixers' view of the shared model (``model.names``), asked about LibCST nodes.

    >>> names = Names(libcst.parse_module("import asyncio as aio\\nfrom asyncio import sleep\\n"))
    >>> names.qualified(libcst.parse_expression("aio.Task.all_tasks"))
    'asyncio.Task.all_tasks'
    >>> names.qualified(libcst.parse_expression("sleep")), names.spell("new_event_loop")
    ('asyncio.sleep', 'aio.new_event_loop')

A name is resolved in the scope the pass is in (``scopes``, the functions,
lambdas and classes around the node, kept by the pass), as scan resolves it.
"""

import ast

import libcst

from asyncio_rosetta.model import exports
from asyncio_rosetta.model.names import walk
from asyncio_rosetta.scan.detectors.calls import holds_coroutines
from asyncio_rosetta.scan.detectors.model import Module
from asyncio_rosetta.versions import NEWEST

__all__ = ["Names", "dotted", "add_imports"]


class Names:
    def __init__(self, module, package=""):
        self.lines = module.code.splitlines()
        try:
            tree = ast.parse(module.code)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            tree = ast.parse("")
        nodes, parents = walk(tree)
        self.scan = Module(nodes, parents, package)  # what scan's detectors ask, on the same tree
        self.model = self.scan.model
        self._names_at = None
        self.scopes = []  # (kind, node) around the node being visited, innermost last (the pass keeps it)
        self.added = set()  # names spell() adds to the module's ``from asyncio import ...``

    def path(self):
        return tuple("<lambda>" if isinstance(node, libcst.Lambda) else node.name.value for _, node in self.scopes)

    def qualified(self, node):
        """'asyncio.sleep' for ``aio.sleep`` after ``import asyncio as aio``; None
        for what is not a dotted name. ``async`` masked as a name is unmasked."""
        parts = dotted(node)
        return None if parts is None else self.model.resolve(parts, self.path())

    def module(self, name):
        """The local name bound to module *name* by ``import name [as x]``, or None."""
        return self.model.module(name)

    def imported(self, name):
        """Whether the module scope binds *name* by an import (not a star one)."""
        return self.model.imported(name)

    def spell(self, name, record=True):
        """How to write asyncio's *name* anywhere in the module, as the module
        writes asyncio: ``aio.name`` (``import asyncio as aio``), the local name
        of ``from asyncio import name``, ``name`` after ``from asyncio import *``
        (if every Python still exports it and nothing here binds it); else
        ``name`` added to the module's ``from asyncio import ...`` (if *record*:
        the pass adds it; else the caller only asks). None if none of these can
        be done."""
        asyncio = self.module("asyncio")
        if asyncio is not None:
            return "{}.{}".format(asyncio, name)
        wanted = "asyncio." + name
        for local, imports in sorted(self.model.scopes[()].imports.items()):
            if exports.canonical(imports[0][1]) == wanted:
                return local
        if self._bound_anywhere(name):
            return None
        if any(module == "asyncio" for module, _ in self.model.stars) and exports.exported_until(name) == NEWEST:
            return name
        if self._from_asyncio_import():
            if record:
                self.added.add(name)
            return name
        return None

    def holds_coroutines(self, line, column):
        """Whether the name at *line*, *column* (LibCST's position: characters
        from 0) is one that scan reports ``asyncio.wait()`` of (AR403)."""
        if self._names_at is None:
            self._names_at = {(node.lineno, node.col_offset): node for node in self.scan.parents
                              if isinstance(node, ast.Name)}
        text = self.lines[line - 1] if line <= len(self.lines) else ""
        node = self._names_at.get((line, len(text[:column].encode("utf-8"))))  # ast counts bytes
        return node is not None and holds_coroutines(node, self.scan)

    def _bound_anywhere(self, name):
        return any(name in scope.imports or name in scope.locals for scope in self.model.scopes.values())

    def _from_asyncio_import(self):
        return any(qualified.startswith("asyncio.") and qualified.count(".") == 1
                   for imports in self.model.scopes[()].imports.values() for _, qualified in imports)


def dotted(node):
    """['a', 'b', 'c'] for the expression ``a.b.c``; None for anything else."""
    if isinstance(node, libcst.Name):
        return [node.value]
    if isinstance(node, libcst.Attribute):
        head = dotted(node.value)
        return head and head + [node.attr.value]
    return None


def add_imports(module, names):
    """*module* with *names* added to its first module-level ``from asyncio import ...``."""
    body = list(module.body)
    for index, line in enumerate(body):
        statement = line.body[0] if isinstance(line, libcst.SimpleStatementLine) else None
        if isinstance(statement, libcst.ImportFrom) and not statement.relative \
                and dotted(statement.module) == ["asyncio"] and not isinstance(statement.names, libcst.ImportStar):
            have = list(statement.names)
            have[-1] = have[-1].with_changes(comma=libcst.Comma(whitespace_after=libcst.SimpleWhitespace(" ")))
            new = [libcst.ImportAlias(name=libcst.Name(name), comma=libcst.Comma(
                whitespace_after=libcst.SimpleWhitespace(" "))) for name in sorted(names)]
            new[-1] = new[-1].with_changes(comma=libcst.MaybeSentinel.DEFAULT)
            body[index] = line.with_changes(body=[statement.with_changes(names=have + new)] + list(line.body[1:]))
            return module.with_changes(body=body)
    return module
