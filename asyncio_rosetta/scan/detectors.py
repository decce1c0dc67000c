"""Where each hazard's ``detect`` spec matches in a module's syntax tree.

One function per detect kind, registered with ``@detector(kind, node types)``
(or, for the many kinds that are "a call to one of the names, where ...", by
``_calls``/``_method_calls`` with that condition); it is called for each node
of those types with the hazards of its kind and yields ``(node, hazard)`` for
every match. Names are resolved through the
module's imports (``import asyncio as aio``, ``from asyncio import coroutine``,
relative imports inside a package), so ``aio.async`` is ``asyncio.async``.

    find(tree, lines, hazards, package)  # -> [(line, column, hazard)], columns 1-based

The tree is the standard library's ``ast`` of the source with ``async`` names
masked (see ``_sources``): it parses legacy files on any interpreter, in C.
"""

import ast

from asyncio_rosetta.scan.sources import absolute_module, unmask

__all__ = ["find", "DETECTORS"]

# kind -> (node types, function(node, hazards, names) -> (node, hazard)...)
DETECTORS = {}

# Kinds found outside the tree: by scan itself (where it masks async names,
# what the parser rejects), or never (runtime).
_NOT_IN_TREE = frozenset({"async-identifier", "yield-from-in-async", "runtime"})

# Calls that make a task of a coroutine: what they return is not a bare coroutine.
_TASK_MAKERS = frozenset({"asyncio.ensure_future", "asyncio.create_task", "asyncio.async", "asyncio.Task"})
# Calls that return an asyncio Future or Task, and methods that do on any
# object (loop.create_task, tg.create_task, loop.run_in_executor).
_FUTURE_MAKERS = _TASK_MAKERS | {"asyncio.Future", "asyncio.wrap_future", "asyncio.gather", "asyncio.shield"}
_FUTURE_METHODS = frozenset({"create_task", "create_future", "run_in_executor"})


def detector(kind, *node_types):
    def register(function):
        DETECTORS[kind] = (node_types, function)
        return function
    return register


def _matching(hazards, name):
    return [hazard for hazard in hazards if name in hazard.detect["names"]]


@detector("decorator", ast.FunctionDef, ast.AsyncFunctionDef)
def _decorator(node, hazards, names):
    for decorator in node.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        for hazard in _matching(hazards, names(target)):
            yield decorator, hazard


def _calls(kind, where=lambda call, names, hazard: True):
    """Register *kind*: a call to one of a hazard's names, where *where* holds."""
    def detect(call, hazards, names):
        for hazard in _matching(hazards, names(call.func)):
            if where(call, names, hazard):
                yield call, hazard
    DETECTORS[kind] = ((ast.Call,), detect)


def _method_matches(hazard, node, names):
    """A call to obj.meth(...) for any obj, meth the last part of one of the names."""
    func = node.func
    methods = {name.rsplit(".", 1)[-1] for name in hazard.detect["names"]}
    if not (isinstance(func, ast.Attribute) and func.attr in methods) and names(func) not in hazard.detect["names"]:
        return False
    keyword = hazard.detect.get("keyword")
    return keyword is None or keyword in {k.arg for k in node.keywords}


def _method_calls(kind, where=lambda call, names, hazard: True):
    """Register *kind*: a call obj.meth(...) that one of a hazard's names ends in
    (see _method_matches), where *where* holds."""
    def detect(call, hazards, names):
        for hazard in hazards:
            if _method_matches(hazard, call, names) and where(call, names, hazard):
                yield call, hazard
    DETECTORS[kind] = ((ast.Call,), detect)


def _keywords(call):
    return {keyword.arg for keyword in call.keywords}


def _after_the_first(call, names, hazard):
    """After the module body's first call to one of the hazard's "after" names."""
    first = names.first_call(hazard.detect["after"])
    return first is not None and (first.lineno, first.col_offset) < (call.lineno, call.col_offset)


def _factory_without_kwargs(call, names, hazard):
    factory = names.functions.get(call.args[0].id) if call.args and isinstance(call.args[0], ast.Name) else None
    return factory is not None and factory.args.kwarg is None


