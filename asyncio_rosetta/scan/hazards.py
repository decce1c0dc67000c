"""The hazard catalogue: legacy asyncio constructs and what each does on each Python.

    >>> hazards = load()
    >>> hazard = hazards.get("AR101")
    >>> hazard.name, hazard.first_change()
    ('coroutine-decorator', ((3, 8), 'warns'))
    >>> hazard.outcome((3, 11)).error
    "AttributeError: module 'asyncio' has no attribute 'coroutine'. Did you mean: 'coroutines'?"

Entries live in ``data/hazards.json``. Each one has a probe, ``probes/<ID>.py``
in the repository: a minimal program the test suite runs on every
interpreter, asserting the recorded outcome for that version exactly.

An entry of one platform (``"platform": "win32"``) records its outcomes there as
read from the docs, not measured (each row ``"measured": false`` with its
``"source"``), and, in ``"on_linux"``, what its probe does on Linux, measured:

    >>> windows = hazards.get("AR703")
    >>> windows.measured, windows.outcome((3, 12)).measured, windows.here((3, 12), "linux").measured
    (False, False, True)
"""

import collections
import functools
import sys
from pathlib import Path

from asyncio_rosetta.data import DATA, find_root, read_json
from asyncio_rosetta.errors import CatalogError
from asyncio_rosetta.versions import PYTHONS, in_range, label, parse

__all__ = ["Hazard", "Outcome", "Hazards", "load", "OUTCOMES", "FIXES", "DETECT_KINDS", "PLATFORMS",
           "NOT_MEASURED"]

# ok: runs as it always did; warns: runs, with exactly these warnings;
# fails: ends with exactly this exception; changed: runs, but prints
# something else than on older versions (behaviour changed silently).
OUTCOMES = ("ok", "warns", "fails", "changed")

# How safe an automatic rewrite is.
FIXES = ("safe", "review", "manual")

# How scan finds an entry in source (the "kind" of its "detect").
DETECT_KINDS = (
    "decorator",             # @name on a function, or name(f) (the decorator applied by hand)
    "call",                  # a call to name(...); with "getattr": true (the attribute itself is gone), also
                             # getattr(module, "name"[, default]) of one, called or not
    "call-keyword",          # name(..., keyword=...); also functools.partial(name, ..., keyword=...), and a
                             # subclass's super().__init__(..., keyword=...) or name.__init__(self, ..., keyword=...)
    "call-without-keyword",  # name(...) that does not pass keyword=
    "call-with-timeout",     # name(aw, timeout) that can time out: the timeout not a literal None, aw not shield(...)
    "call-with-coroutines",  # name([coro(), ...]): calls, not tasks, in its first argument, or a name bound to
                             # such a list (or comprehension), or to a list that calls are appended (added) to
    "reference",             # any use of name (attribute, import, except clause)
    "with-yield-from",       # with (yield from x):
    "with-await",            # with (await x):
    "with-instance",         # plain with on an object made by one of names (lock = asyncio.Lock(); with lock:)
    "await-instance",        # bare await x or yield from x (not in a with), x made by one of names (as with-instance)
    "method-call",           # obj.meth(...), any obj: names are Class.meth, matched by meth; "keyword": only if passed
    "factory-without-kwargs",  # obj.meth(f) (names as in method-call), f a function here without **kwargs
    "call-with-generator",   # name(g(...)), g a generator function without @types.coroutine (names as in method-call)
    "call-outside-coroutine",  # name(...) outside any async def (module body, plain function): no loop is running;
                               # not if passed "unless_keyword", nor, for the "loop_from_first" names, if the first
                               # argument is a Future or Task (the loop is taken from it); with "unless_loop_set",
                               # not in the module body after its first set_event_loop(loop) (the lookup finds it)
    "call-in-coroutine",     # name(...) inside an async def: the loop is already running
    "call-in-thread",        # name(...) in code a threading.Thread runs (its target, and what that calls)
    "run-without-shutdown",  # loop.meth(x) (names as in method-call) unless x is a shutdown step (shutdown_asyncgens(),
                             # shutdown_default_executor(), gather of the tasks it cancelled) or the rest of the
                             # function shuts the same loop down: those three, or its own default executor shut down
    "run-until-complete-of",  # loop.run_until_complete(obj.meth(...)), meth the last part of one of names
    "call-after",            # name(...) after a call to one of "after" made by the module body itself
    "call-statement",        # name(...) as a statement of its own: the result (a task) is dropped; also, for the
                             # "loop_methods", loop.meth(...) on a loop (made by get_event_loop() or new_event_loop(),
                             # or a name or attribute called loop: self.loop)
    "module-level-call",     # name(...) in a module or class body: runs at import time
    "submodule-name",        # from asyncio.sub import name / asyncio.sub.name, as spelled (not where it is public)
    "import-from",           # from module import name or import module.name: the import itself (not other uses)
    "method-call-with-instance",  # obj.meth(x) (names as in method-call), x made by one of "instances"
    "method-call-on-instance",    # obj.meth(...) (names as in method-call), obj made by one of "instances"
    "transport-socket-method",    # sock.meth(...) (names as in method-call), sock from x.get_extra_info('socket')
                                  # or x.sockets[i] (directly, through a name, or a loop over x.sockets)
    "run-in-process-pool",   # obj.meth(pool, job) (names as in method-call), pool made by one of "instances"
                             # (with ... as pool too), where the module starts its program at import (no
                             # __main__ guard) or job, a function here, reads a global set at run time
    "call-with-non-instance",  # name(x), x one of "classes" or a class here itself, or an instance of a class
                               # here that derives from nothing (not the base name wants)
    "driven-by-hand",        # next(c), c.send(x), c.throw(e) on what an @asyncio.coroutine generator returned
    "async-for",             # async for ... in name(...)
    "await-generator",       # await g(...), g a generator function without @types.coroutine
    "yield-from-coroutine",  # yield from c(...) in a generator without @types.coroutine, c an async def
    "yield-from-call-in-generator",  # yield from name(...) in a generator that is not a legacy coroutine
    "yield-from-in-async",   # yield from inside an async def
    "async-identifier",      # async or await used as a name (variable, argument, attribute), where scan masks it
    "except-handler",        # except clause catching one of names; with "before": only if a handler for it follows
    "except-star",           # an except* clause
    "return-in-finally",     # return, break or continue inside a finally block
    "runtime",               # nothing in the source shows it (it is how the program runs): scan never reports it
)

