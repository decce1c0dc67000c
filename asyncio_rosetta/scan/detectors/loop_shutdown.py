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
    scope = names.enclosing_function(call)

    def later(method):  # calls obj.method(...) after this one, in the same function
        return [c for c in names.method_calls.get(method, ()) if (c.lineno, c.col_offset) > (
            call.lineno, call.col_offset) and names.enclosing_function(c) is scope]

    return (  # the rarest step first
        any(_is_step(c, "shutdown_asyncgens", loop) for c in later("shutdown_asyncgens"))
        and any(_runs(c, loop) and _gathers_cancelled_tasks(c.args[0], names) for c in later("run_until_complete"))
        and (any(_is_step(c, "shutdown_default_executor", loop) for c in later("shutdown_default_executor"))
             or any(_shuts_down_own_executor(c, loop, scope, names) for c in later("shutdown"))))


def _runs(call, loop):
    return isinstance(call.func, ast.Attribute) and call.func.attr == "run_until_complete" and bool(call.args) \
        and key(call.func.value) == loop


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
    return any(_cancels_each(each, tasks, scope, names) for each in names.loops)


def _cancels_each(loop, tasks, scope, names):
    """Whether the for statement *loop*, in *scope*, is ``for t in tasks: ... t.cancel()``."""
    if not (isinstance(loop.iter, ast.Name) and loop.iter.id == tasks and isinstance(loop.target, ast.Name)
            and names.enclosing_function(loop) is scope):
        return False
    return any(_is_step(getattr(statement, "value", None), "cancel", loop.target.id) for statement in loop.body)


def _shuts_down_own_executor(call, loop, scope, names):
    """executor.shutdown() (not wait=False) of the executor given to loop.set_default_executor() here."""
    if not (isinstance(call.func, ast.Attribute) and call.func.attr == "shutdown"):
        return False
    if any(k.arg == "wait" and getattr(k.value, "value", None) is False for k in call.keywords):
        return False
    executor = key(call.func.value)
    return executor is not None and any(_sets_default_executor(c, loop, executor, scope, names)
                                        for c in names.method_calls.get("set_default_executor", ()))


def _sets_default_executor(call, loop, executor, scope, names):
    """Whether *call*, in *scope*, is ``loop.set_default_executor(executor)``."""
    return _is_step(call, "set_default_executor", loop) and bool(call.args) and key(call.args[0]) == executor \
        and names.enclosing_function(call) is scope


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