def _looks_up_the_loop(call, names, hazard):
    """Outside a coroutine, where the call is not given a loop: neither by the
    detect's "unless_keyword" (loop=), nor, for its "loop_from_first" names, by
    a Future or Task as the first argument. gather, shield and ensure_future
    take the loop from that (asyncio/tasks.py 3.6-3.14; gather only from its
    first argument on 3.7+, and gather() with nothing to gather looks it up)."""
    if names.in_coroutine(call) or hazard.detect.get("unless_keyword") in _keywords(call):
        return False
    if call.args and names(call.func) in hazard.detect.get("loop_from_first", ()):
        return not names.starts_with_a_future(call.args[0], call)
    return True


# What asyncio.run() does after main() by hand (section 3.3 of the facts, the
# replacement of AR308): cancel the pending tasks and gather them, then
# these, or (before 3.9) shut down a default executor of one's own.
_SHUTDOWN_STEPS = frozenset({"shutdown_asyncgens", "shutdown_default_executor"})


def _without_shutdown(call, names, hazard):
    """loop.run_until_complete(x), unless x is a shutdown step itself, or the
    rest of the function (or module) shuts the same loop down completely."""
    if call.args and (any(_is_step(call.args[0], step) for step in _SHUTDOWN_STEPS)
                      or _gathers_cancelled_tasks(call.args[0], names)):
        return False
    loop = _key(call.func.value) if isinstance(call.func, ast.Attribute) else None
    if loop is None:
        return True
    scope = names.enclosing_function(call)

    def later(method):  # calls obj.method(...) after this one, in the same function
        return [c for c in names.method_calls.get(method, ()) if (c.lineno, c.col_offset) > (
            call.lineno, call.col_offset) and names.enclosing_function(c) is scope]

    return not (  # the rarest step first
        any(_is_step(c, "shutdown_asyncgens", loop) for c in later("shutdown_asyncgens"))
        and any(_runs(c, loop) and _gathers_cancelled_tasks(c.args[0], names) for c in later("run_until_complete"))
        and (any(_is_step(c, "shutdown_default_executor", loop) for c in later("shutdown_default_executor"))
             or any(_shuts_down_own_executor(c, loop, scope, names) for c in later("shutdown"))))


def _runs(call, loop):
    return isinstance(call.func, ast.Attribute) and call.func.attr == "run_until_complete" and bool(call.args) \
        and _key(call.func.value) == loop


def _is_step(node, step, loop=None):
    """loop.<step>() (on any loop if *loop* is None)."""
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == step \
        and (loop is None or _key(node.func.value) == loop)


def _gathers_cancelled_tasks(node, names):
    """asyncio.gather(*tasks, ...) where the function (or module) cancels each of tasks: for t in tasks: t.cancel()."""
    if not (isinstance(node, ast.Call) and names(node.func) == "asyncio.gather" and node.args
            and isinstance(node.args[0], ast.Starred) and isinstance(node.args[0].value, ast.Name)):
        return False
    tasks, scope = node.args[0].value.id, names.enclosing_function(node)
    for each in names.loops:
        if isinstance(each.iter, ast.Name) and each.iter.id == tasks and isinstance(each.target, ast.Name) \
                and names.enclosing_function(each) is scope:
            for statement in each.body:
                if _is_step(getattr(statement, "value", None), "cancel", each.target.id):
                    return True
    return False


def _shuts_down_own_executor(call, loop, scope, names):
    """executor.shutdown() (not wait=False) of the executor given to loop.set_default_executor() here."""
    if not (isinstance(call.func, ast.Attribute) and call.func.attr == "shutdown"):
        return False
    if any(k.arg == "wait" and getattr(k.value, "value", None) is False for k in call.keywords):
        return False
    executor = _key(call.func.value)
    return executor is not None and any(
        _is_step(c, "set_default_executor", loop) and c.args and _key(c.args[0]) == executor
        and names.enclosing_function(c) is scope for c in names.method_calls.get("set_default_executor", ()))


