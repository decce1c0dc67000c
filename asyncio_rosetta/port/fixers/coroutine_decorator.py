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

import collections

import libcst

from asyncio_rosetta.port.fixers import Fixer, detected, fixer
from asyncio_rosetta.port.fixers._names import dotted
from asyncio_rosetta.scan.detectors.driving import driven_by_hand

# Expressions that `await x` binds as `yield from x` does; anything else is parenthesised.
_ATOMS = (libcst.Name, libcst.Attribute, libcst.Call, libcst.Subscript)


@fixer("AR101", "AR116", min_target=(3, 6), trigger=["coroutine"])
class CoroutineDecorator(Fixer):
    def prepare(self, module):
        self.decorators = detected("AR101")
        analysis = _Functions(self)
        module.visit(analysis)
        sleep = self.spell("sleep", record=False) is not None
        driven = driven_by_hand(self.names.scan)
        self.stepped = {f for f, _ in analysis.decorated if f.name.value in driven}
        if self.stepped and self.names.import_module("types", record=False) is None:
            self.stepped = set()  # the module binds "types" itself: left for the scan
        decorated = {f for f, yields in analysis.decorated if not yields.with_value and (sleep or not yields.bare)
                     and f.name.value not in driven}
        helpers = {f for f, yields in analysis.plain if yields.delegated and not yields.with_value
                   and all(call for _, call in yields.delegated) and (sleep or not yields.bare)}
        yields_of = dict(analysis.decorated + analysis.plain)
        while True:  # to a fixed point: each round only takes functions out
            names = {f.name.value for f in helpers}
            generators = {f.name.value for f, _ in analysis.plain} - names  # what stays a plain generator
            coroutines = decorated | helpers | analysis.native
            kept = {f for f in decorated | helpers if not any(
                dotted(target) and dotted(target)[-1] in generators for target, _ in yields_of[f].delegated)}
            kept = {f for f in kept if f in decorated or analysis.delegated_only(f.name.value, coroutines)}
            if kept == decorated | helpers:
                break
            decorated, helpers = decorated & kept, helpers & kept
        self.context.converting.update(decorated | helpers)
        self.dropped = set()  # local names of the decorators removed

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


class _Yields:
    """What a function's own body yields (not the functions nested in it):
    delegated holds (the target, whether it is called) of each ``yield from``."""

    def __init__(self):
        self.bare, self.with_value, self.delegated = 0, 0, []


class _Functions(libcst.CSTVisitor):
    """In one walk: the functions with a coroutine decorator and the plain
    generator functions (methods included), each with its _Yields; the async
    defs; and, per name, how often it is used and by which functions it is
    delegated to (``yield from name(...)``)."""

    def __init__(self, fixer):
        super().__init__()
        self.fixer = fixer
        self.decorated, self.plain, self.native = [], [], set()
        self.stack = []  # a _Yields per enclosing function; None for a lambda or class
        self.functions = []  # the FunctionDef around, innermost last (None for a lambda or class)
        self.statements = set()  # the yields that are a statement of their own
        self.uses = collections.Counter()  # name -> Name nodes spelling it, defs and calls included
        self.defined = collections.Counter()  # name -> defs of it
        self.delegators = collections.defaultdict(list)  # name -> the function of each yield from name(...)

    def delegated_only(self, name, coroutines):
        """Whether *name* is used, and every use is ``yield from name(...)`` in one of
        *coroutines* (a helper used nowhere here may be another module's generator)."""
        callers = self.delegators[name]
        return bool(callers) and self.uses[name] - self.defined[name] == len(callers) \
            and all(f in coroutines for f in callers)

    def visit_Name(self, node):
        self.uses[node.value] += 1

    def visit_FunctionDef(self, node):
        self.stack.append(_Yields())
        self.functions.append(node)
        self.defined[node.name.value] += 1

    def leave_FunctionDef(self, node):
        yields = self.stack.pop()
        self.functions.pop()
        if node.asynchronous is not None:
            self.native.add(node)
        elif any(self.fixer.is_coroutine_decorator(d) for d in node.decorators):
            self.decorated.append((node, yields))
        elif yields.bare or yields.with_value or yields.delegated:
            self.plain.append((node, yields))

    def visit_Lambda(self, node):
        self.stack.append(None)
        self.functions.append(None)

    def leave_Lambda(self, node):
        self.stack.pop()
        self.functions.pop()

    visit_ClassDef, leave_ClassDef = visit_Lambda, leave_Lambda

    def visit_Expr(self, node):
        if isinstance(node.value, libcst.Yield) and node.value.value is None:
            self.statements.add(node.value)

    def visit_Yield(self, node):
        yields = self.stack[-1] if self.stack else None
        if yields is None:
            return
        if isinstance(node.value, libcst.From):
            item = node.value.item
            called = isinstance(item, libcst.Call)
            yields.delegated.append((item.func if called else item, called))
            name = dotted(item.func) if called else None
            if name:
                self.delegators[name[-1]].append(self.functions[-1])
        elif node.value is None and node in self.statements:
            yields.bare += 1
        else:  # `yield x`, or `x = yield`: a generator protocol await cannot express
            yields.with_value += 1
