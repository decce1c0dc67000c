"""``asyncio.wait([coro(), ...])`` gets tasks, not coroutines (AR403).

    await asyncio.wait([a(), b()])   ->   await asyncio.wait([asyncio.ensure_future(a()), asyncio.ensure_future(b())])

``wait`` warns on bare coroutines from 3.8 and rejects them from 3.11.
``ensure_future`` is right for whatever a call returns: a coroutine becomes a
task, a Future stays as it is. Calls that already make a task are left.
(3.6 wrapped the coroutines in set order; the tasks now start in list order.)
"""

import libcst

from asyncio_rosetta.port.fixers import Fixer, detected, fixer

# Calls whose result is already a Future or a task.
_FUTURE_MAKERS = frozenset({"ensure_future", "create_task", "Task", "run_in_executor", "create_future",
                            "wrap_future", "run_coroutine_threadsafe", "gather", "shield"})


@fixer("AR403", min_target=(3, 6), trigger=["wait("])
class WaitCoroutines(Fixer):
    def leave_Call(self, original, updated):
        asyncio = self.names.module("asyncio")
        if asyncio is None or not updated.args or self.names.qualified(updated.func) not in detected("AR403"):
            return updated
        first = updated.args[0].value
        if isinstance(first, (libcst.List, libcst.Set)):
            elements = [e.with_changes(value=self._task(e.value, asyncio)) for e in first.elements]
            changed = first.with_changes(elements=elements)
        elif isinstance(first, (libcst.ListComp, libcst.SetComp, libcst.GeneratorExp)):
            changed = first.with_changes(elt=self._task(first.elt, asyncio))
        else:
            return updated
        if changed.deep_equals(first):
            return updated
        return updated.with_changes(args=[updated.args[0].with_changes(value=changed)] + list(updated.args[1:]))

    def _task(self, element, asyncio):
        if not isinstance(element, libcst.Call) or _last_name(element.func) in _FUTURE_MAKERS:
            return element
        self.applied()
        return libcst.Call(func=libcst.parse_expression("{}.ensure_future".format(asyncio)),
                           args=[libcst.Arg(value=element)])


def _last_name(func):
    if isinstance(func, libcst.Attribute):
        return func.attr.value
    return func.value if isinstance(func, libcst.Name) else None