def _can_time_out(call, names, hazard):
    """name(aw, timeout): unless the timeout is a literal None (or not given: a
    TypeError), or aw is asyncio.shield(...), whose task a timeout does not cancel."""
    timeout = call.args[1] if len(call.args) > 1 else next(
        (keyword.value for keyword in call.keywords if keyword.arg == "timeout"), None)
    if timeout is None:  # only *args or **kwargs can pass one
        return any(isinstance(arg, ast.Starred) for arg in call.args) or None in _keywords(call)
    if type(timeout).__name__ in ("Constant", "NameConstant") and timeout.value is None:  # NameConstant: 3.6-3.7
        return False
    first = call.args[0] if call.args else None
    return not (isinstance(first, ast.Call) and names(first.func) == "asyncio.shield")


def _in_thread_code(call, names, hazard):
    return getattr(names.enclosing_function(call), "name", None) in names.thread_code


_calls("call")
_calls("call-with-timeout", _can_time_out)
_calls("call-keyword", lambda call, names, hazard: hazard.detect["keyword"] in _keywords(call))
_calls("call-without-keyword", lambda call, names, hazard: hazard.detect["keyword"] not in _keywords(call))
_calls("call-outside-coroutine", _looks_up_the_loop)
_calls("call-in-coroutine", lambda call, names, hazard: names.in_coroutine(call))
_calls("module-level-call", lambda call, names, hazard: names.enclosing_function(call) is None)
_calls("call-after", _after_the_first)
_method_calls("method-call")
_method_calls("factory-without-kwargs", _factory_without_kwargs)
_method_calls("call-with-generator",
              lambda call, names, hazard: bool(call.args) and names.is_plain_generator_call(call.args[0]))
_method_calls("call-in-thread", _in_thread_code)
_method_calls("run-without-shutdown", _without_shutdown)


def _with_items(kind, expression_type):
    """Register *kind*: ``with (<expression_type>):``, e.g. ``with (yield from lock):``."""
    def detect(item, hazards, names):
        if isinstance(item.context_expr, expression_type):
            for hazard in hazards:
                yield item.context_expr, hazard
    DETECTORS[kind] = ((ast.withitem,), detect)


_with_items("with-yield-from", ast.YieldFrom)
_with_items("with-await", ast.Await)


@detector("call-with-coroutines", ast.Call)
def _call_with_coroutines(node, hazards, names):
    matching = _matching(hazards, names(node.func))
    if not matching or not node.args:
        return
    first = node.args[0]
    if isinstance(first, (ast.List, ast.Tuple, ast.Set)):
        elements = first.elts
    elif isinstance(first, (ast.ListComp, ast.SetComp, ast.GeneratorExp)):
        elements = [first.elt]
    else:
        return
    if any(isinstance(e, ast.Call) and names(e.func) not in _TASK_MAKERS for e in elements):
        for hazard in matching:
            yield node, hazard


@detector("reference", ast.Attribute, ast.Name, ast.ImportFrom)
def _reference(node, hazards, names):
    if isinstance(node, ast.ImportFrom):
        for alias in node.names:
            for hazard in _matching(hazards, "{}.{}".format(names.module_of(node), alias.name)):
                yield node, hazard
    else:
        for hazard in _matching(hazards, names(node)):
            yield node, hazard


@detector("with-instance", ast.With)
def _with_instance(node, hazards, names):
    for item in node.items:
        expr = item.context_expr
        made_by = names(expr.func) if isinstance(expr, ast.Call) else names.constructed.get(_key(expr))
        for hazard in _matching(hazards, made_by):
            yield expr, hazard


@detector("call-statement", ast.Expr)
def _call_statement(node, hazards, names):
    if isinstance(node.value, ast.Call):
        for hazard in _matching(hazards, names(node.value.func)):
            yield node.value, hazard


@detector("async-for", ast.AsyncFor)
def _async_for(node, hazards, names):
    if isinstance(node.iter, ast.Call):
        for hazard in _matching(hazards, names(node.iter.func)):
            yield node.iter, hazard


