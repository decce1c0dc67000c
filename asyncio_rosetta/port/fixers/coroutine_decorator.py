"""``@asyncio.coroutine`` generators become ``async def`` (AR101).

    @asyncio.coroutine                 async def fetch():
    def fetch():                  ->       await asyncio.sleep(1)
        yield from asyncio.sleep(1)        await asyncio.sleep(0)
        yield

Only inside the decorated function (not in functions nested in it):
``yield from x`` becomes ``await x`` and a bare ``yield`` statement (one turn
of the loop) ``await asyncio.sleep(0)``. A decorated function without
``yield`` becomes ``async def`` too, if what it returns is known:
``@asyncio.coroutine`` awaited a returned coroutine or future, so ``return
self._request(...)`` (a coroutine of this module, or one of asyncio's)
becomes ``return await self._request(...)``, and a literal, a comprehension
or arithmetic stays as it is; one that returns anything else (a name, a call
of something unknown) keeps its decorator, for the scan to report.

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
import builtins
import collections

import libcst

from asyncio_rosetta.port.fixers import Fixer, detected, fixer
from asyncio_rosetta.model.functions import Functions, function_keys, last_name
from asyncio_rosetta.port.fixers._names import dotted
from asyncio_rosetta.port.fixers._places import places
from asyncio_rosetta.scan.detectors.driving import driven_by_hand
from asyncio_rosetta.scan.detectors.model import key

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
        plain = [f for f in functions.legacy if not _yields_at_all(functions.yields[f])]
        self.plain_classes = _plain_classes(scan.model.parents)
        self.coroutine_names = {f.name for f in functions.legacy + functions.native}  # a call of one is awaitable
        unsure = {f.name for f in plain if None in (self._returns(value, scan) for value in _own_returns(f))}
        coroutines = functions.coroutines(bare_yields=sleep, excluded=set(driven) | unsure)
        plain_keys = {key for function, key in function_keys(scan.model).items() if function in plain}
        converting = {key for function, key in function_keys(scan.model).items()
                      if function in coroutines and isinstance(function, ast.FunctionDef)}
        stepped = {key for function, key in function_keys(scan.model).items()
                   if function.name in driven and function in functions.legacy}
        if stepped and self.names.import_module("types", record=False) is None:
            stepped = set()  # the module binds "types" itself: left for the scan
        keys = places(module)
        self.context.converting.update(node for node, key in keys.items() if key in converting)
        self.stepped = {node for node, key in keys.items() if key in stepped}
        self.plain = {node for node, key in keys.items() if key in plain_keys}
        self.dropped = set()  # local names of the decorators removed
        # A plain generator that stays one and delegates to a coroutine made async def here must
        # iterate it through __await__(); a class whose generator __iter__ does so, or delegates to a
        # future, was awaited by yield from obj, which becomes await obj: it gets __await__ = __iter__.
        self.converted_names = {key[0][-1] for key in converting}
        awaited = awaited_iters(scan, self.converted_names | self.coroutine_names)
        iterators = {key for function, key in function_keys(scan.model).items()
                     if function in awaited and not _has_await(scan.parents[function])}
        self.iterators = {node for node, key in keys.items() if key in iterators}

    def _returns(self, value, scan):
        """What a decorated function without yield returns, as ``@asyncio.coroutine`` handed it on:
        "value" (as it is), "awaited" (a coroutine: this module's, by name, or asyncio's), None (unknown)."""
        if value is None or isinstance(value, _VALUES):
            return "value"
        if isinstance(value, ast.Call) and (last_name(value.func) in self.coroutine_names
                                            or scan(value.func) in _ASYNCIO_AWAITABLES):
            return "awaited"
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id in _BUILTINS \
                and scan.model.binding(value.func.id, scan.model.path(value)) is None:
            return "value"  # len(x), str(x)...: the builtin, which no import or def here hides
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id in self.plain_classes:
            return "value"  # an instance of a class here that cannot be awaited
        return None

    def _awaited(self, call):
        """The LibCST twin of _returns' "awaited"."""
        names = dotted(call.func)
        return names is not None and (names[-1] in self.coroutine_names
                                      or self.names.qualified(call.func) in _ASYNCIO_AWAITABLES)

    def is_ast_decorator(self, decorator):
        """Whether the ast *decorator* is one this fixer removes (``@asyncio.coroutine``)."""
        return self.names.scan(decorator.func if isinstance(decorator, ast.Call) else decorator) in self.decorators

    def is_coroutine_decorator(self, decorator):
        return self.names.qualified(_callee(decorator.decorator)) in self.decorators

    def _converting(self):
        scopes = self.context.scopes
        return bool(scopes) and scopes[-1][1] in self.context.converting

    def leave_Yield(self, original, updated):
        if not isinstance(updated.value, libcst.From):
            return updated
        if not self._converting():
            return self._through_await(updated)
        item = updated.value.item
        if not isinstance(item, _ATOMS) and not item.lpar:
            item = item.with_changes(lpar=[libcst.LeftParen()], rpar=[libcst.RightParen()])
        space = updated.value.whitespace_after_from
        return libcst.Await(expression=item, lpar=updated.lpar, rpar=updated.rpar,
                            whitespace_after_await=space if space.value else libcst.SimpleWhitespace(""))

    def _through_await(self, updated):
        """``yield from c(...)`` in a plain generator that stays one, c a coroutine made ``async def`` here:
        ``yield from c(...).__await__()`` (a generator cannot delegate to a coroutine object)."""
        item = updated.value.item
        names = dotted(item.func) if isinstance(item, libcst.Call) else None
        scopes = self.context.scopes
        if names is None or names[-1] not in self.converted_names or not scopes or scopes[-1][0] != "def":
            return updated
        self.applied()
        awaited = libcst.Call(func=libcst.Attribute(value=item, attr=libcst.Name("__await__")))
        return updated.with_changes(value=updated.value.with_changes(item=awaited))

    def leave_ClassDef(self, original, updated):
        """``__await__ = __iter__`` after a generator ``__iter__`` that ``yield from obj`` ran (see prepare)."""
        body = list(updated.body.body)
        at = next((index for index, (before, statement) in enumerate(zip(original.body.body, body))
                   if before in self.iterators), None)
        if at is None:
            return updated
        self.applied()
        alias = libcst.parse_statement("__await__ = __iter__  # await obj runs it, as yield from obj did\n")
        body.insert(at + 1, alias.with_changes(leading_lines=[]))
        return updated.with_changes(body=updated.body.with_changes(body=body))

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
        if original in self.plain:  # what it returns was awaited by the decorator
            updated = updated.with_changes(body=updated.body.visit(_AwaitReturns(self._awaited)))
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


