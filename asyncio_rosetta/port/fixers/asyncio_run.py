"""The legacy main block becomes ``asyncio.run(main())`` (AR308), when its shape is exact.

    loop = asyncio.get_event_loop()
    loop.run_until_complete(main())     ->   asyncio.run(main())
    loop.close()

Exact means: these three statements in a row at module level (or in the
``__main__`` block), ``main`` an ``async def`` of this module, and ``loop``
used nowhere else (a function reading the global would lose it; functions
with a ``loop`` of their own are fine), nor passed to ``main`` itself: such a
block is left like any other that is not exact (the one in a plain
``def main():``, say), not rewritten and then refused. ``result =
loop.run_until_complete(main())`` keeps its assignment. Not the same in one
way, hence "review": ``asyncio.run`` also cancels the tasks still pending
when ``main()`` returns, shuts down async generators and (3.9+) the default
executor, where the legacy block left them behind.
"""

import libcst

from asyncio_rosetta.port.fixers import Fixer, fixer, is_main_guard, only_statement


@fixer("AR308", min_target=(3, 7), trigger=["run_until_complete"])
class AsyncioRun(Fixer):
    def leave_Module(self, original, updated):
        if self.spell("run", record=False) is None:
            return updated
        # At the end of the pass: the generator coroutines are async defs by now.
        self.module = updated
        self.uses = {}  # name -> how often the module uses that global (see _global_uses)
        self.coroutines = {s.name.value for s in updated.body
                           if isinstance(s, libcst.FunctionDef) and s.asynchronous is not None}
        body = [statement.with_changes(body=statement.body.with_changes(body=self._rewrite(statement.body.body)))
                if is_main_guard(statement) and isinstance(statement.body, libcst.IndentedBlock) else statement
                for statement in updated.body]
        return updated.with_changes(body=self._rewrite(body))

    def _rewrite(self, statements):
        """*statements* with each exact legacy main block replaced."""
        statements, index = list(statements), 0
        while index + 3 <= len(statements):
            call = self._exact(statements[index:index + 3])
            if call is None:
                index += 1
                continue
            first, middle, last = statements[index:index + 3]
            run = libcst.Call(func=libcst.parse_expression(self.spell("run")),
                              args=[libcst.Arg(value=call)])
            statement = only_statement(middle)
            statement = statement.with_changes(value=run) if isinstance(statement, libcst.Assign) \
                else libcst.Expr(value=run)
            leading = list(first.leading_lines) + list(middle.leading_lines) + list(last.leading_lines)
            statements[index:index + 3] = [middle.with_changes(body=[statement], leading_lines=leading)]
            self.applied()
            index += 1
        return statements

    def _exact(self, lines):
        """The ``main()`` call if *lines* are the exact legacy block, else None."""
        loop = self.loop_assignment(lines[0])
        if loop is None:
            return None
        middle, last = only_statement(lines[1]), only_statement(lines[2])
        if isinstance(middle, libcst.Assign) and len(middle.targets) != 1:
            return None
        run = middle.value if isinstance(middle, (libcst.Expr, libcst.Assign)) else None
        if not (_method_call(run, loop, "run_until_complete") and len(run.args) == 1
                and isinstance(run.args[0].value, libcst.Call)
                and isinstance(run.args[0].value.func, libcst.Name)
                and run.args[0].value.func.value in self.coroutines):
            return None
        if not (isinstance(last, libcst.Expr) and _method_call(last.value, loop, "close") and not last.value.args):
            return None
        if _global_uses(loop, run.args[0].value):
            return None  # main(loop): asyncio.run(main(loop)) would read a loop nothing binds
        if any(_comment(line) for line in (lines[0], lines[2])):
            return None
        if self._global_uses(loop) > sum(_global_uses(loop, line) for line in lines):
            return None  # used elsewhere too
        return run.args[0].value

    def _global_uses(self, name):
        """How often the module uses the global *name*: counted once per pass, not
        once per candidate block (a module with 200 such blocks was read 200 times)."""
        if name not in self.uses:
            self.uses[name] = _global_uses(name, self.module)
        return self.uses[name]


def _method_call(node, owner, method):
    return isinstance(node, libcst.Call) and isinstance(node.func, libcst.Attribute) \
        and isinstance(node.func.value, libcst.Name) and node.func.value.value == owner \
        and node.func.attr.value == method


def _comment(line):
    return line.trailing_whitespace.comment is not None


def _global_uses(name, node):
    """How often the global *name* is used in *node* (the module, or a statement of its body)."""
    uses = _GlobalUses(name)
    node.visit(uses)
    return uses.count


class _GlobalUses(libcst.CSTVisitor):
    """Counts the uses of the global *name*: in the module body, or in a
    function that does not bind it itself (a parameter, an assignment). Errs
    on the side of "used"."""

    def __init__(self, name):
        super().__init__()
        self.name = name
        self.bound = []  # per enclosing function: whether it binds name
        self.count = 0

    def on_visit(self, node):
        if isinstance(node, libcst.FunctionDef):
            self.bound.append(_binds(node, self.name))
        elif isinstance(node, libcst.Attribute):  # x.loop is not the name loop
            node.value.visit(self)
            return False
        elif isinstance(node, libcst.Arg):  # nor is the keyword of f(loop=...)
            node.value.visit(self)
            return False
        elif isinstance(node, libcst.Name) and node.value == self.name and not any(self.bound):
            self.count += 1
        return True

    def on_leave(self, original):
        if isinstance(original, libcst.FunctionDef):
            self.bound.pop()


def _binds(function, name):
    """Whether *function* binds *name* locally (parameter or plain assignment), without `global`."""
    finder = _Binding(name)
    function.visit(finder)
    return finder.binds and not finder.declared_global


class _Binding(libcst.CSTVisitor):
    def __init__(self, name):
        super().__init__()
        self.name, self.binds, self.declared_global = name, False, False
        self.depth = 0

    def visit_FunctionDef(self, node):
        self.depth += 1
        if self.depth == 1:
            params = node.params
            every = list(params.params) + list(params.kwonly_params) + list(params.posonly_params)
            every += [p for p in (params.star_arg, params.star_kwarg) if isinstance(p, libcst.Param)]
            self.binds = self.binds or any(p.name.value == self.name for p in every)
        return self.depth == 1

    def leave_FunctionDef(self, original):
        self.depth -= 1

    def visit_AssignTarget(self, node):
        self.binds = self.binds or (isinstance(node.target, libcst.Name) and node.target.value == self.name)

    def visit_Global(self, node):
        self.declared_global = self.declared_global or any(n.name.value == self.name for n in node.names)

    def visit_Nonlocal(self, node):
        self.visit_Global(node)
