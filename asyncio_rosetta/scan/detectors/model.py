"""What detectors ask about a module: the dotted name an expression stands for
(the shared ``model.names.Model``: imports, scopes, ``from asyncio import *``),
the function around a node, its generator functions, the code its threads
run, what a name is assigned, what an assignment made.

    names = Module(nodes, parents, package="")  # every node of the tree, each node's parent
    names(aio_async)  # 'asyncio.async' for the expression aio.async after import asyncio as aio

Detectors ask about every node of the module, so what they ask costs about
the same for each node whatever the size of the module: what is found by
looking at the whole module (the first call to a name, the calls of a method
in one function) is found once and remembered (``once``), and what is found by
walking up the tree, once per node (``enclosing_function``). Nothing here
recurses along the tree: a deep one costs its depth, not the stack.
"""

import ast

from asyncio_rosetta.model import exports
from asyncio_rosetta.model.functions import Functions
from asyncio_rosetta.model.names import Model, dotted
from asyncio_rosetta.scan.sources import absolute_module, unmask

__all__ = ["Module", "key", "own_statements", "string", "TASK_MAKERS"]

# Calls that make a task of a coroutine: what they return is not a bare coroutine.
TASK_MAKERS = frozenset({"asyncio.ensure_future", "asyncio.create_task", "asyncio.async", "asyncio.Task"})
# Calls that return an asyncio Future or Task, and methods that do on any
# object (loop.create_task, tg.create_task, loop.run_in_executor).
_FUTURE_MAKERS = TASK_MAKERS | {"asyncio.Future", "asyncio.wrap_future", "asyncio.gather", "asyncio.shield"}
_FUTURE_METHODS = frozenset({"create_task", "create_future", "run_in_executor"})
_CURRENT_LOOP = frozenset({"asyncio.get_event_loop", "asyncio.get_running_loop"})
_LEGACY_COROUTINE_DECORATORS = frozenset({"asyncio.coroutine", "types.coroutine"})
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
# More attributes than any name scan knows has parts (asyncio.Task.all_tasks):
# such a chain is read by its last attribute alone, as f().attr is, so that
# reading every attribute of a chain of n costs n, not n * n.
_LONGEST_NAME = 32