# What @asyncio.coroutine returned as it was (not awaitable), and asyncio's calls it awaited.
# A name, an attribute or an item is taken for a value too: made before the call, not a coroutine it starts.
_VALUES = (ast.Constant, ast.JoinedStr, ast.List, ast.Tuple, ast.Dict, ast.Set, ast.ListComp, ast.SetComp,
           ast.DictComp, ast.BinOp, ast.UnaryOp, ast.Compare, ast.BoolOp, ast.Name, ast.Attribute, ast.Subscript)
_BUILTINS = frozenset(name for name in dir(builtins) if not name.startswith("_"))
_ASYNCIO_AWAITABLES = {"asyncio." + name for name in (
    "sleep", "wait", "wait_for", "gather", "shield", "ensure_future", "open_connection", "start_server",
    "open_unix_connection", "start_unix_server", "create_subprocess_exec", "create_subprocess_shell")}


def _plain_classes(nodes):
    """Names of the classes of the module, each defined once, with no base (or object) and no
    ``__await__`` or ``__iter__``: an instance of one is a value, which the decorator handed on."""
    classes = collections.defaultdict(list)
    for node in nodes:
        if isinstance(node, ast.ClassDef):
            classes[node.name].append(node)
    return {name for name, defs in classes.items() if len(defs) == 1 and all(
        isinstance(base, ast.Name) and base.id == "object" for base in defs[0].bases) and not defs[0].keywords
        and not any(isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.name in (
            "__await__", "__iter__") for item in defs[0].body)}


_FUTURE_METHODS = frozenset({"create_task", "ensure_future", "create_future", "run_in_executor", "Future", "Task"})


def awaited_iters(scan, coroutine_names):
    """The generator ``__iter__`` defs of the module that ``yield from obj`` ran (see _legacy_awaitable_iter)."""
    return {node for node in scan.parents if _legacy_awaitable_iter(node, scan, coroutine_names)}


def _legacy_awaitable_iter(function, scan, coroutine_names):
    """Whether *function* is the generator ``__iter__`` of a class that delegates to a coroutine (one of
    *coroutine_names*, or asyncio's) or a future (``self.task = loop.create_task(...)``): what ``yield from obj``
    awaited. A class that defines ``__await__`` otherwise than as ``__iter__`` is not."""
    parent = scan.parents.get(function)
    if not (isinstance(function, ast.FunctionDef) and function.name == "__iter__" and isinstance(parent, ast.ClassDef)
            and not any(getattr(item, "name", None) == "__await__" for item in parent.body)):
        return False
    for node in _own_nodes(function):
        value = getattr(node, "value", None) if isinstance(node, ast.YieldFrom) else None
        if isinstance(value, ast.Call) and (last_name(value.func) in coroutine_names | {"__await__"}
                                            or scan(value.func).startswith("asyncio.")):
            return True
        made = scan.constructed.get(key(value)) if value is not None and key(value) else None
        if made is not None and made.rsplit(".", 1)[-1] in _FUTURE_METHODS:
            return True
    return False


def _has_await(cls):
    """Whether the class body binds ``__await__`` (``__await__ = __iter__``, as port writes it)."""
    return any(isinstance(item, ast.Assign) and any(getattr(t, "id", None) == "__await__" for t in item.targets)
               for item in cls.body)


def _own_nodes(function):
    """The nodes of *function*'s own body, not of the functions and classes nested in it."""
    pending, found = list(function.body), []
    while pending:
        node = pending.pop()
        found.append(node)
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            pending.extend(ast.iter_child_nodes(node))
    return found


def _yields_at_all(yields):
    return bool(yields.bare or yields.with_value or yields.delegated)


def _own_returns(function):
    """The values of *function*'s own return statements (None for a bare return), not its nested functions'."""
    return [node.value for node in _own_nodes(function) if isinstance(node, ast.Return)]


class _AwaitReturns(libcst.CSTTransformer):
    """``return call(...)`` -> ``return await call(...)`` where *awaited(call)*, in one function's own body."""

    def __init__(self, awaited):
        super().__init__()
        self.awaited = awaited

    def visit_FunctionDef(self, node):
        return False

    def visit_Lambda(self, node):
        return False

    def visit_ClassDef(self, node):
        return False

    def leave_Return(self, original, updated):
        if isinstance(updated.value, libcst.Call) and self.awaited(updated.value):
            return updated.with_changes(value=libcst.Await(expression=updated.value))
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



