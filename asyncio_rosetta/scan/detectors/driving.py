"""Detector of a legacy coroutine driven by hand: ``driven-by-hand``, ``next(c)``,
``c.send(x)`` or ``c.throw(e)`` on what an ``@asyncio.coroutine`` generator
returns (``c = steps()``, or the call itself), as tests step one.

    driven_by_hand(names)  # -> {'steps'}: the functions port keeps generators (AR116)
"""

import ast

from asyncio_rosetta.scan.detectors.registry import detector

__all__ = ["driven_by_hand"]

_METHODS = ("send", "throw")


@detector("driven-by-hand", ast.Call)
def _driven_by_hand(node, hazards, names):
    if _function_driven(node, names) is not None:
        for hazard in hazards:
            yield node, hazard


def driven_by_hand(names):
    """The names of this module's legacy coroutines that some call drives by hand."""
    driven = (_function_driven(call, names) for call in names.calls)
    return {function.name for function in driven if function is not None}


def _function_driven(call, names):
    """The legacy coroutine (a FunctionDef) whose generator *call* steps, or None."""
    if names(call.func) == "next" and call.args:
        driven = call.args[0]
    elif isinstance(call.func, ast.Attribute) and call.func.attr in _METHODS:
        driven = call.func.value
    else:
        return None
    made = [driven] if isinstance(driven, ast.Call) else names.assigned(driven) if isinstance(driven, ast.Name) else []
    for value in made:
        function = _called_function(value, names)
        if function is not None and names.is_legacy_coroutine(function):
            return function
    return None


def _called_function(value, names):
    """The function of this module that *value* calls (``f(...)``, ``self.f(...)``), or None."""
    if not isinstance(value, ast.Call):
        return None
    func = value.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
    function = names.functions.get(name)
    return function if isinstance(function, ast.FunctionDef) else None
