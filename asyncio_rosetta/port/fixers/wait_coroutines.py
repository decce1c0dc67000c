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
_DISPLAYS = (libcst.List, libcst.Tuple, libcst.Set)
_COMPREHENSIONS = (libcst.ListComp, libcst.SetComp, libcst.GeneratorExp)


@fixer("AR403", min_target=(3, 6), trigger=["wait("])
class WaitCoroutines(Fixer):
    def prepare(self, module):
        self._module, self._metadata = module, None

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
        """Whether every binding of *name* (a Name of the module as parsed) is a
        plain assignment, and they or what is appended to it show a call that
        may make a coroutine."""
        if self._metadata is None:  # resolved once per file, only where a name is waited on
            wrapper = metadata.MetadataWrapper(self._module, unsafe_skip_copy=True)
            self._metadata = wrapper.resolve_many([metadata.ScopeProvider, metadata.ParentNodeProvider])
        scopes, parents = self._metadata[metadata.ScopeProvider], self._metadata[metadata.ParentNodeProvider]
        scope = scopes.get(name)
        bindings = scope[name.value] if scope is not None else ()
        elements = []
        for binding in bindings:
            value = _assigned(binding, parents)
            if value is None:
                return False
            elements += _elements(value) + _added(binding, parents)
        return any(_may_be_a_coroutine(element) for element in elements)


def _assigned(binding, parents):
    """The value of ``name = value`` that makes *binding*; None for any other binding."""
    node = getattr(binding, "node", None)
    target = parents.get(node) if isinstance(node, libcst.Name) else None
    statement = parents.get(target) if isinstance(target, libcst.AssignTarget) else None
    if isinstance(statement, libcst.Assign) and len(statement.targets) == 1:
        return statement.value
    return None


def _elements(value):
    if isinstance(value, _DISPLAYS):
        return [element.value for element in value.elements]
    if isinstance(value, _COMPREHENSIONS):
        return [value.elt]
    return []


def _added(binding, parents):
    """The arguments of ``name.append(x)`` and ``name.add(x)`` on what *binding* bound."""
    added = []
    for access in binding.references:
        attribute = parents.get(access.node)
        call = parents.get(attribute)
        if isinstance(attribute, libcst.Attribute) and attribute.value is access.node \
                and attribute.attr.value in ("append", "add") and isinstance(call, libcst.Call) \
                and call.func is attribute and len(call.args) == 1:
            added.append(call.args[0].value)
    return added


def _may_be_a_coroutine(element):
    """A call that does not make a Future or a task."""
    return isinstance(element, libcst.Call) and unmask(_last_name(element.func) or "") not in _FUTURE_MAKERS


def _last_name(func):
    if isinstance(func, libcst.Attribute):
        return func.attr.value
    return func.value if isinstance(func, libcst.Name) else None
