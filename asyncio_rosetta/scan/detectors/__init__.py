"""Where each hazard's ``detect`` spec matches in a module's syntax tree.

One function per detect kind, registered with ``@detector(kind, node types)``
(``registry``), or, for the many kinds that are "a call to one of the names,
where ...", by ``calls``/``method_calls`` with that condition (``calls``); it
is called for each node of those types with the hazards of its kind and
yields ``(node, hazard)`` for every match. Names are resolved through the
module's imports (``import asyncio as aio``, ``from asyncio import coroutine``,
relative imports inside a package), so ``aio.async`` is ``asyncio.async``
(``model``).

    find(tree, lines, hazards, package)  # -> [(line, column, hazard)], columns 1-based

The tree is the standard library's ``ast`` of the source with ``async`` names
masked (see ``sources``): it parses legacy files on any interpreter, in C.
The detectors live by what they match: ``references`` (decorators, names),
``calls``, ``loop_shutdown`` (run_until_complete without asyncio.run's
cleanup), ``awaiting`` (with, async for, await, yield from), ``driving``
(next/send on a legacy coroutine) and ``try_blocks``.
"""

import ast

# Imported for their registrations.
from asyncio_rosetta.scan.detectors import awaiting, calls, driving, loop_shutdown, references, try_blocks  # noqa: F401
from asyncio_rosetta.model import exports
from asyncio_rosetta.model.names import walk
from asyncio_rosetta.scan.detectors.model import Module
from asyncio_rosetta.scan.detectors.registry import DETECTORS, OfKind, detector
from asyncio_rosetta.scan.detectors.registry import NOT_IN_TREE as _NOT_IN_TREE

__all__ = ["find", "hidden_note", "DETECTORS", "detector"]


def find(tree, lines, hazards, package="", notes=None, hidden=None):
    """[(line, column, hazard)] for every match of *hazards* in *tree*, sorted.
    *lines* are the (masked) source lines, to turn byte offsets into columns.
    A star import that hides what names are is noted in *notes* (a list of (line, message)),
    or, given the list *hidden*, put there as (module, line, [names]) for the caller to note."""
    by_type = _by_node_type(hazards)
    nodes, parents = walk(tree)  # walked once: walking is most of a scan's time
    names = Module(nodes, parents, package)
    if hidden is not None:
        hidden += _hidden(names.model, nodes)
    elif notes is not None:
        notes += [(line, hidden_note(module, read)) for module, line, read in _hidden(names.model, nodes) if read]
    found = {}
    for node in nodes:
        for function, of_kind in by_type.get(type(node), ()):
            for where, hazard in function(node, of_kind, names):
                line, column = where.lineno, _column(lines, where, node)
                found[line, column, hazard.id] = (line, column, hazard)
    return [found[key] for key in sorted(found)]


def _hidden(model, nodes):
    """(module, line, [names]) for each star import of a module other than
    asyncio's: the names that asyncio exports which the module reads and
    nothing here binds (that import may bind them, and scan reports nothing
    about them; none: nothing to say)."""
    stars = model.hidden_by()
    if not stars:
        return []
    exported = exports.star("asyncio")
    read = sorted({node.id for node in nodes if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)
                   and node.id in exported and model.binding(node.id, model.path(node)) is None})
    return [(module, line, read) for module, line in stars]


def hidden_note(module, names):
    """The note on ``from module import *`` that may bind *names* (see _hidden)."""
    return "from {} import * hides what it binds: {} may be asyncio's, and are not reported".format(
        module, ", ".join(sorted(names)))


def _by_node_type(hazards):
    """node type -> [(detector function, the hazards of its kind)]."""
    by_type = {}
    for kind in {hazard.detect["kind"] for hazard in hazards} - _NOT_IN_TREE:
        if kind not in DETECTORS:  # syntax this parser cannot produce (except* before 3.11)
            continue
        node_types, function = DETECTORS[kind]
        of_kind = OfKind(hazard for hazard in hazards if hazard.detect["kind"] == kind)
        for node_type in node_types:
            by_type.setdefault(node_type, []).append((function, of_kind))
    return by_type


def _column(lines, where, node):
    """The 1-based column, in characters, of the match *where* (a node in or of
    *node*): a decorator's is its "@"."""
    line = where.lineno
    text = lines[line - 1] if line <= len(lines) else ""
    column = len(text.encode("utf-8")[:where.col_offset].decode("utf-8", "replace")) + 1
    if isinstance(where, ast.expr) and where in getattr(node, "decorator_list", ()):
        column -= 1  # point at the "@"
    return column
