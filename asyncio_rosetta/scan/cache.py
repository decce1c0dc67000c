"""scan's cache: what each file gave, kept for the next scan of the same bytes (ruff's ``.ruff_cache``).

    >>> cache = Cache(".rosetta_cache")                                    # doctest: +SKIP
    >>> results = cache.results(items, wanted, lambda missing: [...])      # doctest: +SKIP

One JSON file per set of options (``scan-<key>.json`` in the folder), where
the key is this tool's version and code (as its files' sizes and times), the interpreter (its parser decides
what parses), and the hazards looked for. In it, per file (by absolute path):
the SHA-256 of its bytes, its package (relative imports resolve through it)
and what scanning it gave. A file whose bytes, package, tool or options
changed is scanned again; what could not be read, and a file whose worker
died, are never kept. A cache file that cannot be read or holds anything
else is ignored (and replaced), never an error; nor is a folder that cannot
be written. The folder git-ignores itself (its ``.gitignore`` holds ``*``).
"""

import hashlib
import json
import os
import sys

import asyncio_rosetta
from asyncio_rosetta.files import SourceError, removed_on_error
from asyncio_rosetta.scan import sources as _sources

__all__ = ["DEFAULT_FOLDER", "Cache"]

DEFAULT_FOLDER = ".rosetta_cache"
_PACKAGE = os.path.dirname(os.path.abspath(asyncio_rosetta.__file__))
_CACHEDIR_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
                 "# This file is a cache directory tag created by asyncio-rosetta scan.\n")
_code = []  # the package's own code and data (each file's name, size and mtime), hashed once per process


class Cache:
    """The results of scanning files, kept in *folder* between runs."""

    def __init__(self, folder=DEFAULT_FOLDER):
        self.folder = str(folder)

    def results(self, items, wanted, scan_missing):
        """``scan_missing(items)`` for the *items* ((path, None): read from disk) it
        holds nothing for, what it holds for the others: results in *items*' order."""
        path = os.path.join(self.folder, "scan-{}.json".format(_options_key(wanted)))
        entries = _load(path)
        keys = [_file_key(path) if text is None else None for path, text in items]  # a text given is not on disk
        ids = {hazard.id for hazard in wanted}
        results, missing = [None] * len(items), []
        for index, (item, key) in enumerate(zip(items, keys)):
            stored = entries.get(key[0]) if key else None
            result = _result(item[0], stored, ids) if stored is not None and stored.get("key") == key[1] else None
            if result is None:
                missing.append(index)
            results[index] = result
        kept = 0
        for index, result in zip(missing, scan_missing([items[index] for index in missing])):
            results[index] = result
            if keys[index] and _keeps(result):
                entries[keys[index][0]] = _entry(keys[index][1], result)
                kept += 1
        if kept:  # a warm scan writes nothing; one that does also drops the files gone since
            seen = {key[0] for key in keys if key}
            _save(self.folder, path, {name: entry for name, entry in entries.items()
                                      if name in seen or os.path.exists(name)})
        return results


def _options_key(wanted):
    """What decides a file's result besides its bytes: this tool, this interpreter, the hazards looked for."""
    if not _code:
        digest = hashlib.sha256()
        for folder, names, files in sorted(os.walk(_PACKAGE)):
            names.sort()
            for name in sorted(files):
                if name.endswith((".py", ".json")):  # its size and time: reading it all is 4 ms of a 60 ms warm scan
                    status = os.stat(os.path.join(folder, name))
                    digest.update("{}\0{}\0{}\0".format(name, status.st_size, status.st_mtime_ns).encode())
        _code.append(digest.hexdigest())
    parts = [asyncio_rosetta.__version__, _code[0], sys.implementation.name, list(sys.version_info[:3]),
             [[hazard.id, hazard.detect] for hazard in wanted]]
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:20]


def _file_key(path):
    """(absolute path, [SHA-256 of its bytes, its package]), or None if it cannot be read now."""
    if not isinstance(path, (str, os.PathLike)):
        return None
    try:
        with open(str(path), "rb") as source:
            digest = hashlib.sha256(source.read()).hexdigest()
    except OSError:
        return None
    return os.path.abspath(str(path)), [digest, _sources.package_of(path)]


def _keeps(result):
    """Only what the bytes decide: no error, or one the parser gave (not a worker's death, not a read)."""
    error = result[2]
    return error is None or (error.reason.startswith("cannot parse: ") and "MemoryError" not in error.reason)


def _entry(key, result):
    _, found, error, notes = result
    return {"key": key, "found": [list(finding) for finding in found],
            "error": None if error is None else error.reason, "notes": [list(note) for note in notes]}


def _result(path, entry, ids):
    """The scanner's result for *path* from a stored *entry*; None if the entry is not one this module
    wrote (for a hazard among *ids*)."""
    try:
        found = [(int(line), int(column), str(hazard)) for line, column, hazard in entry["found"]]
        notes = [(int(line), str(said)) for line, said in entry["notes"]]
        error = entry["error"]
        if not {hazard for _, _, hazard in found} <= ids or not isinstance(error, (str, type(None))):
            return None
        return path, found, None if error is None else SourceError(path, error), notes
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def _load(path):
    try:
        with open(path, "rb") as data:
            entries = json.loads(data.read().decode("utf-8"))
    except (OSError, ValueError, RecursionError):  # missing, unreadable, not UTF-8, not JSON, too deep for json
        return {}
    if not isinstance(entries, dict):
        return {}
    return {name: entry for name, entry in entries.items() if isinstance(entry, dict)}


def _save(folder, path, entries):
    try:
        os.makedirs(folder, exist_ok=True)
        for name, text in ((".gitignore", "# Created by asyncio-rosetta scan.\n*\n"), ("CACHEDIR.TAG", _CACHEDIR_TAG)):
            if not os.path.exists(os.path.join(folder, name)):
                _write(os.path.join(folder, name), text)
        _write(path, json.dumps(entries, sort_keys=True))
    except OSError:  # a read-only tree, a file where the folder should be: the scan itself is not affected
        pass


def _write(path, text):
    """All of *text* at *path* or nothing (a rename), without files.write_atomic's fsync: a cache file
    lost to a crash is a miss, and its fsyncs were 5 ms of a 110 ms scan."""
    import tempfile  # here: a warm scan writes nothing

    descriptor, temporary = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".tmp-")
    with removed_on_error(temporary):
        with os.fdopen(descriptor, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
