"""``asyncio.wait([coro(), ...])`` gets tasks, not coroutines (AR403).

    await asyncio.wait([a(), b()])   ->   await asyncio.wait([asyncio.ensure_future(a()), asyncio.ensure_future(b())])
    coros = [fetch(u) for u in urls]
    await asyncio.wait(coros)        ->   await asyncio.wait([asyncio.ensure_future(c) for c in coros])

``wait`` warns on bare coroutines from 3.8 and rejects them from 3.11.
``ensure_future`` is right for whatever a call returns: a coroutine becomes a
task, a Future stays as it is. Calls that already make a task are left.
A name is wrapped as a whole where its bindings show coroutines, as scan
reports it: every binding a plain ``name = ...`` of a list (tuple, set,
comprehension) holding calls, or calls appended (``.append``/``.add``) to it;
a Task passes through ``ensure_future`` unchanged, so a mixed list is right
too. A parameter, or a name bound otherwise, is left: nothing shows what it
holds. (3.6 wrapped the coroutines in set order; the tasks now start in list
order.)
"""

import libcst
from libcst import metadata

from asyncio_rosetta.port.fixers import Fixer, detected, fixer
from asyncio_rosetta.scan.sources import unmask

# Calls whose result is already a Future or a task.
_FUTURE_MAKERS = frozenset({"ensure_future", "create_task", "Task", "run_in_executor", "create_future",
                            "wrap_future", "run_coroutine_threadsafe", "gather", "shield", "async"})
_COMPREHENSIONS = (libcst.ListComp, libcst.SetComp, libcst.GeneratorExp)


@fixer("AR403", min_target=(3, 6), trigger=["wait("])
class WaitCoroutines(Fixer):
    def prepare(self, module):
        self._module, self._positions = module, None

    def leave_Call(self, original, updated):
        if self.spell("ensure_future", record=False) is None or not updated.args or self.names.qualified(updated.func) not in detected("AR403"):
            return updated
        first = updated.args[0].value
        if isinstance(first, (libcst.List, libcst.Set)):
            elements = [e.with_changes(value=self._task(e.value)) for e in first.elements]
            changed = first.with_changes(elements=elements)
        elif isinstance(first, _COMPREHENSIONS):
            changed = first.with_changes(elt=self._task(first.elt))
        elif isinstance(first, libcst.Name) and self._holds_coroutines(original.args[0].value):
            self.applied()
            changed = libcst.parse_expression("[{}(c) for c in {}]".format(self.spell("ensure_future"), first.value))
        else:
            return updated
        if changed.deep_equals(first):
            return updated
        return updated.with_changes(args=[updated.args[0].with_changes(value=changed)] + list(updated.args[1:]))

    def _task(self, element):
        if not _may_be_a_coroutine(element):
            return element
        self.applied()
        return libcst.Call(func=libcst.parse_expression(self.spell("ensure_future")),
                           args=[libcst.Arg(value=element)])

    def _holds_coroutines(self, name):
        """Whether scan reports the wait on *name* (a Name of the module as parsed):
        its bindings show a call that may make a coroutine (scan's holds_coroutines)."""
        if self._positions is None:  # resolved once per file, only where a name is waited on
            wrapper = metadata.MetadataWrapper(self._module, unsafe_skip_copy=True)
            self._positions = wrapper.resolve(metadata.PositionProvider)
        start = self._positions[name].start
        return self.names.holds_coroutines(start.line, start.column)


def _may_be_a_coroutine(element):
    """A call that does not make a Future or a task."""
    return isinstance(element, libcst.Call) and unmask(_last_name(element.func) or "") not in _FUTURE_MAKERS


def _last_name(func):
    if isinstance(func, libcst.Attribute):
        return func.attr.value
    return func.value if isinstance(func, libcst.Name) else None
