"""Find legacy asyncio constructs in source files and say what breaks where.

    >>> report = scan(["legacy.py"], target=(3, 12))              # doctest: +SKIP
    >>> print(report.findings[0])                                 # doctest: +SKIP
    legacy.py:4:1  AR101  @asyncio.coroutine generator-based coroutines: warns on 3.8-3.10: ...

Files are parsed by the running interpreter's ``ast`` after ``async`` and
``await`` used as names (valid until 3.6) are masked in place, so that legacy
files parse on any Python from 3.6 (LibCST 1.9 cannot: its parser rejects
``async`` as a name whatever ``python_version`` it is given; ``ast`` is also
many times faster). A line of Python 2 syntax around the asyncio code
(``print "x"``) is read as Python 3 where the parser stops on it (see
``_python2``), and reported as a Note. A file that cannot be read or parsed
is reported as an error and the scan goes on. A ``# noqa:
AR101`` comment (ids or names, comma-separated; bare ``# noqa`` for all) on
the line of a finding suppresses it. Large trees are scanned by a process pool.
"""

import ast
import collections
import os
import re
import warnings

from asyncio_rosetta import pool as _pool
from asyncio_rosetta.render import printable
from asyncio_rosetta.files import walk
from asyncio_rosetta.scan import parts as _parts
from asyncio_rosetta.scan import sources as _sources
from asyncio_rosetta.scan.hazards import load as load_hazards
from asyncio_rosetta.versions import PYTHONS, label

__all__ = ["Finding", "Note", "Report", "scan", "PARALLEL_FROM", "READ_AS_PYTHON3"]

READ_AS_PYTHON3 = "read as Python 3: "  # how a note on a line of Python 2 begins

# With --jobs, from this many files on, a process pool parses them: spawning the workers
# costs ~0.5 s (46 files: 1.4 s serial, 1.9 s pooled; the 3.6 stdlib: 29 s vs 16 s).
PARALLEL_FROM = 100
# Without it, the work decides: one worker per this many bytes of source to scan, up to one per
# core; below two, none. A worker's start (an interpreter, this package) is 0.2-0.5 s and scan reads
# about 1 MB/s: the 3.6 asyncio + test_asyncio (0.95 MB) took 1.0 s in one process, 1.15-1.6 s in
# two (benchmarks/scan_throughput.py, on 2 busy cores).
BYTES_PER_WORKER = 1024 * 1024

_NOQA = re.compile(r"#\s*noqa\b(?::\s*(?P<codes>[\w\-]+(?:\s*,\s*[\w\-]+)*))?", re.IGNORECASE)


class Finding(collections.namedtuple("Finding", "path line column hazard target")):
    """One construct in one place; ``str()`` is the linter-style report line."""

    __slots__ = ()

    @property
    def message(self):
        return "{}: {}".format(self.hazard.title, self.explanation)

    @property
    def explanation(self):
        """What the construct does where, and what to use instead (the same for each finding of a hazard)."""
        hazard = self.hazard
        return "{} Use {} See topic {}.".format(
            _sentence(_what_happens(hazard, self.target)), _sentence(hazard.replacement), ", ".join(hazard.topics))

    def __str__(self):
        return "{}:{}:{}  {}  {}".format(printable(self.path), self.line, self.column, self.hazard.id, self.message)


def _what_happens(hazard, target):
    """What the construct does, by *target*: what breaks where (Hazard.breaks);
    for a hazard reported only because it was selected, that it runs as
    before up to the target and what it does after, or that it runs the same
    everywhere, and why it still matters (the entry's "why")."""
    breaks = hazard.breaks(target)
    if breaks:
        return breaks
    since = label(hazard.since)
    later = hazard.breaks()
    if later and hazard.since > tuple(target):
        return "exists from {} on, after --upgrade-to {}; {}".format(since, label(target), later)
    if later:
        return "runs as on {} up to {} (--upgrade-to); {}".format(since, label(target), later)
    why = next((hazard.outcome(v).why for v in PYTHONS if v >= hazard.since and hazard.outcome(v).why), "")
    return "runs the same on every Python from {} on".format(since) + (": " + why if why else "")


def _sentence(text):
    """*text* ending with a full stop (an error message may end with one, or a '?')."""
    return text if text.endswith((".", "?", "!")) else text + "."


