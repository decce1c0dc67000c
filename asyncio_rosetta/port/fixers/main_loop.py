"""A program's first event-loop lookup makes its loop explicitly (AR301).

    if __name__ == "__main__":                 if __name__ == "__main__":
        loop = asyncio.get_event_loop()   ->       loop = asyncio.new_event_loop()
        ...                                        asyncio.set_event_loop(loop)
                                                   ...

What ``get_event_loop()`` did there with no loop set, without the implicit
creation that warns on 3.12-3.13 and fails on 3.14 (gh-93453). Every later
lookup in the thread then returns that loop, silently, on 3.6-3.14
(tests/port/test_loop_facts.py runs it on each). So only the first lookup the
program makes is rewritten, found by walking the code that runs at import in
order (the ``__main__`` block and ``if``/``try``/``with`` included, function
bodies not) until the first lookup or ``set_event_loop``:

- ``loop = asyncio.get_event_loop()``, at module level only where the module
  is a program (it has a ``__main__`` block, or runs that loop at module
  level): a library module that looks the loop up at import must keep the
  loop its importer set;
- ``with contextlib.closing(asyncio.get_event_loop()) as loop[, other]:``,
  which gets ``asyncio.set_event_loop(loop)`` as its first statement;
- either one as the first lookup in a plain function that the module-level
  code calls (``main()``), if that function runs the loop itself
  (``run_until_complete``/``run_forever``): it cannot run inside a running loop.

Anything else first (a lookup chained into a call, one in a helper that
does not run the loop) stops the walk: the scan lists it.
"""

import libcst

from asyncio_rosetta.port.fixers import Fixer, detected, fixer, is_main_guard, only_statement
from asyncio_rosetta.port.fixers._names import dotted

_RUNS = ("run_until_complete", "run_forever")


@fixer("AR301", min_target=(3, 6), trigger=["get_event_loop"])
class MainLoop(Fixer):
    def leave_Module(self, original, updated):
        # At the end of the pass, after AR308 made the exact main blocks asyncio.run().
        spellable = all(self.spell(name, record=False) for name in ("new_event_loop", "set_event_loop"))
        sites = _First(self, updated.body).sites() if spellable else []
        if not sites:
            return updated
        self.fixed[self.hazards[0]] += len(sites)
        return updated.visit(_MakeLoop(sites, self.spell("new_event_loop"), self.spell("set_event_loop")))

    def lookup(self, node):
        """Whether *node* is a call of ``asyncio.get_event_loop()`` (no argument)."""
        return isinstance(node, libcst.Call) and not node.args \
            and self.names.qualified(node.func) in detected("AR301")

    def site(self, statement):
        """(statement, the lookup call, loop name) if *statement* is a rewritable lookup, else None."""
        if isinstance(statement, libcst.With):
            # The closing(...) lookup first; the other items (a pool) must not look the loop up.
            item, call = statement.items[0], statement.items[0].item
            if isinstance(call, libcst.Call) and len(call.args) == 1 and not call.args[0].keyword \
                    and not _contains([other.item for other in statement.items[1:]], self.lookup) \
                    and self.names.qualified(call.func) == "contextlib.closing" and self.lookup(call.args[0].value) \
                    and item.asname is not None and isinstance(item.asname.name, libcst.Name) \
                    and isinstance(statement.body, libcst.IndentedBlock):
                return statement, call.args[0].value, item.asname.name.value
            return None
        loop = self.loop_assignment(statement)
        return (statement, only_statement(statement).value, loop) if loop is not None else None


