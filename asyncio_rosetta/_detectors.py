"""Where each hazard's ``detect`` spec matches in a LibCST tree.

One function per detect kind, registered with ``@detector(kind)``; each is
called for the nodes it cares about and yields the hazards (entries of that
kind) that match there. ``find(module_text, hazards)`` returns
``[(line, column, hazard)]``, columns 1-based as linters print them.
"""

import collections

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider, QualifiedNameProvider

from asyncio_rosetta._sources import unmask

__all__ = ["find", "DETECTORS"]

# kind -> (node type, function(node, specs, names) -> matching hazards)
DETECTORS = {}

# Calls that make a task of a coroutine: their result is not a bare coroutine.
_TASK_MAKERS = frozenset({"asyncio.ensure_future", "asyncio.create_task", "asyncio.async", "asyncio.Task"})


def detector(kind, node_type):
    def register(function):
        DETECTORS[kind] = (node_type, function)
        return function
    return register


@detector("decorator", cst.FunctionDef)
def _decorator(node, hazards, names):
    for decorator in node.decorators:
        target = decorator.decorator
        if isinstance(target, cst.Call):
            target = target.func
        found = names(target)
        for hazard in hazards:
            if found & set(hazard.detect["names"]):
                yield decorator, hazard


@detector("call", cst.Call)
def _call(node, hazards, names):
    found = names(node.func)
    for hazard in hazards:
        if found & set(hazard.detect["names"]):
            yield node, hazard


@detector("call-keyword", cst.Call)
def _call_keyword(node, hazards, names):
    keywords = {arg.keyword.value for arg in node.args if arg.keyword is not None}
    found = names(node.func)
    for hazard in hazards:
        if hazard.detect["keyword"] in keywords and found & set(hazard.detect["names"]):
            yield node, hazard


@detector("call-with-coroutines", cst.Call)
def _call_with_coroutines(node, hazards, names):
    found = names(node.func)
    matching = [h for h in hazards if found & set(h.detect["names"])]
    if not matching or not node.args:
        return
    first = node.args[0].value
    if isinstance(first, (cst.List, cst.Tuple, cst.Set)):
        elements = [element.value for element in first.elements]
    elif isinstance(first, (cst.ListComp, cst.SetComp, cst.GeneratorExp)):
        elements = [first.elt]
    else:
        return
    if any(isinstance(e, cst.Call) and not names(e.func) & _TASK_MAKERS for e in elements):
        for hazard in matching:
            yield node, hazard


@detector("reference", (cst.Attribute, cst.Name))
def _reference(node, hazards, names):
    found = names(node)
    for hazard in hazards:
        if found & set(hazard.detect["names"]):
            yield node, hazard


@detector("with-yield-from", cst.WithItem)
def _with_yield_from(node, hazards, names):
    if isinstance(node.item, cst.Yield) and isinstance(node.item.value, cst.From):
        for hazard in hazards:
            yield node, hazard


@detector("with-await", cst.WithItem)
def _with_await(node, hazards, names):
    if isinstance(node.item, cst.Await):
        for hazard in hazards:
            yield node, hazard


class _Visitor(cst.CSTVisitor):
    METADATA_DEPENDENCIES = (PositionProvider, QualifiedNameProvider)

    def __init__(self, by_type):
        super().__init__()
        self.by_type = by_type  # node type -> [(function, hazards)]
        self.found = []

    def on_visit(self, node):
        for node_type, checks in self.by_type.items():
            if isinstance(node, node_type):
                for function, hazards in checks:
                    for where, hazard in function(node, hazards, self._names):
                        start = self.get_metadata(PositionProvider, where).start
                        self.found.append((start.line, start.column + 1, hazard))
        return True

    def _names(self, node):
        qualified = self.get_metadata(QualifiedNameProvider, node, set())
        return {unmask(name.name) for name in qualified}


def find(module, hazards):
    """[(line, column, hazard)] for every match of *hazards* in the parsed *module*."""
    by_kind = collections.defaultdict(list)
    for hazard in hazards:
        by_kind[hazard.detect["kind"]].append(hazard)
    by_type = collections.defaultdict(list)
    for kind, matching in by_kind.items():
        if kind in DETECTORS:
            node_type, function = DETECTORS[kind]
            by_type[node_type].append((function, matching))
    visitor = _Visitor(dict(by_type))
    MetadataWrapper(module, unsafe_skip_copy=True).visit(visitor)
    unique = {(line, column, hazard.id): (line, column, hazard) for line, column, hazard in visitor.found}
    return [unique[key] for key in sorted(unique)]
