"""Detectors of try statements: ``except-handler`` (a handler catching one of the
names, in a coroutine where the try body suspends, or before a handler for
what the detect spec names as "before"), ``return-in-finally`` and, where the
parser knows it (3.11+), ``except-star``.
"""

import ast

from asyncio_rosetta.scan.detectors.model import own_statements
from asyncio_rosetta.scan.detectors.registry import detector

__all__ = []


@detector("except-handler", ast.Try)
def _except_handler(node, hazards, names):
    for index, handler in enumerate(node.handlers):
        caught = _caught(handler, names)
        for hazard in hazards:
            if caught & set(hazard.detect["names"]) and _matters(hazard, node, index, names):
                yield handler, hazard


def _matters(hazard, node, index, names):
    """Whether catching the hazard's names in handler *index* of the try *node* is the hazard."""
    before = hazard.detect.get("before")
    if before is not None:
        return any(before in _caught(later, names) for later in node.handlers[index + 1:])
    return names.in_coroutine(node) and _suspends(node.body)


def _caught(handler, names):
    kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return {names(kind) for kind in kinds if kind is not None}


def _suspends(statements):
    return any(isinstance(n, (ast.Await, ast.YieldFrom)) for s in statements for n in ast.walk(s))


@detector("return-in-finally", ast.Try)
def _return_in_finally(node, hazards, names):
    for statement in own_statements(node.finalbody):
        if isinstance(statement, (ast.Return, ast.Break, ast.Continue)):
            for hazard in hazards:
                yield statement, hazard


# except* is 3.11 syntax: ast.TryStar exists only there.
if hasattr(ast, "TryStar"):
    @detector("except-star", ast.TryStar)
    def _except_star(node, hazards, names):
        for handler in node.handlers:
            for hazard in hazards:
                yield handler, hazard
