"""Detectors of calls: a call to one of a hazard's names (``call``, ``call-keyword``,
``call-outside-coroutine``...) or a method call ``obj.meth(...)`` that one of
them ends in (``method-call``...), each where its condition holds; and
``call-with-coroutines``, ``call-statement``.

Conditions take ``(call, names, hazard)``: the Call node, the module (see
``model``) and the hazard whose detect spec is matched.
"""

import ast

from asyncio_rosetta.scan.detectors.model import string
from asyncio_rosetta.scan.detectors.registry import detector, matching, register

__all__ = ["calls", "method_calls", "keywords"]


def _always(call, names, hazard):
    return True


def calls(kind, where=_always):
    """Register *kind*: a call to one of a hazard's names, where *where* holds."""
    def detect(call, hazards, names):
        for hazard in matching(hazards, names(call.func)):
            if where(call, names, hazard):
                yield call, hazard
    register(kind, (ast.Call,), detect)


def method_calls(kind, where=_always):
    """Register *kind*: a call obj.meth(...) that one of a hazard's names ends in
    (see _method_matches), where *where* holds."""
    def detect(call, hazards, names):
        for hazard in hazards:
            if _method_matches(hazard, call, names) and where(call, names, hazard):
                yield call, hazard
    register(kind, (ast.Call,), detect)


def _method_matches(hazard, node, names):
    """A call to obj.meth(...) for any obj, meth the last part of one of the names."""
    func = node.func
    try:
        methods = names.methods[hazard.id]
    except KeyError:
        methods = names.methods[hazard.id] = {name.rsplit(".", 1)[-1] for name in hazard.detect["names"]}
    if not (isinstance(func, ast.Attribute) and func.attr in methods) and names(func) not in hazard.detect["names"]:
        return False
    keyword = hazard.detect.get("keyword")
    return keyword is None or keyword in keywords(node)


def keywords(call):
    """The names of the keyword arguments *call* passes (None for ``**kwargs``)."""
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
    if names.in_coroutine(call) or hazard.detect.get("unless_keyword") in keywords(call):
        return False
    if hazard.detect.get("unless_loop_set") and names.enclosing_function(call) is None and _after_a_loop_was_set(
            call, names):
        return False  # the module body made a loop current: the lookup finds it (AR313), even on 3.14
    if call.args and names(call.func) in hazard.detect.get("loop_from_first", ()):
        return not names.starts_with_a_future(call.args[0], call)
    return True


def _after_a_loop_was_set(call, names):
    """After the module body's first ``asyncio.set_event_loop(loop)`` (not of None), as port writes it."""
    first = names.first_call(["asyncio.set_event_loop"])
    return first is not None and len(first.args) == 1 and not (
        type(first.args[0]).__name__ in ("Constant", "NameConstant") and first.args[0].value is None) and (
        first.lineno, first.col_offset) < (call.lineno, call.col_offset)


def _can_time_out(call, names, hazard):
    """name(aw, timeout): unless the timeout is a literal None (or not given: a
    TypeError), or aw is asyncio.shield(...), whose task a timeout does not cancel."""
    timeout = _timeout_of(call)
    if timeout is None:  # only *args or **kwargs can pass one
        return any(isinstance(arg, ast.Starred) for arg in call.args) or None in keywords(call)
    if type(timeout).__name__ in ("Constant", "NameConstant") and timeout.value is None:  # NameConstant: 3.6-3.7
        return False
    first = call.args[0] if call.args else None
    return not (isinstance(first, ast.Call) and names(first.func) == "asyncio.shield")


def _timeout_of(call):
    """The expression *call* passes as its second argument or timeout=, or None."""
    if len(call.args) > 1:
        return call.args[1]
    return next((keyword.value for keyword in call.keywords if keyword.arg == "timeout"), None)


def _in_thread_code(call, names, hazard):
    return getattr(names.enclosing_function(call), "name", None) in names.thread_code


