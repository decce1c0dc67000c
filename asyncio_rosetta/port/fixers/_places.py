"""Each LibCST def matched to its ast twin: the path of names to it and its rank among the defs there.

    keys = places(module)                      # {libcst.FunctionDef: (("Client", "fetch"), 0)}
    twins = function_keys(scan.model)          # {ast def: the same key} (model.functions)

Fixers ask the shared ast model (model.functions, scan's Module) which
functions are coroutines or run inside a loop, and find the LibCST nodes of
those functions by their place.
"""

import collections

import libcst

__all__ = ["places"]


def places(module):
    """{LibCST FunctionDef: (path of names, rank)} for every def of *module*."""
    visitor = _Places()
    module.visit(visitor)
    return visitor.keys


class _Places(libcst.CSTVisitor):
    """Each def's place: the path of names to it and its rank among the defs there,
    in source order, as model.functions.function_keys gives them for the ast."""

    def __init__(self):
        super().__init__()
        self.path, self.keys, self.seen = [], {}, collections.Counter()

    def visit_FunctionDef(self, node):
        path = tuple(self.path) + (node.name.value,)
        self.keys[node] = (path, self.seen[path])
        self.seen[path] += 1
        self.path.append(node.name.value)

    def leave_FunctionDef(self, node):
        self.path.pop()

    def visit_ClassDef(self, node):
        self.path.append(node.name.value)

    leave_ClassDef = leave_FunctionDef

    def visit_Lambda(self, node):
        self.path.append("<lambda>")

    def leave_Lambda(self, node):
        self.path.pop()