class Note(collections.namedtuple("Note", "path line message")):
    """Something the user should know about how a file was read (not a finding, not an error)."""

    __slots__ = ()

    def __str__(self):
        return "{}:{}: note: {}".format(printable(self.path), self.line, self.message)


# target: the Python looked ahead to (--upgrade-to); oldest: the oldest the code runs on (--target-version).
Report = collections.namedtuple("Report", "findings errors files target notes oldest")
Report.__new__.__defaults__ = ((), PYTHONS[0])  # notes: none unless a file was read as Python 3


def scan(paths, target=PYTHONS[-1], select=(), ignore=(), jobs=None, hazards=None, texts=None, oldest=None,
         skip=None, cache=None):
    """Scan *paths* (files and folders) for the hazards that change behaviour
    by *target* (the Python looked ahead to), from *oldest* (the oldest Python
    the code runs on: what a construct did before it is not reported; default:
    the oldest covered); *select*/*ignore* filter by id or name, and a hazard in
    *select* is looked for whatever the target (even one that runs the same
    on every Python: its message says so; one of a single platform, AR7xx,
    only then). *texts* ({path:
    source}) is scanned instead of what those files hold (port scans what it
    would write); *skip* is files.walk's. *cache* (scan.cache.Cache), if given, gives
    what it holds for files read before and keeps the rest. Returns a Report."""
    hazards = hazards or load_hazards()
    if oldest is not None:  # the window starts there, as if the construct came into being then
        hazards = [h._replace(since=max(h.since, tuple(oldest))) for h in hazards]
    # A hazard selected by name always runs (as in ruff), whatever the target:
    # one that does not change by then (or on any Python) only when selected,
    # and so one of a single platform (Windows: most code never runs there).
    chosen = [h for h in hazards if (_named(h, select) if select else h.first_change(target) is not None
                                     and not h.platform) and not _named(h, ignore)]
    errors = []
    files = list(walk(paths, errors, skip))
    texts = texts or {}
    items = [(path, texts.get(path)) for path in files]
    work = lambda todo: _pool.map_files(_scan_file, todo, chosen, *_workers(todo, jobs), crashed=_crashed)  # noqa: E731
    results = work(items) if cache is None else cache.results(items, chosen, work)
    by_id = {h.id: h for h in chosen}
    findings, notes = [], []
    for path, found, error, repaired in results:
        if error is not None:
            errors.append(error)
        findings += [Finding(path, line, column, by_id[hazard_id], tuple(target))
                     for line, column, hazard_id in found]
        notes += [Note(path, line, said) for line, said in repaired]
    errors.sort(key=lambda error: str(error.path))
    return Report(findings, errors, len(files), tuple(target), notes, tuple(oldest or PYTHONS[0]))


