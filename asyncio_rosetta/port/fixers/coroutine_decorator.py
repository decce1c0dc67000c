"""``@asyncio.coroutine`` generators become ``async def`` (AR101).

    @asyncio.coroutine                 async def fetch():
    def fetch():                  ->       await asyncio.sleep(1)
        yield from asyncio.sleep(1)        await asyncio.sleep(0)
        yield

Only inside the decorated function (not in functions nested in it):
``yield from x`` becomes ``await x`` and a bare ``yield`` statement (one turn
of the loop) ``await asyncio.sleep(0)``. A decorated function without
``yield`` becomes ``async def`` too.

An undecorated helper generator becomes ``async def`` with its callers when
it is one in all but name: it only delegates (``yield from`` calls, no
``yield x``), and every use of its name in the module is ``yield from
helper(...)`` in a coroutine (a decorated one, an ``async def``, or another
such helper), followed through the module's calls to a fixed point:

    def read_lines(reader):               async def read_lines(reader):
        line = yield from reader.readline()   line = await reader.readline()

A decorated generator that the module steps by hand (``next(c)``,
``c.send(x)``: AR116) stays a generator: ``@asyncio.coroutine`` becomes
``@types.coroutine``, which steps as before and can still be awaited (an
``async def`` would raise TypeError in ``next()``).

Left alone, for the scan to report: a function that yields a value, or
delegates to a plain generator of this module that stays one (``await``
would reject it). A ``from asyncio import coroutine`` no longer used is
dropped: that import fails from 3.11 on.
"""

import ast
import collections

import libcst

from asyncio_rosetta.port.fixers import Fixer, detected, fixer
from asyncio_rosetta.model.functions import Functions, function_keys
from asyncio_rosetta.port.fixers._names import dotted
from asyncio_rosetta.scan.detectors.driving import driven_by_hand

# Expressions that `await x` binds as `yield from x` does; anything else is parenthesised.
_ATOMS = (libcst.Name, libcst.Attribute, libcst.Call, libcst.Subscript)


@fixer("AR101", "AR116", min_target=(3, 6), trigger=["coroutine"])
class CoroutineDecorator(Fixer):
    def prepare(self, module):
        self.decorators = detected("AR101")
        # Which generators become async def is the shared model's answer (model/functions.py),
        # read from the same source; the LibCST defs are matched to its defs by their place.
        sleep = self.spell("sleep", record=False) is not None
        scan = self.names.scan
        driven = driven_by_hand(scan)
        functions = Functions(scan.model, lambda f: any(self.is_ast_decorator(d) for d in f.decorator_list))
        coroutines = functions.coroutines(bare_yields=sleep, excluded=driven)
        converting = {key for function, key in function_keys(scan.model).items()
                      if function in coroutines and isinstance(function, ast.FunctionDef)}
        stepped = {key for function, key in function_keys(scan.model).items()
                   if function.name in driven and function in functions.legacy}
        if stepped and self.names.import_module("types", record=False) is None:
            stepped = set()  # the module binds "types" itself: left for the scan
        places = _Places()
        module.visit(places)
        self.context.converting.update(node for node, key in places.keys.items() if key in converting)
        self.stepped = {node for node, key in places.keys.items() if key in stepped}
        self.dropped = set()  # local names of the decorators removed

    def is_ast_decorator(self, decorator):
        """Whether the ast *decorator* is one this fixer removes (``@asyncio.coroutine``)."""
        return self.names.scan(decorator.func if isinstance(decorator, ast.Call) else decorator) in self.decorators

    def is_coroutine_decorator(self, decorator):
        return self.names.qualified(_callee(decorator.decorator)) in self.decorators

    def _converting(self):
        scopes = self.context.scopes
        return bool(scopes) and scopes[-1][1] in self.context.converting

    def leave_Yield(self, original, updated):
        if not (self._converting() and isinstance(updated.value, libcst.From)):
            return updated
        item = updated.value.item
        if not isinstance(item, _ATOMS) and not item.lpar:
            item = item.with_changes(lpar=[libcst.LeftParen()], rpar=[libcst.RightParen()])
        space = updated.value.whitespace_after_from
        return libcst.Await(expression=item, lpar=updated.lpar, rpar=updated.rpar,
                            whitespace_after_await=space if space.value else libcst.SimpleWhitespace(""))

    def leave_Expr(self, original, updated):
        if self._converting() and isinstance(updated.value, libcst.Yield) and updated.value.value is None:
            return updated.with_changes(value=libcst.parse_expression("await {}(0)".format(self.spell("sleep"))))
        return updated

    def leave_FunctionDef(self, original, updated):
        if original in self.stepped:
            return self._types_coroutine(updated)
        if original not in self.context.converting or original.asynchronous is not None:
            return updated
        keep = [d for d in updated.decorators if not self.is_coroutine_decorator(d)]
        self.dropped.update(dotted(_callee(d.decorator))[0] for d in updated.decorators if d not in keep)
        self.applied()
        return _without_decorators(updated, keep).with_changes(asynchronous=libcst.Asynchronous())

    def _types_coroutine(self, function):
        """*function* with its coroutine decorator spelled ``types.coroutine`` (AR116)."""
        spelled = libcst.parse_expression("{}.coroutine".format(self.names.import_module("types")))
        decorators = []
        for decorator in function.decorators:
            if self.is_coroutine_decorator(decorator):
                self.dropped.add(dotted(_callee(decorator.decorator))[0])
                decorator = decorator.with_changes(decorator=spelled)
            decorators.append(decorator)
        self.applied("AR116")
        return function.with_changes(decorators=decorators)

    def leave_Module(self, original, updated):
        # `from asyncio import coroutine` fails from 3.11 on: dropped after the pass, once unused.
        self.names.unused.update(name for name in self.dropped if self.names.imported(name))
        return updated


def _without_decorators(function, keep):
    """*function* with only the decorators in *keep*; the comments above a
    removed decorator, and the one at the end of its line, stay, above the
    next line that remains."""
    decorators, carried = [], []
    for decorator in function.decorators:
        if decorator in keep:
            decorators.append(decorator.with_changes(leading_lines=carried + list(decorator.leading_lines)))
            carried = []
        else:
            carried += list(decorator.leading_lines) + _own_line(decorator.trailing_whitespace.comment)
    if decorators:
        return function.with_changes(decorators=decorators,
                                     lines_after_decorators=carried + list(function.lines_after_decorators))
    return function.with_changes(decorators=[], lines_after_decorators=[],
                                 leading_lines=list(function.leading_lines) + carried
                                 + list(function.lines_after_decorators))


def _own_line(comment):
    """A comment that ended a removed line, on a line of its own (none if there was none)."""
    return [libcst.EmptyLine(comment=comment)] if comment is not None else []


def _callee(decorator):
    return decorator.func if isinstance(decorator, libcst.Call) else decorator


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