class Module:
    """A module's names and bindings, read once from its nodes (see the module docstring)."""

    def __init__(self, nodes, parents, package):
        self.package = package
        self.parents = parents
        self.model = Model(nodes, parents, package)
        self.functions = {}    # name -> FunctionDef / AsyncFunctionDef (last one wins)
        self.classes = {}      # name -> ClassDef (last one wins)
        self.calls = []        # every Call, for "the first call to X"
        self.loops = []        # every For, for "for t in tasks: t.cancel()"
        for node in nodes:
            self._index(node)
        self.calls.sort(key=lambda call: (call.lineno, call.col_offset))
        self.method_calls = {}  # 'run_until_complete' -> every call obj.run_until_complete(...)
        for call in self.calls:
            if isinstance(call.func, ast.Attribute):
                self.method_calls.setdefault(call.func.attr, []).append(call)
        self._functions_around = {}  # node -> enclosing_function(node), filled as nodes are asked about
        self._once = {}  # see once()
        self.methods = {}  # hazard id -> the last parts of its names (calls.method_calls asks for each call)
        self._last = None, ""  # the node last named, and its name (see __call__)
        self.constructed = self._constructed(nodes)  # 'self.lock' -> 'asyncio.Lock'
        self.thread_code = self._thread_code()
        self._stores = None  # see _bindings()
        self._functions_model = None  # see functions_model

    def _index(self, node):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            self.functions[node.name] = node
        elif isinstance(node, ast.ClassDef):
            self.classes[node.name] = node
        elif isinstance(node, ast.Call):
            self.calls.append(node)
        elif isinstance(node, ast.For):
            self.loops.append(node)

    def _constructed(self, nodes):
        """What each ``target = call(...)`` made, by how the target is spelled (see key)."""
        constructed = {}
        for node in nodes:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
                for target in node.targets:
                    if key(target):
                        constructed[key(target)] = self(node.value.func)
        return constructed

    def module_of(self, node):
        """The absolute module an ImportFrom names (relative ones within the package)."""
        return absolute_module(self.package, node.level, node.module)

    def __call__(self, node):
        """The canonical dotted name the expression *node* stands for ("" if it is
        not one); ``f().attr`` is ".attr" (and ``f().a.b`` ".a.b")."""
        if node is self._last[0]:  # each call detector asks about the same call.func in turn
            return self._last[1]
        name = self._name(node)
        self._last = node, name
        return name

    def _name(self, node):
        attributes, head = [], node
        while isinstance(head, ast.Attribute) and len(attributes) <= _LONGEST_NAME:
            attributes.append(head.attr)
            head = head.value
        if isinstance(head, ast.Attribute):  # longer than any name: see _LONGEST_NAME
            return "." + unmask(node.attr)
        if isinstance(head, ast.Name):
            return self.model.resolve([head.id] + attributes[::-1], self.model.path(node))
        return "".join("." + unmask(attribute) for attribute in reversed(attributes))

    def once(self, key, compute):
        """``compute()``, made once for this module under *key*: what a detector
        finds by looking at the whole module, and asks about each node."""
        try:
            return self._once[key]
        except KeyError:
            value = self._once[key] = compute()
            return value

    def got(self, call):
        """The dotted name a ``getattr(module, "attr"[, default])`` of a string reads (the builtin
        getattr): 'asyncio.async' for ``getattr(aio, "async")`` after ``import asyncio as aio``;
        "" for any other call, and where the program catches the AttributeError a missing attribute
        raises: in a try that catches it, or in such a handler (``try: ensure = aio.ensure_future`` /
        ``except AttributeError: ensure = getattr(aio, "async")``, for 3.4.3, never runs on 3.6+)."""
        func, args = call.func, call.args
        if not (isinstance(func, ast.Name) and func.id == "getattr" and len(args) in (2, 3) and not call.keywords
                and not any(isinstance(arg, ast.Starred) for arg in args) and self._builtin(func)) \
                or self._catches_attribute_error(call):
            return ""
        owner, attribute = self(args[0]), string(args[1])
        return exports.canonical(owner + "." + attribute) if owner and attribute and not owner.startswith(".") else ""

    def _catches_attribute_error(self, node):
        """Whether *node* is in the body of a try (in its function) with a handler of AttributeError
        (or of Exception, BaseException, or bare), or in the body of such a handler."""
        child, parent = node, self.parents.get(node)
        while parent is not None and not isinstance(parent, _FUNCTIONS):
            if isinstance(parent, ast.Try) and any(child is statement for statement in parent.body):
                if any(self._catches(handler, "AttributeError") for handler in parent.handlers):
                    return True
            elif isinstance(parent, ast.ExceptHandler) and self._catches(parent, "AttributeError"):
                return True
            child, parent = parent, self.parents.get(parent)
        return False

    def _catches(self, handler, exception):
        """Whether the except clause *handler* catches the builtin *exception*."""
        caught = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
        return any(each is None or self(each) in (exception, "Exception", "BaseException") for each in caught)

    def keywords_go_to(self, call):
        """The dotted name of what receives *call*'s keyword arguments: what it calls; for
        ``functools.partial(f, ...)``, f (called later, with them); for a call of a base class's
        ``__init__``, that class: ``C.__init__(self, ...)``, or ``super().__init__(...)`` (or
        ``super(Cls, self)``) in a method of a class whose first base is C ("" if not known)."""
        name = self(call.func)
        if name == "functools.partial":
            first = call.args[0] if call.args else None
            return self(first) if first is not None and not isinstance(first, ast.Starred) else ""
        if name == ".__init__":
            return self._base_initialised(call)
        return name[:-len(".__init__")] if name.endswith(".__init__") else name

    def _base_initialised(self, call):
        """C for ``super().__init__(...)`` (see keywords_go_to), else ""."""
        made = call.func.value
        if not (isinstance(made, ast.Call) and isinstance(made.func, ast.Name) and made.func.id == "super"
                and self._builtin(made.func)):
            return ""
        method = self.enclosing_function(call)
        cls = self.parents.get(method) if isinstance(method, ast.FunctionDef) else None
        if not (isinstance(cls, ast.ClassDef) and cls.bases) or (made.args and not (
                len(made.args) == 2 and isinstance(made.args[0], ast.Name) and made.args[0].id == cls.name)):
            return ""
        return self(cls.bases[0])

    def _builtin(self, name):
        """Whether the Name node *name* is the builtin of that name (nothing here binds it)."""
        return self.model.binding(name.id, self.model.path(name)) is None

    def spelled(self, node):
        """The dotted name *node* stands for as spelled, submodule and all
        (``asyncio.futures.CancelledError``); "" if it is not a dotted name."""
        parts = dotted(node)
        return self.model.resolve(parts, self.model.path(node), canonical=False) if parts else ""

    def enclosing_function(self, node):
        """The def, async def or lambda *node* is in (None: the module body)."""
        walked = []  # nodes whose function this call finds (remembered: see the module docstring)
        while node not in self._functions_around:
            parent = self.parents.get(node)
            if parent is None or isinstance(parent, _FUNCTIONS):
                self._functions_around[node] = parent
                break
            walked.append(node)
            node = parent
        function = self._functions_around[node]
        for each in walked:
            self._functions_around[each] = function
        return function

    def is_legacy_coroutine(self, function):
        def decorated():
            decorators = [d.func if isinstance(d, ast.Call) else d for d in function.decorator_list]
            return any(self(d) in _LEGACY_COROUTINE_DECORATORS for d in decorators)
        return self.once(("legacy coroutine", function), decorated)

    @property
    def functions_model(self):
        """The module's functions and which run as coroutines (model.functions), read once, when asked."""
        if self._functions_model is None:
            self._functions_model = Functions(self.model, self.is_legacy_coroutine)
        return self._functions_model

    def in_coroutine(self, node):
        """Inside an async def, an @asyncio.coroutine/@types.coroutine generator, or a
        helper generator only those delegate to (model.functions): a loop runs it."""
        function = self.enclosing_function(node)
        if isinstance(function, ast.AsyncFunctionDef) or (
                isinstance(function, ast.FunctionDef) and self.is_legacy_coroutine(function)):
            return True
        return isinstance(function, ast.FunctionDef) and function in self.functions_model.coroutines()

    def is_plain_generator_call(self, node):
        """g(...) where g is a generator function of this module, not a legacy coroutine."""
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            return False
        function = self.functions.get(node.func.id)
        return isinstance(function, ast.FunctionDef) and not self.is_legacy_coroutine(function) and self.once(
            ("generator", function), lambda: any(isinstance(n, (ast.Yield, ast.YieldFrom))
                                                 for s in own_statements(function.body) for n in _exprs(s)))

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

    def is_current_loop(self, node, depth=0):
        """Whether *node* certainly is the loop that ``get_event_loop()`` returns
        where it is used: a call of it (or of get_running_loop()), or a name every
        assignment of which is one, or ``new_event_loop()`` that the module then
        makes current with ``set_event_loop(name)``."""
        if isinstance(node, ast.Call):
            return self(node.func) in _CURRENT_LOOP
        if isinstance(node, ast.Name) and depth < 3:
            values = self.assigned(node)
            return bool(values) and all(self.is_current_loop(value, depth + 1) or (
                isinstance(value, ast.Call) and self(value.func) == "asyncio.new_event_loop"
                and self._set_current(node.id)) for value in values)
        return False

    def _set_current(self, name):
        return any(self(call.func) == "asyncio.set_event_loop" and len(call.args) == 1
                   and isinstance(call.args[0], ast.Name) and call.args[0].id == name for call in self.calls)

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

    def assigned(self, name, wait_results=False, entered=False):
        """The values assigned to *name* (a Name node) in its scope (its function,
        else the module): [] unless every binding there is a plain ``name = value``
        (or, with *wait_results*, one of ``done, pending = [await] asyncio.wait(...)``,
        sets of Futures, which add no value; with *entered*, ``with value as name``,
        for what enters as itself: an executor, a lock)."""
        scope = self.enclosing_function(name)
        if scope is not None and name.id in _parameters(scope):
            return []
        bindings = self._bindings().get((scope, name.id)) or (
            self._bindings().get((None, name.id)) if scope is not None else None) or []
        values = []
        for store in bindings:
            statement = self.parents.get(store)
            if wait_results and self._waited_for(store):
                continue
            if entered and isinstance(statement, ast.withitem) and statement.optional_vars is store:
                values.append(statement.context_expr)
                continue
            if not (isinstance(statement, ast.Assign) and statement.targets == [store]):
                return []
            values.append(statement.value)
        return values

    def _waited_for(self, store):
        """Whether *store* is a name of ``done, pending = [await | yield from] asyncio.wait(...)``."""
        pair, statement = self.parents.get(store), self.parents.get(self.parents.get(store))
        if not (isinstance(pair, ast.Tuple) and isinstance(statement, ast.Assign) and statement.targets == [pair]):
            return False
        value = statement.value.value if isinstance(statement.value, (ast.Await, ast.YieldFrom)) else statement.value
        return isinstance(value, ast.Call) and self(value.func) == "asyncio.wait"

    def binding_scope(self, name):
        """The function (None: the module) whose bindings of *name* (a Name node)
        assigned() reads: its own scope's, else the module's."""
        scope = self.enclosing_function(name)
        return scope if scope is None or (scope, name.id) in self._bindings() else None

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
        while parent is not None and not isinstance(parent, _FUNCTIONS):
            if isinstance(parent, ast.If) and any(child is statement for statement in parent.body) \
                    and _tests(parent.test, name):
                return True
            child, parent = parent, self.parents.get(parent)
        return False

    def main_guarded(self, node):
        """Whether *node* is in the module's ``if __name__ == "__main__":`` block."""
        def inside():
            guards = [node for node, parent in self.parents.items() if isinstance(node, ast.If)
                      and isinstance(parent, ast.Module) and _is_main_test(node.test)]
            return {id(inner) for guard in guards for statement in guard.body for inner in ast.walk(statement)}
        return id(node) in self.once("main guarded", inside)

    def runs_at_import(self):
        """Whether the module body starts the program when it is imported (a forkserver or spawn
        worker imports it again): outside the ``__main__`` block, a call of asyncio.run() or a
        loop's run_until_complete() or run_forever(), or a call statement of a function defined here."""
        def starts(call):
            func = call.func
            if self(func) == "asyncio.run" or (
                    isinstance(func, ast.Attribute) and func.attr in ("run_until_complete", "run_forever")):
                return True
            return isinstance(func, ast.Name) and func.id in self.functions \
                and isinstance(self.parents.get(call), ast.Expr)

        def find():
            return any(starts(call) for call in self.calls
                       if self.enclosing_function(call) is None and not self.main_guarded(call))
        return self.once("runs at import", find)

    def set_at_run_time(self):
        """The module's global names bound while it runs, not when it is imported: in
        its ``__main__`` block, or by a function that declares them ``global``."""
        def find():
            found = set()
            for node in self.parents:
                if isinstance(node, ast.Global):
                    found.update(node.names)
                elif isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load) \
                        and self.enclosing_function(node) is None and self.main_guarded(node):
                    found.add(node.id)
            return found
        return self.once("set at run time", find)

    def first_call(self, wanted):
        """The first call to one of *wanted* made by the module body itself (import time, or
        the __main__ block), not inside a function."""
        return self.once(("first call", tuple(wanted)), lambda: next(
            (call for call in self.calls if self(call.func) in wanted and self.enclosing_function(call) is None),
            None))

    def calls_on(self, method, scope, receiver):
        """The calls ``receiver.method(...)`` made directly in *scope* (a function;
        None: the module body), in source order; *receiver* as ``key`` spells it."""
        def index():
            by_place = {}
            for call in self.method_calls.get(method, ()):
                by_place.setdefault((self.enclosing_function(call), key(call.func.value)), []).append(call)
            return by_place
        return self.once(("calls on", method), index).get((scope, receiver), ())

    def _thread_code(self):
        """Names of the functions threading.Thread(target=...) runs, and what they call here."""
        pending = list(self._thread_targets())
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

    def _thread_targets(self):
        """The names given as threading.Thread(target=name or obj.name)."""
        for call in self.calls:
            if self(call.func) == "threading.Thread":
                for keyword in call.keywords:
                    if keyword.arg == "target" and isinstance(keyword.value, (ast.Name, ast.Attribute)):
                        yield keyword.value.id if isinstance(keyword.value, ast.Name) else keyword.value.attr