@detector("await-generator", ast.Await)
def _await_generator(node, hazards, names):
    if names.is_plain_generator_call(node.value):
        for hazard in hazards:
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


@detector("except-handler", ast.Try)
def _except_handler(node, hazards, names):
    for index, handler in enumerate(node.handlers):
        caught = _caught(handler, names)
        for hazard in hazards:
            if not caught & set(hazard.detect["names"]):
                continue
            before = hazard.detect.get("before")
            if before is not None:
                if any(before in _caught(later, names) for later in node.handlers[index + 1:]):
                    yield handler, hazard
            elif names.in_coroutine(node) and _suspends(node.body):
                yield handler, hazard


def _caught(handler, names):
    kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return {names(kind) for kind in kinds if kind is not None}


def _suspends(statements):
    return any(isinstance(n, (ast.Await, ast.YieldFrom)) for s in statements for n in ast.walk(s))


@detector("return-in-finally", ast.Try)
def _return_in_finally(node, hazards, names):
    for statement in _own_statements(node.finalbody):
        if isinstance(statement, (ast.Return, ast.Break, ast.Continue)):
            for hazard in hazards:
                yield statement, hazard


def _own_statements(statements, loops=False):
    """Statements of a block and its nested blocks, not inside nested functions
    (nor, for break/continue, inside a loop of their own)."""
    for statement in statements:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        if isinstance(statement, (ast.Break, ast.Continue)) and loops:
            continue
        yield statement
        inner_loop = loops or isinstance(statement, (ast.For, ast.AsyncFor, ast.While))
        for field in ("body", "orelse", "finalbody"):
            for inner in _own_statements(getattr(statement, field, []) or [], inner_loop):
                yield inner
        for handler in getattr(statement, "handlers", []) or []:
            for inner in _own_statements(handler.body, inner_loop):
                yield inner


# except* is 3.11 syntax: ast.TryStar exists only there.
if hasattr(ast, "TryStar"):
    @detector("except-star", ast.TryStar)
    def _except_star(node, hazards, names):
        for handler in node.handlers:
            for hazard in hazards:
                yield handler, hazard


