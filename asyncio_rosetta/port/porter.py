"""Rewrite legacy asyncio code to modern asyncio, keeping comments and formatting.

    >>> new, fixed = port_source(legacy_text, target=(3, 11))   # doctest: +SKIP
    >>> dict(fixed)                                             # doctest: +SKIP
    {'AR101': 3, 'AR308': 1}

*target* is the oldest Python the result must still run on: a fixer applies
from its ``min_target`` on (``asyncio.run`` needs 3.7, the builtin
``TimeoutError`` 3.11). Only rewrites that keep behaviour are made (see
``_fixers``); what needs a person stays, and the scan of the result lists
it: what behaves differently somewhere from *target* to the newest Python.
Files are written (by ``port``, with writing.write_back) only when asked, never when they did not parse,
and a second run changes nothing. Needs LibCST (Python 3.9+), which parses the
source into a tree that keeps every comment and space.
"""

import ast
import collections
import warnings

from asyncio_rosetta import pool as _pool
from asyncio_rosetta.errors import RosettaError
from asyncio_rosetta.files import walk
from asyncio_rosetta.port import depth as _depth
from asyncio_rosetta.port import writing as _writing
from asyncio_rosetta.port.unbound import unbound_names
from asyncio_rosetta.scan import sources as _sources
from asyncio_rosetta.scan.scanner import scan
from asyncio_rosetta.versions import DEFAULT_TARGET

__all__ = ["PortError", "Ported", "Report", "Rewrite", "port", "port_source", "port_text", "port_file", "port_files",
           "fixers_for", "MODES", "PARALLEL_FROM"]

# diff: show what would change; check: only say whether something would; write: rewrite the files.
MODES = ("diff", "check", "write")

# From this many files on, worker processes port them: a LibCST rewrite costs
# ~0.5 s per 600 lines, about what starting a worker does.
PARALLEL_FROM = 8


class PortError(RosettaError):
    """Why a file (or, without LibCST, any file) cannot be ported, in one line."""


# text: what the file holds; new: what port makes of it (== text if nothing
# to do); fixed: Counter of hazard id -> rewrites; error: a SourceError or
# PortError, or after --write a writing.NotWritten (the file is then left
# alone); read: the files.Snapshot of the bytes read (a write goes ahead only
# while the file still holds them).
Ported = collections.namedtuple("Ported", "path text new fixed encoding error refused read")
Ported.__new__.__defaults__ = ((), None)  # refused: see Rewrite


def fixers_for(target):
    """The fixer classes that apply for *target*, in the order they run."""
    try:
        from asyncio_rosetta.port import fixers as _fixers
    except ImportError as exc:  # LibCST is not installed, or this Python is too old for it
        raise PortError("port needs LibCST, for Python 3.9+ ({}): pip install libcst".format(exc))
    return [fixer for fixer in _fixers.load() if tuple(target) >= fixer.min_target]


def port_source(text, target=DEFAULT_TARGET, package="", path="<source>"):
    """(new text, Counter of hazard id -> rewrites) for the source *text*.
    Raises PortError when it does not parse."""
    rewritten = port_text(text, target, package, path)
    return rewritten.new, rewritten.fixed


# new: the ported text (== text if nothing to do); fixed: Counter of hazard id
# -> rewrites; refused: (hazard ids, names) of each rewrite not made because the
# module would then read those names, which nothing binds.
Rewrite = collections.namedtuple("Rewrite", "new fixed refused")


def port_text(text, target=DEFAULT_TARGET, package="", path="<source>"):
    """The Rewrite of the source *text*; raises PortError when it does not
    parse, or is too deeply nested for LibCST (see depth)."""
    with warnings.catch_warnings():
        # What compiling the user's code says of it ('"\e" is an invalid escape sequence'): theirs, as scan leaves it.
        warnings.simplefilter("ignore", SyntaxWarning)
        warnings.simplefilter("ignore", DeprecationWarning)
        return _port_text(text, target, package, path)