# measured: False where the row is read from the docs (a platform this project
# cannot run on), then source says where.
Outcome = collections.namedtuple("Outcome", "python outcome warnings error output why measured source")

# The platforms an entry may be of (sys.platform), and how they are named in what is shown.
PLATFORMS = {"win32": "Windows"}
NOT_MEASURED = "read from the docs, not measured"


class Hazard(collections.namedtuple(
        "Hazard", "id name title detect outcomes replacement fix topics facts probe since platform on_linux")):
    """One legacy construct (or non-equivalent port) and its outcome per interpreter."""

    __slots__ = ()

    @property
    def measured(self):
        """Whether every recorded outcome was measured (False: read from the docs)."""
        return all(row.measured for row in self.outcomes)

    @property
    def where(self):
        """'' for every platform, else the one its outcomes are of ('Windows')."""
        return PLATFORMS.get(self.platform, self.platform or "")

    def here(self, version, system=sys.platform):
        """The Outcome the probe has on *version* on *system* (sys.platform): the
        recorded one, or, off the entry's platform, what it does on Linux."""
        if not self.platform or system.startswith(self.platform):
            return self.outcome(version)
        if system.startswith("linux"):
            return _covering(self.on_linux, version, self.id)
        raise LookupError("hazard {} records its probe on {} and Linux, not on {}".format(
            self.id, self.where, system))

    def outcome(self, version):
        """The recorded Outcome on (major, minor) *version*."""
        return _covering(self.outcomes, version, self.id)

    def changes(self, target=PYTHONS[-1]):
        """The outcome rows that tell a porter something, up to *target*: from
        ``since`` (where the construct exists) on, every row that does not run
        as the first one there (which counts too if it warns or fails)."""
        rows = [row for row in self.outcomes if _bounds(row.python)[1] >= self.since]
        first = rows[0]
        picked = [first] if first.outcome in ("warns", "fails") else []
        picked += [row for row in rows[1:] if row.outcome != "ok"]
        return [row for row in picked if max(_bounds(row.python)[0], self.since) <= tuple(target)]

    def breaks(self, target=PYTHONS[-1]):
        """One line: what happens, version range by range, up to *target*."""
        parts = []
        for row in self.changes(target):
            low, high = _bounds(row.python)
            span = _span(max(low, self.since), min(high, tuple(target)))
            detail = row.error or (row.warnings[0] if row.warnings else row.why or "behaves differently")
            parts.append("{} on {}: {}".format(_VERBS[row.outcome], span, detail))
        if parts and not self.measured:
            return "on {} ({}): {}".format(self.where, NOT_MEASURED, "; ".join(parts))
        return "; ".join(parts)

    def first_change(self, target=PYTHONS[-1]):
        """((major, minor), outcome) of the first version up to *target* where
        the construct does not run as before (see changes()), or None."""
        rows = self.changes(target)
        if not rows:
            return None
        return max(_bounds(rows[0].python)[0], self.since), rows[0].outcome

    def sources(self):
        """The citations in ``facts``, one by one (split at the semicolons outside parentheses)."""
        parts, depth, start = [], 0, 0
        for at, char in enumerate(self.facts):
            depth += {"(": 1, ")": -1}.get(char, 0)
            if char == ";" and depth == 0:
                parts.append(self.facts[start:at])
                start = at + 1
        parts.append(self.facts[start:])
        return [part.strip() for part in parts if part.strip()]

    def probe_command(self, path=None):
        """How to run the probe (*path*, default: as seen from the clone) by hand, on
        the first Python where the construct changes (any Python if it never does),
        showing every warning as the test suite records it:
        ``python3.8 -W default probes/AR101.py``."""
        change = self.first_change()
        python = "python" + label(change[0]) if change else "python3"
        return "{} -W default {}".format(python, path or "probes/{}.py".format(self.id))