calls("call-with-timeout", _can_time_out)
calls("call-without-keyword", lambda call, names, hazard: hazard.detect["keyword"] not in keywords(call))
calls("call-outside-coroutine", _looks_up_the_loop)
calls("call-in-coroutine", lambda call, names, hazard: names.in_coroutine(call))
calls("module-level-call", lambda call, names, hazard: names.enclosing_function(call) is None)
calls("call-after", _after_the_first)
method_calls("method-call")
method_calls("factory-without-kwargs", _factory_without_kwargs)
method_calls("call-with-generator",
             lambda call, names, hazard: bool(call.args) and names.is_plain_generator_call(call.args[0]))
method_calls("call-in-thread", _in_thread_code)
method_calls("method-call-with-instance", lambda call, names, hazard: bool(call.args) and any(
    names(value.func) in hazard.detect["instances"] for value in _made(call.args[0], names)))
method_calls("method-call-on-instance", lambda call, names, hazard: isinstance(call.func, ast.Attribute) and any(
    names(value.func) in hazard.detect["instances"] for value in _made(call.func.value, names)))


@detector("call", ast.Call)
def _call(call, hazards, names):
    """A call to one of the names; for a hazard whose detect says "getattr" (the attribute itself
    is gone), also ``getattr(module, "name"[, default])`` of one, called or not."""
    for hazard in matching(hazards, names(call.func)):
        yield call, hazard
    got = names.got(call)
    for hazard in matching(hazards, got) if got else ():
        if hazard.detect.get("getattr"):
            yield call, hazard


@detector("call-keyword", ast.Call)
def _call_keyword(call, hazards, names):
    """name(..., keyword=...), and where the keyword reaches name's parameters another way:
    ``functools.partial(name, keyword=...)``, a subclass's ``super().__init__(..., keyword=...)``
    (see Module.keywords_go_to)."""
    given = keywords(call)
    if given:
        for hazard in matching(hazards, names.keywords_go_to(call)):
            if hazard.detect["keyword"] in given:
                yield call, hazard


def _made(node, names, entered=False):
    """The calls that make *node*: itself if it is one, else every value assigned to a name
    (with *entered*, also ``with call() as name``)."""
    if isinstance(node, ast.Call):
        return [node]
    values = names.assigned(node, entered=entered) if isinstance(node, ast.Name) else []
    return [value for value in values if isinstance(value, ast.Call)]


def _on_a_transport_socket(call, names, hazard):
    """obj.meth(...) on the socket of a transport or server: obj is ``x.get_extra_info('socket')``,
    ``x.sockets[i]``, a name every assignment of which is one, or the variable of a loop over ``x.sockets``."""
    receiver = call.func.value if isinstance(call.func, ast.Attribute) else None
    if _is_transport_socket(receiver):
        return True
    if not isinstance(receiver, ast.Name):
        return False
    values = names.assigned(receiver)
    if values:
        return all(_is_transport_socket(value) for value in values)
    return (receiver.id, names.enclosing_function(receiver)) in _loops_over_sockets(names)


def _loops_over_sockets(names):
    """{(variable, function or None)} of the ``for variable in x.sockets`` loops, read once per module
    (asked for each call on a name: looking through every loop each time was quadratic)."""
    return names.once(("loops over sockets",), lambda: {
        (loop.target.id, names.enclosing_function(loop)) for loop in names.loops
        if isinstance(loop.target, ast.Name) and _is_sockets(loop.iter)})


def _is_transport_socket(node):
    if isinstance(node, ast.Call):
        return isinstance(node.func, ast.Attribute) and node.func.attr == "get_extra_info" \
            and bool(node.args) and string(node.args[0]) == "socket"
    return isinstance(node, ast.Subscript) and _is_sockets(node.value)


def _is_sockets(node):
    return isinstance(node, ast.Attribute) and node.attr == "sockets"


def _job_needs_a_fork(call, names, hazard):
    """loop.run_in_executor(pool, job, ...), pool made by one of the "instances" (a process pool;
    ``with ... as pool`` too), where a worker that imports the script afresh (forkserver, 3.14)
    differs from a fork: the module starts its program at import, or *job*, a function here,
    reads a global that the module sets at run time."""
    if len(call.args) < 2 or not any(names(value.func) in hazard.detect["instances"]
                                     for value in _made(call.args[0], names, entered=True)):
        return False
    if names.runs_at_import():
        return True
    job = names.functions.get(call.args[1].id) if isinstance(call.args[1], ast.Name) else None
    return job is not None and bool(names.set_at_run_time() & names.once(("reads", job), lambda: {
        node.id for node in ast.walk(job) if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)}))