class _First:
    """Walks the code that runs at import, in order, to the program's first lookup."""

    def __init__(self, fixer, module_body):
        self.fixer, self.module_body = fixer, module_body
        self.functions = {s.name.value: s for s in module_body if isinstance(s, libcst.FunctionDef)
                          and s.asynchronous is None and not s.decorators}
        self.program = any(is_main_guard(s) for s in module_body)

    def sites(self):
        """The lookups to rewrite: the first one, or the first of each branch of an ``if``."""
        return self._walk(self.module_body, self.module_body)[0]

    def _walk(self, body, scope):
        """(sites, stopped) for the statements *body* of *scope* (the module
        body, or a driver function's body): stopped once a lookup was met."""
        for statement in body:
            found = self.fixer.site(statement)
            if found is not None:
                return ([found] if self._keeps_behaviour(found[2], scope) else []), True
            if isinstance(statement, (libcst.If, libcst.With, libcst.Try)) and not _contains(
                    _headers(statement), self._stops):
                branches = [self._walk(block, scope) for block in _blocks(statement)]
                if any(stopped for _, stopped in branches):
                    return [site for sites, _ in branches for site in sites], True
                continue
            if _contains(statement, self._stops):
                return (self._driver(statement) if scope is self.module_body else []), True
        return [], False

    def _keeps_behaviour(self, loop, scope):
        """At module level only in a program (a library must keep its importer's
        loop); in a function only if it runs the loop itself."""
        if scope is self.module_body:
            return self.program or _runs(scope, loop)
        return _runs(scope, loop)

    def _stops(self, node):
        return self.fixer.lookup(node) or self._calls_looker(node) or (isinstance(node, libcst.Call) and (
            self.fixer.names.qualified(node.func) in ("asyncio.set_event_loop", "asyncio.get_running_loop")))

    def _calls_looker(self, node):
        """*node* is a call of a module function whose own body looks the loop up: that function."""
        if isinstance(node, libcst.Call) and isinstance(node.func, libcst.Name):
            function = self.functions.get(node.func.value)
            if function is not None and _contains(function.body, self.fixer.lookup):
                return function
        return None

    def _driver(self, statement):
        """The sites in the function *statement* calls first, if it reaches the lookup only through it."""
        calls = [node for node in _nodes(statement) if isinstance(node, libcst.Call)]
        if any(self.fixer.lookup(call) for call in calls):
            return []  # a lookup right here, of a shape not rewritten
        function = next((f for f in map(self._calls_looker, calls) if f is not None), None)
        return self._walk(function.body.body, function.body.body)[0] if function is not None else []


def _headers(statement):
    """What a compound statement evaluates besides its blocks (an if's test, a with's items)."""
    return [getattr(statement, "test", None)] + list(getattr(statement, "items", ()))


def _blocks(statement):
    """The blocks of an ``if`` (each branch, an alternative), ``with`` or ``try`` (its body):
    where a first lookup may be. Loops are left out: a lookup there runs again."""
    if isinstance(statement, libcst.If):
        blocks, orelse = [statement.body], statement.orelse
        if isinstance(orelse, libcst.If):
            return [statement.body.body] + _blocks(orelse)
        blocks += [orelse.body] if orelse is not None else []
    else:
        blocks = [statement.body]
    return [block.body for block in blocks if isinstance(block, libcst.IndentedBlock)]


def _nodes(node):
    """*node* and every node inside it, function, class and lambda bodies excepted."""
    yield node
    for child in node.children:
        if not isinstance(child, (libcst.FunctionDef, libcst.ClassDef, libcst.Lambda)):
            for each in _nodes(child):
                yield each


def _contains(node, predicate):
    if isinstance(node, (list, tuple)):
        return any(_contains(each, predicate) for each in node if each is not None)
    if isinstance(node, (libcst.FunctionDef, libcst.ClassDef)):
        return False  # defining a function runs none of it
    return any(predicate(each) for each in _nodes(node))


def _runs(body, loop):
    """Whether *body* runs *loop*: ``loop.run_until_complete(...)`` or ``loop.run_forever()``."""
    return _contains(list(body), lambda node: isinstance(node, libcst.Call) and dotted(node.func) in (
        [loop, "run_until_complete"], [loop, "run_forever"]))


class _MakeLoop(libcst.CSTTransformer):
    """Rewrites the *sites*: get_event_loop() -> new_event_loop(), then set_event_loop(loop)."""

    def __init__(self, sites, new_event_loop, set_event_loop):
        super().__init__()
        self.new_event_loop, self.set_event_loop = new_event_loop, set_event_loop
        self.calls = {id(call) for _, call, _ in sites}
        self.statements = {id(statement): loop for statement, _, loop in sites}

    def _set_loop(self, loop):
        return libcst.parse_statement("{}({})\n".format(self.set_event_loop, loop))

    def leave_Call(self, original, updated):
        if id(original) not in self.calls:
            return updated
        return updated.with_changes(func=libcst.parse_expression(self.new_event_loop))

    def leave_With(self, original, updated):
        loop = self.statements.get(id(original))
        if loop is None:
            return updated
        return updated.with_changes(body=updated.body.with_changes(body=[self._set_loop(loop)] + list(
            updated.body.body)))

    def leave_SimpleStatementLine(self, original, updated):
        loop = self.statements.get(id(original))
        return updated if loop is None else libcst.FlattenSentinel([updated, self._set_loop(loop)])