def _key(node):
    """'lock' or 'self.lock': how an assignment target is spelled."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = _key(node.value)
        return inner and inner + "." + node.attr
    return None


class _Module:
    """What detectors ask about a module: dotted names through its imports, the
    function around a node, its generator functions, thread targets, objects
    made by assignment."""

    def __init__(self, nodes, parents, package):
        self.package = package
        self.parents = parents
        self.aliases = {}
        self.functions = {}    # name -> FunctionDef / AsyncFunctionDef (last one wins)
        self.calls = []        # every Call, for "the first call to X"
        self.loops = []        # every For, for "for t in tasks: t.cancel()"
        for node in nodes:
            if isinstance(node, ast.Import):
                for alias in node.names:
                    top = alias.name.split(".")[0]
                    self.aliases[alias.asname or top] = alias.name if alias.asname else top
            elif isinstance(node, ast.ImportFrom):
                module = self.module_of(node)
                for alias in node.names:
                    self.aliases[alias.asname or alias.name] = "{}.{}".format(module, alias.name)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.functions[node.name] = node
            elif isinstance(node, ast.Call):
                self.calls.append(node)
            elif isinstance(node, ast.For):
                self.loops.append(node)
        self.calls.sort(key=lambda call: (call.lineno, call.col_offset))
        self.method_calls = {}  # 'run_until_complete' -> every call obj.run_until_complete(...)
        for call in self.calls:
            if isinstance(call.func, ast.Attribute):
                self.method_calls.setdefault(call.func.attr, []).append(call)
        self.constructed = {}  # 'self.lock' -> 'asyncio.Lock'
        for node in nodes:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
                for target in node.targets:
                    if _key(target):
                        self.constructed[_key(target)] = self(node.value.func)
        self.thread_code = self._thread_code()
        self._stores = None  # see _bindings()

    def module_of(self, node):
        """The absolute module an ImportFrom names (relative ones within the package)."""
        return absolute_module(self.package, node.level, node.module)

    def __call__(self, node):
        if isinstance(node, ast.Name):
            return unmask(self.aliases.get(node.id, node.id))
        if isinstance(node, ast.Attribute):
            return "{}.{}".format(self(node.value), unmask(node.attr))
        return ""

    def enclosing_function(self, node):
        node = self.parents.get(node)
        while node is not None and not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            node = self.parents.get(node)
        return node

    def is_legacy_coroutine(self, function):
        decorators = [d.func if isinstance(d, ast.Call) else d for d in function.decorator_list]
        return any(self(d) in _LEGACY_COROUTINE_DECORATORS for d in decorators)

    def in_coroutine(self, node):
        """Inside an async def or an @asyncio.coroutine/@types.coroutine generator: a loop runs it."""
        function = self.enclosing_function(node)
        return isinstance(function, ast.AsyncFunctionDef) or (
            isinstance(function, ast.FunctionDef) and self.is_legacy_coroutine(function))

    def is_plain_generator_call(self, node):
        """g(...) where g is a generator function of this module, not a legacy coroutine."""
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            return False
        function = self.functions.get(node.func.id)
        return isinstance(function, ast.FunctionDef) and not self.is_legacy_coroutine(function) and any(
            isinstance(n, (ast.Yield, ast.YieldFrom)) for s in _own_statements(function.body) for n in _exprs(s))

    def is_future(self, node, depth=0):
        """Whether *node* certainly is an asyncio Future or Task: a call to one of
        _FUTURE_MAKERS or a _FUTURE_METHODS method, or a name that every
        assignment in its scope makes one (not a parameter, a loop variable...)."""
        if isinstance(node, ast.Call):
            return self(node.func) in _FUTURE_MAKERS or (
                isinstance(node.func, ast.Attribute) and node.func.attr in _FUTURE_METHODS)
        if isinstance(node, ast.Name) and depth < 3:
            values = self.assigned(node)
            return bool(values) and all(self.is_future(value, depth + 1) for value in values)
        return False

    def starts_with_a_future(self, first, call):
        """Whether *first*, the first argument of *call*, certainly makes it begin
        with a Future: one itself, or *x unpacking a non-empty list that starts with
        one, or a comprehension of them that *call* runs only if non-empty (if x:)."""
        if not isinstance(first, ast.Starred):
            return self.is_future(first)
        if not isinstance(first.value, ast.Name):
            return self._starts_with_a_future(first.value, None)
        values = self.assigned(first.value)
        guarded = self.runs_only_if(call, first.value.id)
        return bool(values) and all(self._starts_with_a_future(value, guarded) for value in values)

    def _starts_with_a_future(self, sequence, guarded):
        if isinstance(sequence, (ast.List, ast.Tuple)):
            return bool(sequence.elts) and self.is_future(sequence.elts[0])
        if isinstance(sequence, (ast.ListComp, ast.SetComp, ast.GeneratorExp)) and guarded:
            loop = sequence.generators[0]
            # [t for t in all_tasks(loop) ...]: asyncio.all_tasks, Task.all_tasks or an alias of either
            return self.is_future(sequence.elt) or (
                isinstance(sequence.elt, ast.Name) and isinstance(loop.target, ast.Name)
                and sequence.elt.id == loop.target.id and isinstance(loop.iter, ast.Call)
                and self(loop.iter.func).rsplit(".", 1)[-1] == "all_tasks")
        return False

    def assigned(self, name):
        """The values assigned to *name* (a Name node) in its scope (its function,
        else the module): [] unless every binding there is a plain ``name = value``."""
        scope = self.enclosing_function(name)
        if scope is not None and name.id in _parameters(scope):
            return []
        bindings = self._bindings().get((scope, name.id)) or (
            self._bindings().get((None, name.id)) if scope is not None else None) or []
        values = []
        for store in bindings:
            statement = self.parents.get(store)
            if not (isinstance(statement, ast.Assign) and statement.targets == [store]):
                return []
            values.append(statement.value)
        return values

    def _bindings(self):
        """(scope, name) -> the Name nodes that bind it there, made once."""
        if self._stores is None:
            self._stores = {}
            for node in self.parents:
                if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
                    self._stores.setdefault((self.enclosing_function(node), node.id), []).append(node)
                elif isinstance(node, (ast.Global, ast.Nonlocal)):  # bound elsewhere: not followed
                    for id_ in node.names:
                        self._stores.setdefault((self.enclosing_function(node), id_), []).append(node)
        return self._stores

    def runs_only_if(self, node, name):
        """Whether *node* is in the body of an ``if name:`` (or ``if len(name):``) in its function."""
        child, parent = node, self.parents.get(node)
        while parent is not None and not isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            if isinstance(parent, ast.If) and any(child is statement for statement in parent.body):
                test = parent.test
                if isinstance(test, ast.Call) and isinstance(test.func, ast.Name) and test.func.id == "len" \
                        and len(test.args) == 1:
                    test = test.args[0]
                if isinstance(test, ast.Name) and test.id == name:
                    return True
            child, parent = parent, self.parents.get(parent)
        return False

    def first_call(self, wanted):
        """The first call to one of *wanted* made by the module body itself (import time, or
        the __main__ block), not inside a function."""
        return next((call for call in self.calls if self(call.func) in wanted
                     and self.enclosing_function(call) is None), None)

    def _thread_code(self):
        """Names of the functions threading.Thread(target=...) runs, and what they call here."""
        pending = []
        for call in self.calls:
            if self(call.func) == "threading.Thread":
                for keyword in call.keywords:
                    if keyword.arg == "target" and isinstance(keyword.value, (ast.Name, ast.Attribute)):
                        pending.append(keyword.value.id if isinstance(keyword.value, ast.Name)
                                       else keyword.value.attr)
        found = set()
        while pending:
            name = pending.pop()
            if name in found or name not in self.functions:
                continue
            found.add(name)
            for node in ast.walk(self.functions[name]):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                    pending.append(node.func.id)
        return found


def _parameters(function):
    arguments = function.args
    every = arguments.args + arguments.kwonlyargs + getattr(arguments, "posonlyargs", [])
    every += [argument for argument in (arguments.vararg, arguments.kwarg) if argument is not None]
    return {argument.arg for argument in every}


def _exprs(statement):
    """The expression nodes of one statement, not of the statements nested in it."""
    for field, value in ast.iter_fields(statement):
        if field in ("body", "orelse", "finalbody", "handlers"):
            continue
        for item in (value if isinstance(value, list) else [value]):
            if isinstance(item, ast.AST):
                for node in ast.walk(item):
                    yield node


_LEGACY_COROUTINE_DECORATORS = frozenset({"asyncio.coroutine", "asyncio.coroutines.coroutine", "types.coroutine"})


def find(tree, lines, hazards, package=""):
    """[(line, column, hazard)] for every match of *hazards* in *tree*, sorted.
    *lines* are the (masked) source lines, to turn byte offsets into columns."""
    by_type = {}
    for kind in {hazard.detect["kind"] for hazard in hazards} - _NOT_IN_TREE:
        node_types, function = DETECTORS[kind]
        of_kind = [hazard for hazard in hazards if hazard.detect["kind"] == kind]
        for node_type in node_types:
            by_type.setdefault(node_type, []).append((function, of_kind))
    nodes, parents, stack = [], {}, [tree]  # walked once: walking is most of a scan's time
    while stack:
        node = stack.pop()
        nodes.append(node)
        for child in ast.iter_child_nodes(node):
            parents[child] = node
            stack.append(child)
    names = _Module(nodes, parents, package)
    found = {}
    for node in nodes:
        for function, of_kind in by_type.get(type(node), ()):
            for where, hazard in function(node, of_kind, names):
                line = where.lineno
                text = lines[line - 1] if line <= len(lines) else ""
                column = len(text.encode("utf-8")[:where.col_offset].decode("utf-8", "replace")) + 1
                if isinstance(where, ast.expr) and where in getattr(node, "decorator_list", ()):
                    column -= 1  # point at the "@"
                found[line, column, hazard.id] = (line, column, hazard)
    return [found[key] for key in sorted(found)]