def _not_an_instance(call, names, hazard):
    """name(x) where x is certainly not an instance of what name wants: a class itself (one of the
    "classes", or one defined here), or an instance of a class defined here that derives from nothing."""
    if not call.args:
        return False
    given = call.args[0]
    if isinstance(given, ast.Call):
        made_by = names.classes.get(given.func.id) if isinstance(given.func, ast.Name) else None
        return made_by is not None and _derives_from_nothing(made_by, names)
    return names(given) in hazard.detect["classes"] or (isinstance(given, ast.Name) and given.id in names.classes)


def _derives_from_nothing(cls, names, depth=0):
    """Whether *cls* has no base but object and classes here that have none either."""
    return depth < 8 and all(
        isinstance(base, ast.Name) and (base.id == "object" or (
            base.id in names.classes and _derives_from_nothing(names.classes[base.id], names, depth + 1)))
        for base in cls.bases) and not cls.keywords


method_calls("transport-socket-method", _on_a_transport_socket)
method_calls("run-in-process-pool", _job_needs_a_fork)
calls("call-with-non-instance", _not_an_instance)


@detector("call-with-coroutines", ast.Call)
def _call_with_coroutines(node, hazards, names):
    found = matching(hazards, names(node.func))
    if found and node.args and holds_coroutines(node.args[0], names):
        for hazard in found:
            yield node, hazard


def holds_coroutines(first, names):
    """Whether *first* (asyncio.wait's first argument) shows a call that may make a
    coroutine (port's AR403 fixer asks this too: it wraps what scan reports)."""
    return any(_may_be_a_coroutine(e, names) for e in _elements(first, names))


def _may_be_a_coroutine(element, names):
    """A call that does not make a Future or Task (ensure_future(), loop.create_task()...)."""
    return isinstance(element, ast.Call) and not names.is_future(element)


def _elements(first, names):
    """The elements of a list, tuple or set display, or the one of a comprehension;
    for a name, those of every value assigned to it (all plain assignments, see
    Module.assigned; ``done, pending = asyncio.wait(pending)`` adds Futures only) and
    what is appended (or added) to it there; [] for anything else."""
    if isinstance(first, (ast.List, ast.Tuple, ast.Set)):
        return first.elts
    if isinstance(first, (ast.ListComp, ast.SetComp, ast.GeneratorExp)):
        return [first.elt]
    if isinstance(first, ast.Name):
        values = names.assigned(first, wait_results=True)
        if not values:
            return []
        scope = names.binding_scope(first)
        added = [call.args[0] for method in ("append", "add") for call in names.calls_on(method, scope, first.id)
                 if len(call.args) == 1]
        displays = [value for value in values if not isinstance(value, ast.Name)]  # x = y: not followed
        return [e for value in displays for e in _elements(value, names)] + added
    return []


@detector("call-statement", ast.Expr)
def _call_statement(node, hazards, names):
    """name(...) as a statement; for a hazard's "loop_methods", also loop.meth(...) on a loop (see _is_loop)."""
    call = node.value
    if not isinstance(call, ast.Call):
        return
    for hazard in matching(hazards, names(call.func)):
        yield call, hazard
    if isinstance(call.func, ast.Attribute) and _is_loop(call.func.value, names):
        for hazard in hazards:
            if call.func.attr in {name.rsplit(".", 1)[-1] for name in hazard.detect.get("loop_methods", ())}:
                yield call, hazard


def _is_loop(node, names):
    """Whether *node* is an event loop: the current one (get_event_loop(), a name bound to it), a new
    one, or a name or attribute called loop as legacy code keeps it (loop, self.loop, self._loop).
    Not any obj: a TaskGroup's create_task keeps a reference to its task."""
    if names.is_current_loop(node) or isinstance(node, ast.Call) and names(node.func) == "asyncio.new_event_loop":
        return True
    spelled = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""
    return spelled.lower().endswith("loop")
