"""The rewrites ``port`` makes: one module per fixer, registered with the hazard it fixes.

    @fixer("AR106", min_target=(3, 6), trigger=["async"])
    class AsyncioAsync(Fixer):
        '''asyncio.async(x) -> asyncio.ensure_future(x)'''
        def leave_Attribute(self, original, updated): ...

A fixer rewrites LibCST nodes, so comments and formatting survive. It
applies when the user's ``--target-version`` (the oldest Python the result must run
on) is at least its ``min_target``; fixers run in registration order (a
generator coroutine becomes an ``async def`` before ``with (await lock)``
becomes ``async with``). What a fixer leaves alone, the scan of the result
reports. LibCST is needed (Python 3.9+); nothing else in the package uses it.
"""

import collections
import functools
import importlib

import libcst

from asyncio_rosetta.port.fixers._names import add_imports, drop_unused
from asyncio_rosetta.scan import hazards as _hazards

__all__ = ["Context", "Fixer", "fixer", "rewrite", "FIXERS", "load", "detected", "is_main_guard", "only_statement"]

# The fixer modules, in the order their rewrites must happen.
MODULES = (
    "coroutine_decorator", "with_lock", "asyncio_async", "loop_argument", "task_class_methods",
    "wait_coroutines", "running_loop", "asyncio_run", "main_loop", "timeout_error", "futures_exceptions",
)

FIXERS = []


def fixer(*hazards, min_target, trigger):
    """Register a Fixer subclass as the rewrite for *hazards* (ids) from
    *min_target* on, for sources that contain one of the strings *trigger*."""
    def register(cls):
        cls.hazards, cls.min_target, cls.triggers = hazards, min_target, tuple(trigger)
        FIXERS.append(cls)
        return cls
    return register


def load():
    """Every fixer, in order. The registry is filled when this package is
    imported (the last lines below), under the import lock: a thread that
    imports it concurrently waits for the whole list, never sees half of it."""
    return list(FIXERS)


@functools.lru_cache(maxsize=None)
def _catalogue():
    return _hazards.load()


def detected(hazard_id):
    """The names a hazard's entry detects (hazards.json): fixers match what scan finds."""
    return frozenset(_catalogue().get(hazard_id).detect["names"])


class Context:
    """What the fixers of one pass share: the module's names (a _names.Names,
    which resolves in the scopes the pass is in), the functions that become
    ``async def`` in this pass, and the functions, lambdas and classes around
    the node being visited."""

    def __init__(self, names):
        self.names = names
        self.converting = set()  # FunctionDef nodes (as parsed)
        self.scopes = []         # (kind, node), innermost last; kind: async, def, lambda, class
        names.scopes, names.added, names.unused, names.modules = self.scopes, set(), set(), set()


class Fixer:
    """Base of the fixers. A fixer defines LibCST ``visit_<Node>``/``leave_<Node>``
    methods; one pass (``rewrite``) calls those of every fixer in order, so
    the tree is walked once however many fixers apply."""

    hazards = ()
    min_target = None
    # The walk is slow (pure Python): a fixer takes part only when the source
    # contains one of these strings.
    triggers = ()

    def __init__(self, context):
        self.context = context
        self.names = context.names
        self.fixed = collections.Counter()  # hazard id -> rewrites made

    def prepare(self, module):
        """Called with the parsed module before the pass."""

    def spell(self, name, record=True):
        """How to write asyncio's *name* in this module (``asyncio.sleep``, ``sleep``
        after ``from asyncio import *``...), or None: see _names.Names.spell."""
        return self.names.spell(name, record)

    def applied(self, hazard=None):
        self.fixed[hazard or self.hazards[0]] += 1

    def loop_assignment(self, line):
        """*name* if the statement line is ``name = asyncio.get_event_loop()``, else None."""
        statement = only_statement(line)
        if isinstance(statement, libcst.Assign) and len(statement.targets) == 1 \
                and isinstance(statement.targets[0].target, libcst.Name) \
                and isinstance(statement.value, libcst.Call) and not statement.value.args \
                and self.names.qualified(statement.value.func) in detected("AR301"):
            return statement.targets[0].target.value
        return None

    def in_async_function(self):
        """Directly in an ``async def`` (or a generator this pass makes one)."""
        return bool(self.context.scopes) and self.context.scopes[-1][0] == "async"


def rewrite(module, fixer_classes, names):
    """*module* after one pass of the fixers; returns (module, Counter of hazard id -> rewrites)."""
    context = Context(names)
    fixers = [fixer_class(context) for fixer_class in fixer_classes]
    for each in fixers:
        each.prepare(module)
    module = module.visit(_Pass(context, fixers))
    if names.added or names.modules:  # names the fixers wrote that the module must now import
        module = add_imports(module, names.added, names.modules)
    if names.unused:
        module = drop_unused(module, names.unused)
    fixed = collections.Counter()
    for each in fixers:
        fixed.update(each.fixed)
    return module, fixed


_SCOPES = {libcst.Lambda: "lambda", libcst.ClassDef: "class"}


class _Pass(libcst.CSTTransformer):
    def __init__(self, context, fixers):
        super().__init__()
        self.context, self.fixers = context, fixers
        self.methods = {}  # ("visit"|"leave", node type) -> the fixers' methods for it

    def _methods(self, kind, node_type):
        key = kind, node_type
        if key not in self.methods:
            name = "{}_{}".format(kind, node_type.__name__)
            self.methods[key] = [getattr(f, name) for f in self.fixers if hasattr(f, name)]
        return self.methods[key]

    def on_visit(self, node):
        if isinstance(node, libcst.FunctionDef):
            converting = node.asynchronous is not None or node in self.context.converting
            self.context.scopes.append(("async" if converting else "def", node))
        elif type(node) in _SCOPES:
            self.context.scopes.append((_SCOPES[type(node)], node))
        for visit in self._methods("visit", type(node)):
            visit(node)
        return True

    def on_leave(self, original, updated):
        for leave in self._methods("leave", type(original)):
            updated = leave(original, updated)
            if not isinstance(updated, type(original)):  # removed, or replaced by another kind of node
                break
        if isinstance(original, libcst.FunctionDef) or type(original) in _SCOPES:
            self.context.scopes.pop()
        return updated


def is_main_guard(node):
    """Whether *node* is ``if __name__ == "__main__":``."""
    test = getattr(node, "test", None)
    return isinstance(node, libcst.If) and isinstance(test, libcst.Comparison) \
        and isinstance(test.left, libcst.Name) and test.left.value == "__name__" \
        and len(test.comparisons) == 1 and isinstance(test.comparisons[0].operator, libcst.Equal) \
        and isinstance(test.comparisons[0].comparator, libcst.SimpleString) \
        and test.comparisons[0].comparator.evaluated_value == "__main__"


def only_statement(line):
    """The one small statement of a simple statement line (``x = f()``), or None."""
    if isinstance(line, libcst.SimpleStatementLine) and len(line.body) == 1:
        return line.body[0]
    return None


# Registering every fixer here, at import, not on first use: the suite's
# background batch and a test on the main thread both port (a lazily filled
# list was once seen half-filled: "not idempotent" in a fixer test).
for _name in MODULES:
    importlib.import_module("{}.{}".format(__name__, _name))