_VERBS = {"warns": "warns", "fails": "fails", "changed": "changes"}


def _covering(rows, version, hazard_id):
    for row in rows:
        if in_range(row.python, tuple(version)[:2]):
            return row
    raise LookupError("hazard {} has no outcome for {}.{}".format(hazard_id, *version))


def _span(low, high):
    """'3.6', '3.8-3.10' or, up to the newest interpreter, '3.11+'."""
    if low == high:
        return label(low)
    if high == PYTHONS[-1]:
        return label(low) + "+"
    return "{}-{}".format(label(low), label(high))


@functools.lru_cache(maxsize=None)  # asked for every finding's message: a few dozen ranges, each read once
def _bounds(spec):
    """The (low, high) versions an inclusive range like '3.8-3.10' or '3.11-' covers."""
    inside = [version for version in PYTHONS if in_range(spec, version)]
    return inside[0], inside[-1]


class Hazards:
    def __init__(self, entries):
        self.entries = entries

    def __iter__(self):
        return iter(self.entries)

    def __len__(self):
        return len(self.entries)

    def get(self, key):
        """An entry by id (``AR101``, any case) or name (``coroutine-decorator``)."""
        for hazard in self.entries:
            if key.upper() == hazard.id or key == hazard.name:
                return hazard
        raise CatalogError("unknown hazard {!r}; choose from: {}".format(
            key, ", ".join(h.id for h in self.entries)))


def load(root=None):
    """The catalogue; probe paths point into *root* (default: the clone, or the copy installed with the package)."""
    if root is None:
        try:
            root = find_root()
        except CatalogError:  # a broken install: no probes to run
            root = None
    raw = read_json(DATA / "hazards.json")["hazards"]
    return Hazards([
        Hazard(h["id"], h["name"], h["title"], h["detect"], _outcomes(h["outcomes"]),
               h["replacement"], h["fix"], h["topics"], h.get("facts", ""),
               root and Path(root) / "probes" / (h["id"] + ".py"),
               parse(h.get("since", "3.6")), h.get("platform"), _outcomes(h.get("on_linux", [])))
        for h in raw])


def _outcomes(rows):
    return [Outcome(r["python"], r["outcome"], r.get("warnings", []), r.get("error"), r.get("output", []),
                    r.get("why", ""), r.get("measured", True), r.get("source", "")) for r in rows]
