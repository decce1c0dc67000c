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
from libcst import metadata

from asyncio_rosetta.model import exports
from asyncio_rosetta.model.names import walk
from asyncio_rosetta.scan.detectors.calls import holds_coroutines
from asyncio_rosetta.scan.detectors.model import Module
from asyncio_rosetta.versions import DEFAULT_TARGET, NEWEST

__all__ = ["Names", "dotted", "add_imports", "drop_unused"]


class Names:
    def __init__(self, module, package="", target=DEFAULT_TARGET, source=None, tree=None):
        """The names of the LibCST *module*; *source* is its code and *tree*
        its ast, if the caller has them (printing and parsing it again cost time)."""
        self.target = tuple(target)  # the oldest Python the result must run on
        self.parsed, self._positions = module, None
        source = module.code if source is None else source
        self.lines = source.splitlines()
        self.extendable = _from_asyncio_import(module) is not None  # add_imports has a statement to extend
        if tree is None:
            try:
                tree = ast.parse(source)
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                tree = ast.parse("")
        nodes, parents = walk(tree)
        self.scan = Module(nodes, parents, package)  # what scan's detectors ask, on the same tree
        self.model = self.scan.model
        self._nodes_at = {}  # (line, offset, type) -> the nodes that start there (f().g() and f() both do)
        for node in self.scan.parents:
            if isinstance(node, (ast.Name, ast.Call)):
                self._nodes_at.setdefault((node.lineno, node.col_offset, type(node)), []).append(node)
        self.scopes = []  # (kind, node) around the node being visited, innermost last (the pass keeps it)
        self.added = set()  # names spell() adds to the module's ``from asyncio import ...``
        self.unused = set()  # imported names a fixer stopped using: dropped if nothing else uses them
        self.modules = set()  # modules import_module() adds an ``import`` of

    def path(self):
        return tuple("<lambda>" if isinstance(node, libcst.Lambda) else node.name.value for _, node in self.scopes)

    def qualified(self, node):
        """'asyncio.sleep' for ``aio.sleep`` after ``import asyncio as aio``; None
        for what is not a dotted name. ``async`` masked as a name is unmasked."""
        parts = dotted(node)
        return None if parts is None else self.model.resolve(parts, self.path())

    def spelled(self, node):
        """As qualified, but the name as spelled, submodule and all (``asyncio.futures.CancelledError``)."""
        parts = dotted(node)
        return None if parts is None else self.model.resolve(parts, self.path(), canonical=False)

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
        ``name`` added to the module's ``from asyncio import ...``, or else
        ``asyncio.name`` with an ``import asyncio`` added below the module's
        imports (if *record*: the pass adds them; else the caller only asks).
        None where the module binds the name it would need itself."""
        if exports.exported_until(name) != NEWEST:  # gone (coroutine), or not asyncio's
            return None
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
        if self.extendable:
            if record:
                self.added.add(name)
            return name
        asyncio = self.import_module("asyncio", record)
        return asyncio and "{}.{}".format(asyncio, name)

    def import_module(self, module, record=True):
        """The local name of *module* (``import module [as x]``); else, if
        nothing here binds that name, *module*, with an ``import module`` added
        below the module's imports (if *record*); None otherwise."""
        local = self.module(module)
        if local is not None:
            return local
        if self._bound_anywhere(module):
            return None
        if record:
            self.modules.add(module)
        return module

    def holds_coroutines(self, node):
        """Whether *node* (a Name of the module as parsed) is one that scan reports
        ``asyncio.wait()`` of (AR403)."""
        found = self._node_at(node, ast.Name)
        return found is not None and holds_coroutines(found, self.scan)

    def may_be_a_coroutine(self, node):
        """Whether the call *node* (of the module as parsed) may make a coroutine: scan does not
        know it for a Future or a task (``ensure_future(...)``, ``loop.create_task(...)``)."""
        found = self._node_at(node, ast.Call)
        return found is None or not self.scan.is_future(found)  # unknown: wrapped, which a task survives

    def is_current_loop(self, node):
        """Whether *node* (an expression of the module as parsed) is certainly the loop that
        get_event_loop() returns where it is used (scan's model: see Module.is_current_loop)."""
        found = self._node_at(node, (ast.Name, ast.Call))
        return found is not None and self.scan.is_current_loop(found)

    def got(self, node):
        """The dotted name the call *node* (of the module as parsed) reads if it is a
        ``getattr(module, "attr"[, default])`` (scan's model: see Module.got), else ""."""
        found = self._node_at(node, ast.Call)
        return "" if found is None else self.scan.got(found)

    def keywords_go_to(self, node):
        """The dotted name of what receives the keywords of the call *node* (of the module as parsed):
        f for ``functools.partial(f, ...)``, the base class for ``super().__init__(...)``
        (scan's model: see Module.keywords_go_to)."""
        found = self._node_at(node, ast.Call)
        return "" if found is None else self.scan.keywords_go_to(found)

    def _range(self, node):
        """The CodeRange of *node*, of the module as parsed (lines from 1, columns in characters from 0)."""
        if self._positions is None:  # resolved once per file, only when a fixer asks
            wrapper = metadata.MetadataWrapper(self.parsed, unsafe_skip_copy=True)
            self._positions = wrapper.resolve(metadata.PositionProvider)
        return self._positions[node]

    def _offset(self, line, column):
        """The byte offset of character *column* on *line* (ast counts bytes)."""
        text = self.lines[line - 1] if line <= len(self.lines) else ""
        return len(text[:column].encode("utf-8"))

    def _node_at(self, node, kinds):
        """The ast node of one of *kinds* where the LibCST *node* starts (of those, the one where
        it ends: ``f().g()`` and ``f()`` start at the same place): the same source, parsed twice."""
        where = self._range(node)
        kinds = kinds if isinstance(kinds, tuple) else (kinds,)
        start = where.start.line, self._offset(where.start.line, where.start.column)
        found = [each for kind in kinds for each in self._nodes_at.get(start + (kind,), ())]
        if len(found) > 1:
            end = where.end.line, self._offset(where.end.line, where.end.column)
            found = [each for each in found if (each.end_lineno, each.end_col_offset) == end]
        return found[0] if found else None

    def _bound_anywhere(self, name):
        return any(name in scope.imports or name in scope.locals for scope in self.model.scopes.values())



