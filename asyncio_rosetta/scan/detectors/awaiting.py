"""Detectors of what a coroutine waits on or enters: ``with (yield from lock):``
and ``with (await lock):``, ``with lock:`` and a bare ``await lock`` on an
object made by one of the names, ``async for`` over a call to one, ``await
g()`` and ``yield from c()`` across the generator/async def line (c an async def
here, or one of asyncio's own coroutines), and ``yield from`` in an async def.
"""

import ast

from asyncio_rosetta.scan.detectors.model import key
from asyncio_rosetta.scan.detectors.registry import detector, matching, register

__all__ = []


def _with_items(kind, expression_type):
    """Register *kind*: ``with (<expression_type>):``, e.g. ``with (yield from lock):``."""
    def detect(item, hazards, names):
        if isinstance(item.context_expr, expression_type):
            for hazard in hazards:
                yield item.context_expr, hazard
    register(kind, (ast.withitem,), detect)


_with_items("with-yield-from", ast.YieldFrom)
_with_items("with-await", ast.Await)


@detector("with-instance", ast.With)
def _with_instance(node, hazards, names):
    for item in node.items:
        expr = item.context_expr
        made_by = names(expr.func) if isinstance(expr, ast.Call) else names.constructed.get(key(expr))
        for hazard in matching(hazards, made_by):
            yield expr, hazard


@detector("await-instance", ast.Await, ast.YieldFrom)
def _await_instance(node, hazards, names):
    """A bare ``await lock`` or ``yield from lock`` (not a with item: those are
    with-await and with-yield-from) on an object made by one of the names."""
    if isinstance(names.parents.get(node), ast.withitem):
        return
    expr = node.value
    made_by = names(expr.func) if isinstance(expr, ast.Call) else names.constructed.get(key(expr))
    for hazard in matching(hazards, made_by):
        yield node, hazard


@detector("async-for", ast.AsyncFor)
def _async_for(node, hazards, names):
    if isinstance(node.iter, ast.Call):
        for hazard in matching(hazards, names(node.iter.func)):
            yield node.iter, hazard


@detector("await-generator", ast.Await)
def _await_generator(node, hazards, names):
    if names.is_plain_generator_call(node.value):
        for hazard in hazards:
            yield node, hazard


@detector("yield-from-in-async", ast.YieldFrom)
def _yield_from_in_async(node, hazards, names):
    """yield from directly in an async def: ast.parse accepts it (the compiler
    rejects it: "'yield from' inside async function"), so it is found here."""
    if isinstance(names.enclosing_function(node), ast.AsyncFunctionDef):
        for hazard in hazards:
            yield node, hazard


@detector("yield-from-call-in-generator", ast.YieldFrom)
def _yield_from_call_in_generator(node, hazards, names):
    """yield from name(...) in a generator that is not a legacy coroutine (neither
    @asyncio.coroutine nor @types.coroutine), name one of the names (asyncio.sleep:
    a generator on 3.6, an async def from 3.7), as the module's imports spell it."""
    function = names.enclosing_function(node)
    if isinstance(node.value, ast.Call) and isinstance(function, ast.FunctionDef) \
            and not names.is_legacy_coroutine(function):
        for hazard in matching(hazards, names(node.value.func)):
            yield node, hazard


@detector("yield-from-coroutine", ast.YieldFrom)
def _yield_from_coroutine(node, hazards, names):
    function = names.enclosing_function(node)
    value = node.value
    if isinstance(function, ast.FunctionDef) and not names.is_legacy_coroutine(function) \
            and isinstance(value, ast.Call) and isinstance(value.func, ast.Name) \
            and isinstance(names.functions.get(value.func.id), ast.AsyncFunctionDef):
        for hazard in hazards:
            yield node, hazard