def key(node):
    """'lock' or 'self.lock': how an assignment target is spelled (None: not so)."""
    parts = dotted(node)
    return ".".join(parts) if parts else None


def own_statements(statements, loops=False):
    """Statements of a block and its nested blocks, not inside nested functions
    (nor, for break/continue, inside a loop of their own), in source order."""
    pending = [(statement, loops) for statement in reversed(statements)]  # a stack: elif chains run deep
    while pending:
        statement, in_loop = pending.pop()
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) or (
                in_loop and isinstance(statement, (ast.Break, ast.Continue))):
            continue
        yield statement
        inner_loop = in_loop or isinstance(statement, (ast.For, ast.AsyncFor, ast.While))
        pending.extend((inner, inner_loop) for block in reversed(_blocks(statement)) for inner in reversed(block))


def _blocks(statement):
    """The statement lists nested in *statement*: body, orelse, finalbody, each handler's body."""
    blocks = [getattr(statement, field, []) or [] for field in ("body", "orelse", "finalbody")]
    return blocks + [handler.body for handler in getattr(statement, "handlers", []) or []]


def _tests(test, name):
    """Whether an ``if`` *test* is ``name`` or ``len(name)``."""
    if isinstance(test, ast.Call) and isinstance(test.func, ast.Name) and test.func.id == "len" \
            and len(test.args) == 1:
        test = test.args[0]
    return isinstance(test, ast.Name) and test.id == name


def _is_main_test(test):
    """Whether an ``if`` *test* is ``__name__ == "__main__"`` (either way round)."""
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Eq)):
        return False
    sides = [test.left, test.comparators[0]]
    return any(isinstance(side, ast.Name) and side.id == "__name__" for side in sides) \
        and any(string(side) == "__main__" for side in sides)


def string(node):
    """The value of a string literal (ast.Str on 3.6-3.7, ast.Constant from 3.8), else None."""
    kind = type(node).__name__
    value = node.s if kind == "Str" else getattr(node, "value", None) if kind == "Constant" else None
    return value if isinstance(value, str) else None


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
                yield from ast.walk(item)