def _workers(items, jobs):
    """(processes, from how many files a pool) for map_files: --jobs from PARALLEL_FROM files, else from the work."""
    if jobs is not None:
        return jobs, PARALLEL_FROM
    size = 0
    for path, text in items:
        try:
            size += len(text) if text is not None else os.path.getsize(str(path))
        except OSError:
            pass  # _scan_file says why
    workers = max(1, min(os.cpu_count() or 1, len(items), size // BYTES_PER_WORKER))  # a file is one worker's
    return workers, 1 if workers > 1 else len(items) + 1


def _named(hazard, keys):
    return any(key.upper() == hazard.id or key == hazard.name for key in keys)


def _scan_file(item, wanted):
    """(path, [(line, column, hazard id)], SourceError or None, [(line, note)])
    for the *wanted* hazards; *item* is (path, its text or None to read it)."""
    path, text = item
    kinds = {h.detect["kind"]: h for h in wanted}
    masked_at = []  # where async or await used as a name was masked

    def parse(text):
        masked_at[:] = [at for at in masked_at if at[0] < first[0]]  # a part's earlier parse: read again
        masked = _sources.mask_async_names(text, masked_at)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # invalid escapes and the like are not ours to report
            return masked, ast.parse(masked, str(path))

    first = [1]  # the first line of the part parse() reads (the module's: 1); the lines above it are not its own
    try:
        text = _sources.read(path) if text is None else text
        found, notes = (_read_in_parts if len(text) > _parts.PARTS_FROM else _read)(path, text, parse, first,
                                                                                     wanted)[:2]
    except _sources.SourceError as exc:
        return path, [], exc, []
    except SyntaxError as exc:
        error = _sources.SourceError(path, "cannot parse: " + _parse_error(exc))
        return path, _unsuppressed(_masked_names(masked_at, kinds), text), error, []
    except (RecursionError, MemoryError) as exc:  # "parser stack overflow", "... during ast construction"
        return path, [], _sources.SourceError(path, "cannot parse: too deeply nested for this Python's parser "
                                                    "({})".format(type(exc).__name__)), []
    except ValueError as exc:
        return path, [], _sources.SourceError(path, "cannot parse: {}".format(type(exc).__name__)), []
    return path, _unsuppressed(_masked_names(masked_at, kinds) + found, text), None, notes


def _read(path, text, parse, first, wanted, hidden=None):
    """([(line, column, hazard)], [(line, note)]) of *text*, parsed by *parse*
    from its line *first[0]* on (Python 2 lines read as Python 3)."""
    # Imported here: a warm re-scan, whose every file the cache holds, needs neither (a tenth of its time).
    from asyncio_rosetta.scan import python2 as _python2
    from asyncio_rosetta.scan.detectors import find

    (masked, tree), repaired = _python2.read_as_python3(text, parse)
    notes = [(line, READ_AS_PYTHON3 + said) for line, said in repaired]
    try:
        found = find(tree, _sources.source_lines(masked), wanted, _sources.package_of(path), notes, hidden)
    except RecursionError:  # the detectors walk the tree without recursing: the guard, should one ever do
        raise _sources.SourceError(path, "too deeply nested for scan's detectors (RecursionError): not scanned")
    return found, notes, tree


def _read_in_parts(path, text, parse, first, wanted):
    """_read's result for a module too large for one tree (scan.parts): each
    part's own lines, read with the imports of the parts before it."""
    from asyncio_rosetta.scan.detectors import hidden_note

    lines = _sources.source_lines(text)
    found, notes, above, parts_read = [], [], [], 0
    stars, hidden = set(), {}  # (module, line) of each star import; module -> the names it may hide in any part
    start = 0
    while start < len(lines):
        size = _parts.PART_SIZE
        while True:
            end = _parts.cut(lines, start, size)
            first[0] = start + 1
            read_hidden = []
            try:
                part_found, part_notes, tree = _read(path, _parts.text(lines, start, end, above), parse, first,
                                                     wanted, read_hidden)
                break
            except SyntaxError:
                if end == len(lines):
                    raise
                size *= 2  # cut inside a string or brackets, or a line of its own that does not parse
        found += [match for match in part_found if match[0] > start]
        notes += part_notes
        for module, line, names in read_hidden:
            if line > start:  # the part's own import, not one from above it
                stars.add((module, line))
            hidden.setdefault(module, set()).update(names)
        above = _parts.imports(tree, start, above)
        start = end
        parts_read += 1
    first[0] = 1
    notes += [(line, hidden_note(module, hidden[module])) for module, line in stars if hidden[module]]
    notes.append((1, _parts.note(len(text), parts_read)))
    return found, sorted(notes)


def _crashed(item, why):
    """_scan_file's result for a file whose worker process died scanning it."""
    path = item[0]
    return path, [], _sources.SourceError(path, "the worker process scanning it died ({}): not scanned".format(why)), []


def _masked_names(masked_at, kinds):
    """async or await as a name: where the parse masked it."""
    hazard = kinds.get("async-identifier")
    return [(line, column, hazard) for line, column in masked_at] if hazard else []


def _unsuppressed(found, text):
    lines = _sources.source_lines(text)
    return sorted({(line, column, hazard.id) for line, column, hazard in found
                   if not _suppressed(lines[line - 1] if line <= len(lines) else "", hazard)})


def _parse_error(exc):
    """A SyntaxError in one line, as the interpreter would put it."""
    return "{} (line {}, column {})".format(exc.msg, exc.lineno, exc.offset)


def _suppressed(line, hazard):
    match = _NOQA.search(line)
    if match is None:
        return False
    codes = match.group("codes")
    return codes is None or _named(hazard, [code.strip() for code in codes.split(",")])
