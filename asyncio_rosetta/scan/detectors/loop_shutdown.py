"""``run-without-shutdown``: ``loop.run_until_complete(x)`` that leaves behind
what ``asyncio.run()`` cleans up after main(); ``run-until-complete-of``:
``loop.run_until_complete(obj.meth())`` for a method that can wait on the
shutdown (``server.wait_closed()``).

What asyncio.run() does by hand (the replacement of AR308; asyncio docs,
Runners, asyncio.run): cancel the pending tasks and gather them, then shut
down the async generators and the default executor (or, before 3.9, an
executor of one's own). Those steps are not flagged, nor a run that the whole
sequence follows on the same loop in the same function (or module body).
"""

import ast

from asyncio_rosetta.scan.detectors.calls import method_calls
from asyncio_rosetta.scan.detectors.model import key
from asyncio_rosetta.scan.detectors.registry import detector

__all__ = []

_SHUTDOWN_STEPS = frozenset({"shutdown_asyncgens", "shutdown_default_executor"})


def _without_shutdown(call, names, hazard):
    """loop.run_until_complete(x), unless x is a shutdown step itself, or the
    rest of the function (or module) shuts the same loop down completely."""
    if call.args and (any(_is_step(call.args[0], step) for step in _SHUTDOWN_STEPS)
                      or _gathers_cancelled_tasks(call.args[0], names)):
        return False
    loop = key(call.func.value) if isinstance(call.func, ast.Attribute) else None
    return loop is None or not _shut_down_later(call, loop, names)


def _shut_down_later(call, loop, names):
    """Whether the function around *call* (or the module) goes on to shut *loop*
    down: its async generators, its cancelled tasks gathered, its executor."""
    scope, at = names.enclosing_function(call), _position(call)
    return (  # the rarest step first
        _after(at, _last_call(names, "shutdown_asyncgens", scope, loop))
        and _after(at, _last_call(names, "run_until_complete", scope, loop, _gathers_cancelled_tasks_run))
        and (_after(at, _last_call(names, "shutdown_default_executor", scope, loop))
             or _after(at, _last_own_executor_shutdown(names, scope, loop))))


def _position(call):
    return call.lineno, call.col_offset


def _after(at, position):
    return position is not None and position > at


def _last_call(names, method, scope, receiver, test=None):
    """Where the last ``receiver.method(...)`` made directly in *scope* is (one for
    which test(call, names) holds), or None; found once per module (names.once),
    as each run_until_complete asks."""
    def last():
        return next((_position(c) for c in reversed(names.calls_on(method, scope, receiver))
                     if test is None or test(c, names)), None)
    return names.once(("last call", method, scope, receiver, test), last)


def _gathers_cancelled_tasks_run(call, names):
    """loop.run_until_complete(asyncio.gather(*tasks)), each of tasks cancelled before."""
    return bool(call.args) and _gathers_cancelled_tasks(call.args[0], names)


def _is_step(node, step, loop=None):
    """loop.<step>() (on any loop if *loop* is None)."""
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == step \
        and (loop is None or key(node.func.value) == loop)


def _gathers_cancelled_tasks(node, names):
    """asyncio.gather(*tasks, ...) where the function (or module) cancels each of tasks: for t in tasks: t.cancel()."""
    if not (isinstance(node, ast.Call) and names(node.func) == "asyncio.gather" and node.args
            and isinstance(node.args[0], ast.Starred) and isinstance(node.args[0].value, ast.Name)):
        return False
    tasks, scope = node.args[0].value.id, names.enclosing_function(node)
    return any(_cancels_each(each) for each in _loops_over(names, tasks, scope))


def _loops_over(names, name, scope):
    """The ``for t in name:`` statements made directly in *scope*, t a name."""
    def index():
        by_place = {}
        for loop in names.loops:
            if isinstance(loop.iter, ast.Name) and isinstance(loop.target, ast.Name):
                by_place.setdefault((loop.iter.id, names.enclosing_function(loop)), []).append(loop)
        return by_place
    return names.once("for loops by name", index).get((name, scope), ())


def _cancels_each(loop):
    """Whether the for statement *loop* (``for t in tasks:``) calls t.cancel() in its body."""
    return any(_is_step(getattr(statement, "value", None), "cancel", loop.target.id) for statement in loop.body)


def _last_own_executor_shutdown(names, scope, loop):
    """Where the last executor.shutdown() (not wait=False) made directly in *scope*
    is, of an executor given to loop.set_default_executor() there; or None."""
    def last():
        executors = {key(c.args[0]) for c in names.calls_on("set_default_executor", scope, loop) if c.args}
        found = [_last_call(names, "shutdown", scope, executor, _waits) for executor in executors - {None}]
        return max([position for position in found if position is not None], default=None)
    return names.once(("last executor shutdown", scope, loop), last)


def _waits(call, names):
    return not any(k.arg == "wait" and getattr(k.value, "value", None) is False for k in call.keywords)


method_calls("run-without-shutdown", _without_shutdown)


@detector("run-until-complete-of", ast.Call)
def _run_until_complete_of(node, hazards, names):
    """loop.run_until_complete(obj.meth(...)), meth the last part of one of the
    names: e.g. a legacy server's shutdown, run_until_complete(server.wait_closed())."""
    func = node.func
    if not (isinstance(func, ast.Attribute) and func.attr == "run_until_complete" and node.args):
        return
    run = node.args[0]
    if isinstance(run, ast.Call) and isinstance(run.func, ast.Attribute):
        for hazard in hazards:
            if run.func.attr in {name.rsplit(".", 1)[-1] for name in hazard.detect["names"]}:
                yield run, hazard