def _port_text(text, target, package, path):
    if "\0" in text:  # port_file never reads one (a binary file); 3.12+'s tokenizer fails on it (SystemError)
        raise PortError("cannot parse: it contains NUL bytes")
    masked = _sources.mask_async_names(text)
    tree, deep = _depth.measure(masked)
    if deep is not None:  # before LibCST: its parser can crash the process
        raise PortError("too deeply nested for port's parser ({})".format(deep))
    try:
        return _port(text, masked, tree, target, package, path)
    except RecursionError:  # what the estimate missed: LibCST recursed too deep after all
        raise PortError("too deeply nested for port's parser (RecursionError)")


def _port(text, masked, tree, target, package, path):
    import libcst

    from asyncio_rosetta.port.fixers._names import Names

    try:
        module = libcst.parse_module(masked)
    except libcst.ParserSyntaxError as exc:
        raise PortError("cannot parse: " + _parse_error(masked, exc))
    fixers = [f for f in fixers_for(target) if any(trigger in text for trigger in f.triggers)]
    if not fixers:  # the pass, printing and the unbound-name check would give the text back: a plain module's
        return Rewrite(text, collections.Counter(), [])
    code, fixed, refused = _guarded(module, fixers, Names(module, package, target, masked, tree))
    if code == masked:
        return Rewrite(text, fixed, refused)
    new = _last_line_end(text, _sources.unmask(code))
    if new == text:
        return Rewrite(text, fixed, refused)
    _check(masked, _sources.mask_async_names(new), path)
    return Rewrite(new, fixed, refused)


def _guarded(module, fixers, names, unbound=unbound_names):
    """(code, fixed, refused): *module* after one pass of *fixers*, without
    those whose rewrite would leave the module reading a name nothing binds.
    Fixers are left out latest first (a later one builds on the earlier ones:
    AR308 on AR101's async def), one at a time, until nothing is added; each
    left out is refused. *unbound* is a seam for tests."""
    from asyncio_rosetta.port.fixers import rewrite

    before = unbound(module.code)

    def attempt(chosen):
        result, counts = rewrite(module, chosen, names)
        return result.code, counts, unbound(result.code) - before

    chosen, refused = list(fixers), []
    code, fixed, added = attempt(chosen)
    while added:
        names_added = sorted(added)
        culprit = next((f for f in reversed(chosen) if not attempt([g for g in chosen if g is not f])[2]),
                       chosen[-1])  # no single one: the latest goes, and the search goes on
        chosen.remove(culprit)
        refused.append((culprit.hazards, names_added))
        code, fixed, added = attempt(chosen)
    return code, fixed, refused


def _parse_error(masked, exc):
    """The interpreter's own words for a syntax error, when it has them (LibCST's are long)."""
    try:
        ast.parse(masked)
    except SyntaxError as error:
        return "{} (line {}, column {})".format(error.msg, error.lineno, error.offset)
    return "{} (line {}, column {})".format(exc.message.splitlines()[0], exc.raw_line, exc.raw_column + 1)


def _check(before, after, path):
    """Refuse a rewrite of a file that does not compile here (LibCST reads
    ``yield from`` outside a function, say: nothing to check the rewrite
    against), and a rewrite that does not compile (a bug in a fixer)."""
    try:
        compile(before, path, "exec", dont_inherit=True)
    except SyntaxError as exc:
        raise PortError("it does not compile here ({}, line {}), so its rewrite could not be checked".format(
            exc.msg, exc.lineno))
    try:
        compile(after, path, "exec", dont_inherit=True)
    except SyntaxError as exc:
        raise PortError("the rewrite does not compile ({}, line {}); file left alone: please report "
                        "this".format(exc.msg, exc.lineno))


def port_file(path, target=DEFAULT_TARGET):
    """Ported for the file at *path* (nothing is written)."""
    try:
        text, encoding, read = _sources.read_snapshot(path)
        if not _writing.encodes_back(text, encoding, read.digest):
            raise PortError("its encoding, {}, does not encode its text back to the same bytes".format(encoding))
        rewritten = port_text(text, target, _sources.package_of(path), str(path))
    except _sources.SourceError as exc:
        return Ported(path, None, None, collections.Counter(), None, exc)
    except PortError as exc:
        return Ported(path, None, None, collections.Counter(), None, PortError("{}: {}".format(path, exc)))
    return Ported(path, text, rewritten.new, rewritten.fixed, encoding, None, rewritten.refused, read)


