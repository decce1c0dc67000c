"""``@asyncio.coroutine`` generators become ``async def`` (AR101).

    @asyncio.coroutine                 async def fetch():
    def fetch():                  ->       await asyncio.sleep(1)
        yield from asyncio.sleep(1)        await asyncio.sleep(0)
        yield

Only inside the decorated function (not in functions nested in it):
``yield from x`` becomes ``await x`` and a bare ``yield`` statement (one turn
of the loop) ``await asyncio.sleep(0)``. A decorated function without
``yield`` becomes ``async def`` too. Left alone, for the scan to report: a
function that yields a value, or delegates to a plain generator of this module
(``await`` would reject it). A ``from asyncio import coroutine`` no longer
used is dropped: that import fails from 3.11 on.
"""

import libcst

from asyncio_rosetta.port.fixers import Fixer, detected, fixer
from asyncio_rosetta.port.fixers._names import dotted

# Expressions that `await x` binds as `yield from x` does; anything else is parenthesised.
_ATOMS = (libcst.Name, libcst.Attribute, libcst.Call, libcst.Subscript)


@fixer("AR101", min_target=(3, 6), trigger=["coroutine"])
class CoroutineDecorator(Fixer):
    def prepare(self, module):
        self.decorators = detected("AR101")
        analysis = _Functions(self)
        module.visit(analysis)
        for function, yields in analysis.decorated:
            if not (yields.with_value or (yields.bare and self.spell("sleep", record=False) is None) or any(
                    dotted(target) and dotted(target)[-1] in analysis.plain_generators
                    for target in yields.delegated)):
                self.context.converting.add(function)
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
        if original not in self.context.converting or original.asynchronous is not None:
            return updated
        keep = [d for d in updated.decorators if not self.is_coroutine_decorator(d)]
        self.dropped.update(dotted(_callee(d.decorator))[0] for d in updated.decorators if d not in keep)
        self.applied()
        return _without_decorators(updated, keep).with_changes(asynchronous=libcst.Asynchronous())

    def leave_Module(self, original, updated):
        # `from asyncio import coroutine` fails from 3.11 on: drop it once unused.
        imported = {name for name in self.dropped if self.names.imported(name)}
        unused = {name for name in imported if name not in _used_names(updated)}
        return updated.visit(_DropImports(unused)) if unused else updated


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
    """What a function's own body yields (not the functions nested in it)."""

    def __init__(self):
        self.bare, self.with_value, self.delegated = 0, 0, []


class _Functions(libcst.CSTVisitor):
    """In one walk: the functions with a coroutine decorator, each with its
    _Yields, and the names of the plain generator functions (methods included)."""

    def __init__(self, fixer):
        super().__init__()
        self.fixer = fixer
        self.decorated, self.plain_generators = [], set()
        self.stack = []  # a _Yields per enclosing function; None for a lambda or class
        self.statements = set()  # the yields that are a statement of their own

    def visit_FunctionDef(self, node):
        self.stack.append(_Yields())

    def leave_FunctionDef(self, node):
        yields = self.stack.pop()
        if node.asynchronous is not None:
            return
        if any(self.fixer.is_coroutine_decorator(d) for d in node.decorators):
            self.decorated.append((node, yields))
        elif yields.bare or yields.with_value or yields.delegated:
            self.plain_generators.add(node.name.value)

    def visit_Lambda(self, node):
        self.stack.append(None)

    def leave_Lambda(self, node):
        self.stack.pop()

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
            yields.delegated.append(item.func if isinstance(item, libcst.Call) else item)
        elif node.value is None and node in self.statements:
            yields.bare += 1
        else:  # `yield x`, or `x = yield`: a generator protocol await cannot express
            yields.with_value += 1


def _used_names(module):
    collector = _NamesUsed()
    module.visit(collector)
    return collector.used


class _NamesUsed(libcst.CSTVisitor):
    def __init__(self):
        super().__init__()
        self.used = set()

    def visit_ImportFrom(self, node):
        return False

    def visit_Import(self, node):
        return False

    def visit_Attribute(self, node):  # in x.coroutine, only x is a name in use
        node.value.visit(self)
        return False

    def visit_Name(self, node):
        self.used.add(node.value)


class _DropImports(libcst.CSTTransformer):
    """Removes *names* from ``from ... import`` statements (the statement, if it empties)."""

    def __init__(self, names):
        super().__init__()
        self.names = names

    def leave_ImportFrom(self, original, updated):
        if isinstance(updated.names, libcst.ImportStar):
            return updated
        kept = [a for a in updated.names
                if (a.asname.name.value if a.asname else a.name.value) not in self.names]
        if len(kept) == len(updated.names):
            return updated
        if not kept:
            return libcst.RemoveFromParent()
        kept[-1] = kept[-1].with_changes(comma=libcst.MaybeSentinel.DEFAULT)
        return updated.with_changes(names=kept)
