"""``asyncio.wait([coro(), ...])`` gets tasks, not coroutines (AR403).

    await asyncio.wait([a(), b()])   ->   await asyncio.wait([asyncio.ensure_future(a()), asyncio.ensure_future(b())])
    coros = [fetch(u) for u in urls]
    await asyncio.wait(coros)        ->   await asyncio.wait([asyncio.ensure_future(c) for c in coros])

``wait`` warns on bare coroutines from 3.8 and rejects them from 3.11.
``ensure_future`` is right for whatever a call returns: a coroutine becomes a
task, a Future stays as it is. Calls that scan knows make a Future or a task
(``ensure_future``, ``loop.create_task``, a name every assignment of which
does) are left: port asks scan's model about each element, and about a name,
which is wrapped as a whole where scan reports it: every binding a plain ``name = ...`` of a list (tuple, set,
comprehension) holding calls, or calls appended (``.append``/``.add``) to it;
a Task passes through ``ensure_future`` unchanged, so a mixed list is right
too. A parameter, or a name bound otherwise, is left: nothing shows what it
holds. (3.6 wrapped the coroutines in set order; the tasks now start in list
order.) Outside a coroutine, a ``loop=`` given to wait is passed on to each
``ensure_future``, as wait itself did: a test suite's loop is often not the
current one (``set_event_loop(None)``), and 3.14 has no loop to look up.
"""

import libcst

from asyncio_rosetta.port.fixers import Fixer, detected, fixer
from asyncio_rosetta.port.fixers._ensure import each_on, ensure_future, loop_given

_COMPREHENSIONS = (libcst.ListComp, libcst.SetComp, libcst.GeneratorExp)


@fixer("AR403", min_target=(3, 6), trigger=["wait("])
class WaitCoroutines(Fixer):
    def leave_Call(self, original, updated):
        if self.spell("ensure_future", record=False) is None or not updated.args \
                or self.names.qualified(updated.func) not in detected("AR403"):
            return updated
        first, parsed = updated.args[0].value, original.args[0].value
        loop = None if self.in_async_function() else loop_given(original)
        if isinstance(first, (libcst.List, libcst.Set)):
            elements = [e.with_changes(value=self._task(e.value, p.value, loop))
                        for e, p in zip(first.elements, parsed.elements)]
            changed = first.with_changes(elements=elements)
        elif isinstance(first, _COMPREHENSIONS):
            changed = first.with_changes(elt=self._task(first.elt, parsed.elt, loop))
        elif isinstance(first, libcst.Name) and self._holds_coroutines(original.args[0].value):
            self.applied()
            changed = each_on(self.spell("ensure_future"), first, loop)
        else:
            return updated
        if changed.deep_equals(first):
            return updated
        return updated.with_changes(args=[updated.args[0].with_changes(value=changed)] + list(updated.args[1:]))

    def _task(self, element, parsed, loop):
        """*element* wrapped in ensure_future() (on *loop*, if not None) if scan says the
        call *parsed* (the same element in the module as parsed) may make a coroutine."""
        if not (isinstance(element, libcst.Call) and self.names.may_be_a_coroutine(parsed)):
            return element
        self.applied()
        return ensure_future(self.spell("ensure_future"), element, loop)

    def _holds_coroutines(self, name):
        """Whether scan reports the wait on *name* (a Name of the module as parsed):
        its bindings show a call that may make a coroutine (scan's holds_coroutines)."""
        return self.names.holds_coroutines(name)