def _last_line_end(text, new):
    """*new*, printed by LibCST from *text*, ending as *text* does: LibCST (1.x)
    drops the lone "\\r" (an old Mac line end) that ends a module, whatever is
    before it ("x\\r\\r" prints as "x\\r"); every other line end it keeps."""
    return new + "\r" if text.endswith("\r") else new


def port_files(paths, target=DEFAULT_TARGET, jobs=None):
    """[Ported] for each file in *paths*, in order (one process per core for
    many; a file whose worker process dies is reported, the others go on)."""
    return _pool.map_files(port_file, paths, target, jobs, PARALLEL_FROM, _crashed)


def _crashed(path, why):
    """Ported for a file whose worker process died porting it."""
    error = PortError("{}: the worker process porting it died ({})".format(path, why))
    return Ported(path, None, None, collections.Counter(), None, error)


class Report(collections.namedtuple("Report", "mode ported errors todo")):
    """What ``port`` did: every file's Ported, the paths that could not be
    read (SourceErrors), and the scan of what it wrote or would write (the
    to-do list, a scan Report). A file --write could not write back has its
    writing.NotWritten as its Ported's error."""

    __slots__ = ()

    @property
    def changed(self):
        return [p for p in self.ported if p.error is None and p.new != p.text]

    @property
    def failed(self):
        """Every path not ported: unreadable, the file did not parse, or could not be written."""
        return self.errors + [p.error for p in self.ported
                              if p.error is not None and not isinstance(p.error, _writing.Changed)]

    @property
    def skipped(self):
        """The files --write left because they changed after port read them (writing.Changed)."""
        return [p.error for p in self.ported if isinstance(p.error, _writing.Changed)]

    @property
    def refused(self):
        """One line per rewrite not made because the result would read a name nothing binds."""
        return ["{}: {} not rewritten: the result would read {}, which nothing in it binds".format(
            p.path, ", ".join(hazards), ", ".join(repr(name) for name in names))
            for p in self.ported for hazards, names in p.refused]

    @property
    def unchanged(self):
        return len(self.ported) - len(self.changed) - sum(p.error is not None for p in self.ported)

    @property
    def exit_status(self):
        """2 if a file could not be ported (or written), 1 if --write skipped one
        that changed meanwhile or --check found one to rewrite, else 0."""
        if self.failed:
            return 2
        return 1 if self.skipped or self.mode == "check" and self.changed else 0


def port(paths, target=DEFAULT_TARGET, mode="diff", jobs=None, before_write=None, skip=None):
    """Port the files under *paths* (*skip*: files.walk's) for *target*; in "write" *mode*, rewrite
    those that change (writing.write_back: atomically, and only over what was
    read). Returns a Report. *before_write*, called with each path just before
    it is written, is a seam for tests (to change the file meanwhile)."""
    fixers_for(target)  # a PortError now, not one per file, if LibCST is missing
    errors = []
    ported = port_files(_writing.once_each(list(walk(paths, errors, skip))), target, jobs)
    report = Report(mode, ported, errors, None)
    if mode == "write":
        for index, result in enumerate(ported):
            if result.error is not None or result.new == result.text:
                continue
            if before_write is not None:
                before_write(result.path)
            try:
                _writing.write_back(result.path, result.new, result.encoding, result.read)
            except _writing.NotWritten as exc:  # one line for this file; the others are still written
                ported[index] = result._replace(error=exc)
    done = [r for r in ported if r.error is None]
    # The to-do list covers the Pythons the result must run on: from the target (scan's oldest,
    # its --target-version) to the newest. What changed before the target is not the result's to meet.
    todo = scan([r.path for r in done], jobs=jobs, texts={r.path: r.new for r in done}, oldest=target)
    return report._replace(todo=todo)