def dotted(node):
    """['a', 'b', 'c'] for the expression ``a.b.c``; None for anything else."""
    if isinstance(node, libcst.Name):
        return [node.value]
    if isinstance(node, libcst.Attribute):
        head = dotted(node.value)
        return head and head + [node.attr.value]
    return None


def _from_asyncio_import(module):
    """The index in *module*'s body of its first ``from asyncio import names`` line, or None."""
    for index, line in enumerate(module.body):
        statement = line.body[0] if isinstance(line, libcst.SimpleStatementLine) else None
        if isinstance(statement, libcst.ImportFrom) and not statement.relative and statement.module is not None \
                and dotted(statement.module) == ["asyncio"] and not isinstance(statement.names, libcst.ImportStar):
            return index
    return None


def add_imports(module, names, modules=()):
    """*module* with *names* added to its first module-level ``from asyncio import
    ...``, and ``import m`` for each of *modules* below its last leading import."""
    for each in sorted(modules):
        module = _import(module, each)
    if not names:
        return module
    index = _from_asyncio_import(module)
    if index is None:
        return module
    body = list(module.body)
    statement = body[index].body[0]
    have = list(statement.names)
    have[-1] = have[-1].with_changes(comma=libcst.Comma(whitespace_after=libcst.SimpleWhitespace(" ")))
    new = [libcst.ImportAlias(name=libcst.Name(name), comma=libcst.Comma(whitespace_after=libcst.SimpleWhitespace(" ")))
           for name in sorted(names)]
    new[-1] = new[-1].with_changes(comma=libcst.MaybeSentinel.DEFAULT)
    body[index] = body[index].with_changes(body=[statement.with_changes(names=have + new)] + list(body[index].body[1:]))
    return module.with_changes(body=body)


def _import(module, name):
    """*module* with ``import name`` after its docstring, ``__future__`` and other imports at the top."""
    body, index = list(module.body), 0
    for position, line in enumerate(body):
        statement = line.body[0] if isinstance(line, libcst.SimpleStatementLine) and line.body else None
        docstring = position == 0 and isinstance(statement, libcst.Expr) and isinstance(
            statement.value, (libcst.SimpleString, libcst.ConcatenatedString))
        if not (docstring or isinstance(statement, (libcst.Import, libcst.ImportFrom))):
            break
        index = position + 1
    body.insert(index, libcst.parse_statement("import {}\n".format(name)))
    return module.with_changes(body=body)


def drop_unused(module, names):
    """*module* without those of *names* that it imports (``from x import name``) and no longer uses."""
    used = _used_names(module)
    unused = {name for name in names if name not in used}
    return module.visit(_DropImports(unused)) if unused else module


def _used_names(module):
    collector = _NamesUsed()
    module.visit(collector)
    return collector.used


class _NamesUsed(libcst.CSTVisitor):
    def __init__(self):
        super().__init__()
        self.used = set()

    def visit_ImportFrom(self, node):
        return False

    def visit_Import(self, node):
        return False

    def visit_Attribute(self, node):  # in x.coroutine, only x is a name in use
        node.value.visit(self)
        return False

    def visit_Name(self, node):
        self.used.add(node.value)


class _DropImports(libcst.CSTTransformer):
    """Removes *names* from ``from ... import`` statements (the statement, if it empties)."""

    def __init__(self, names):
        super().__init__()
        self.names = names

    def leave_ImportFrom(self, original, updated):
        if isinstance(updated.names, libcst.ImportStar):
            return updated
        kept = [a for a in updated.names
                if (a.asname.name.value if a.asname else a.name.value) not in self.names]
        if len(kept) == len(updated.names):
            return updated
        if not kept:
            return libcst.RemoveFromParent()
        kept[-1] = kept[-1].with_changes(comma=libcst.MaybeSentinel.DEFAULT)
        return updated.with_changes(names=kept)
