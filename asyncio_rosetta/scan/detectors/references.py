"""Detectors of a name wherever it is used: ``decorator`` (``@name`` or
``@name(...)`` on a function, or ``name(f)``, the decorator applied by hand), ``reference`` (an attribute, a name, or a
``from module import name``) and ``submodule-name`` (the same, by the name as
spelled, for what a submodule no longer has: ``asyncio.futures.CancelledError``).
"""

import ast

from asyncio_rosetta.model.exports import canonical
from asyncio_rosetta.scan.detectors.registry import detector, matching

__all__ = []


@detector("decorator", ast.FunctionDef, ast.AsyncFunctionDef, ast.Call)
def _decorator(node, hazards, names):
    if isinstance(node, ast.Call):  # applied by hand: asyncio.coroutine(lambda: 1), f = coroutine(f)
        parent = names.parents.get(node)
        if not (isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef)) and node in parent.decorator_list):
            for hazard in matching(hazards, names(node.func)):
                yield node, hazard
        return
    for decorator in node.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        for hazard in matching(hazards, names(target)):
            yield decorator, hazard


@detector("reference", ast.Attribute, ast.Name, ast.ImportFrom)
def _reference(node, hazards, names):
    if isinstance(node, ast.ImportFrom):
        for alias in node.names:
            for hazard in matching(hazards, canonical("{}.{}".format(names.module_of(node), alias.name))):
                yield node, hazard
    else:
        for hazard in matching(hazards, names(node)):
            yield node, hazard


@detector("submodule-name", ast.Attribute, ast.ImportFrom)
def _submodule_name(node, hazards, names):
    if isinstance(node, ast.ImportFrom):
        for alias in node.names:
            for hazard in matching(hazards, "{}.{}".format(names.module_of(node), alias.name)):
                yield node, hazard
    else:
        for hazard in matching(hazards, names.spelled(node)):
            yield node, hazard


@detector("import-from", ast.ImportFrom, ast.Import)
def _import_from(node, hazards, names):
    for alias in node.names:
        imported = alias.name if isinstance(node, ast.Import) else "{}.{}".format(names.module_of(node), alias.name)
        for hazard in matching(hazards, canonical(imported)):
            yield node, hazard
