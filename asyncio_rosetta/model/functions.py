"""Which functions of a module run as coroutines, through the module's call graph.

    >>> coroutines = Functions(model, is_legacy).coroutines()     # doctest: +SKIP
    >>> sorted(f.name for f in coroutines)                        # doctest: +SKIP
    ['client', 'read_lines']

A coroutine is an ``async def``, a generator decorated as a legacy coroutine
(*is_legacy*: ``@asyncio.coroutine``) that does not yield a value, or a
helper: an undecorated generator (a static or class method may be) that only delegates (``yield from`` calls,
no ``yield x``) and whose every use in the module is ``yield from
helper(...)`` in a coroutine. Legacy and helper generators that delegate to a
plain generator that stays one are not (``await`` would reject it). Each
round of the fixed point only takes functions out. scan asks it where code
runs inside a running loop; port, which generators become ``async def``.
"""

import ast
import collections

__all__ = ["Functions", "Yields", "function_keys", "last_name"]

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)


class Yields:
    """What a function's own body yields (not the functions nested in it):
    ``delegated`` holds (the name it ends in or None, whether it is a call) of each ``yield from``."""

    def __init__(self):
        self.bare, self.with_value, self.delegated = 0, 0, []


class Functions:
    """The functions of one module (a model.names.Model), read once."""

    def __init__(self, model, is_legacy):
        self.model = model
        self.native, self.legacy, self.plain = [], [], []  # FunctionDefs, in source order
        self.yields = collections.defaultdict(Yields)  # FunctionDef -> its Yields
        self.uses = collections.Counter()  # name -> its Name loads and attribute accesses
        self.delegators = collections.defaultdict(list)  # name -> the function of each yield from name(...)
        self.callers = collections.defaultdict(list)  # name -> the def (or None) each call name(...) is made in
        statements = set()  # the bare yields that are a statement of their own
        for node in model.parents:
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Yield):
                statements.add(node.value)
        for node in model.parents:
            self._read(node, statements)
        for function in sorted(self.yields, key=lambda f: (f.lineno, f.col_offset)):
            self._sort(function, is_legacy)
        self._answers = {}  # (bare_yields, excluded) -> coroutines(): scan asks once per call it looks at

    def _read(self, node, statements):
        if isinstance(node, ast.Call):
            name = last_name(node.func)
            if name:
                self.callers[name].append(self._function(node, (ast.AsyncFunctionDef,)))
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            self.uses[node.id] += 1
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load):
            self.uses[node.attr] += 1
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            self.yields[node]  # every function has its (maybe empty) Yields
        elif isinstance(node, (ast.Yield, ast.YieldFrom)):
            function = self._function(node)
            if function is None:
                return
            yields = self.yields[function]
            if isinstance(node, ast.YieldFrom):
                called = isinstance(node.value, ast.Call)
                name = last_name(node.value.func if called else node.value)
                yields.delegated.append((name, called))
                if called and name:
                    self.delegators[name].append(function)
            elif node.value is None and node in statements:
                yields.bare += 1
            else:  # `yield x`, or `x = yield`: a generator protocol await cannot express
                yields.with_value += 1

    def _function(self, node, kinds=()):
        """The def whose own body *node* is in (None in a lambda, a class or the module; in an
        async def too, unless *kinds* has ast.AsyncFunctionDef)."""
        parent = self.model.parents.get(node)
        while parent is not None and not isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                             ast.Lambda, ast.ClassDef)):
            parent = self.model.parents.get(parent)
        return parent if isinstance(parent, (ast.FunctionDef,) + tuple(kinds)) else None

    def _sort(self, function, is_legacy):
        if isinstance(function, ast.AsyncFunctionDef):
            self.native.append(function)
        elif is_legacy(function):
            self.legacy.append(function)
        elif self.yields[function].bare or self.yields[function].with_value or self.yields[function].delegated:
            self.plain.append(function)

    def coroutines(self, bare_yields=True, excluded=frozenset()):
        """The legacy and helper generators that run as coroutines, and the async defs.
        *bare_yields*: whether one with a bare ``yield`` counts (port: if it can
        write ``asyncio.sleep(0)`` there); *excluded*: names of functions that stay
        generators whatever they do (stepped by hand, AR116)."""
        key = bare_yields, frozenset(excluded)
        if key not in self._answers:
            self._answers[key] = frozenset(self._fixed_point(bare_yields, key[1]))
        return self._answers[key]

    def _fixed_point(self, bare_yields, excluded):
        def fits(function):
            yields = self.yields[function]
            return not yields.with_value and (bare_yields or not yields.bare) and function.name not in excluded

        legacy = {f for f in self.legacy if fits(f)}
        helpers = {f for f in self.plain if fits(f) and self.yields[f].delegated and _undecorated(f)
                   and all(called for _, called in self.yields[f].delegated)}
        native = set(self.native)
        while True:
            names = {f.name for f in helpers}
            generators = {f.name for f in self.plain} - names  # what stays a plain generator
            every = legacy | helpers | native
            kept = {f for f in legacy | helpers
                    if not any(name in generators for name, _ in self.yields[f].delegated)
                    and (f in legacy or self._delegated_only(f.name, every))}
            if kept == legacy | helpers:
                return kept | native
            legacy, helpers = legacy & kept, helpers & kept

    def called_only_in(self, name, coroutines):
        """Whether *name* is used, and every use is a call ``name(...)`` made directly
        in one of *coroutines*: a plain function that only ever runs inside a loop."""
        callers = self.callers[name]
        return bool(callers) and self.uses[name] == len(callers) and all(f in coroutines for f in callers)

    def _delegated_only(self, name, coroutines):
        """Whether *name* is used, and every use is ``yield from name(...)`` in one of
        *coroutines* (a helper used nowhere here may be another module's generator)."""
        callers = self.delegators[name]
        return bool(callers) and self.uses[name] == len(callers) and all(f in coroutines for f in callers)


def _undecorated(function):
    """No decorator but staticmethod or classmethod (``@types.coroutine``, ``@contextmanager``: kept as they are)."""
    return all(last_name(d) in ("staticmethod", "classmethod") for d in function.decorator_list)


def last_name(node):
    """The name a call or decorator ends in (``f`` of ``a.b.f``), or None."""
    if isinstance(node, ast.Name):
        return node.id
    return node.attr if isinstance(node, ast.Attribute) else None


def function_keys(model):
    """{def node: (the path of names to it, itself included; its rank among the defs at
    that path in source order)}: a def's place, which another parser's tree gives too."""
    defs = sorted((node for node in model.parents if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))),
                  key=lambda node: (node.lineno, node.col_offset))
    keys, seen = {}, collections.Counter()
    for node in defs:
        path = model.path(node) + (node.name,)
        keys[node] = (path, seen[path])
        seen[path] += 1
    return keys
