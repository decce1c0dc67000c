"""``[tool.asyncio-rosetta]`` in pyproject.toml: settings for scan and port, found as ruff finds its own.

    [tool.asyncio-rosetta]
    target-version = "3.8"       # the oldest Python the code must run on (ruff's meaning; "py38" too)
    upgrade-to = "3.12"          # scan: the newest Python it looks ahead to
    select = ["AR101", "loop-argument"]
    ignore = ["AR306"]
    exclude = ["build", "vendor/*"]        # replaces the folders passed over by default (.git, venv, build, ...)
    extend-exclude = ["tests/fixtures"]    # adds to them
    per-file-ignores = {"tests/*" = ["AR301"]}

    >>> find(["src/"]).select         # doctest: +SKIP
    ('AR101', 'loop-argument')

The file is the nearest ``pyproject.toml`` that holds the table, looking up from
the folder of the paths given; one without it is passed over (as ruff does).
Patterns are globs (fnmatch) matched against the path relative to that file's
folder and against the name alone; a file or folder given by name is never
excluded. A flag on the command line wins over the file. A bad key or value is
one line naming the file and the key. Read with tomllib (3.11+) or tomli (the
package's dependency below 3.11); a clone run with neither reads no settings,
unless a file has the table, which is then one line saying so.
"""

import collections
import fnmatch
import os
import re

from asyncio_rosetta.errors import CatalogError, UsageError
from asyncio_rosetta.versions import parse_supported

__all__ = ["Settings", "ConfigError", "TABLE", "KEYS", "NONE", "find", "read", "matcher", "skip", "per_file_ignored"]

TABLE = "tool.asyncio-rosetta"
KEYS = ("target-version", "upgrade-to", "select", "ignore", "exclude", "extend-exclude", "per-file-ignores")

# folder: where the file is (patterns are relative to it); None: no file.
Settings = collections.namedtuple("Settings", "path folder target_version upgrade_to select ignore exclude "
                                  "extend_exclude per_file_ignores")
NONE = Settings(None, None, None, None, None, None, None, (), {})

# Without a TOML parser, a file that may hold the table (the header, or a dotted key) must not be passed over.
_MENTIONS_TABLE = re.compile(r"""tool\s*\.\s*["']?asyncio-rosetta|^\s*\[\s*tool\s*\]""", re.MULTILINE)


class ConfigError(UsageError):
    """pyproject.toml cannot be used; the message names the file and the key."""


def find(paths, hazards=None):
    """The Settings of the nearest pyproject.toml with the table above *paths* (NONE if there is none)."""
    folder = _common_folder(paths)
    while True:
        candidate = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(candidate):
            settings = read(candidate, hazards)
            if settings is not None:
                return settings
        parent = os.path.dirname(folder)
        if parent == folder:
            return NONE
        folder = parent


def _common_folder(paths):
    folders = [path if os.path.isdir(path) else os.path.dirname(path) or "." for path in map(os.path.abspath, paths)]
    try:
        return os.path.commonpath(folders) if folders else os.getcwd()
    except ValueError:  # Windows: paths on two drives have no common folder; the first one's settings then
        return folders[0]


def read(path, hazards=None):
    """The Settings in the pyproject.toml at *path*, or None if it has no table.
    *hazards* (default: the catalogue) checks the hazard ids and names."""
    try:
        with open(path, "rb") as source:
            data = source.read()
    except OSError as exc:
        raise ConfigError("{}: cannot read it: {}".format(path, exc.strerror))
    toml = _parser()
    if toml is None:
        if _MENTIONS_TABLE.search(data.decode("utf-8", "replace")):
            raise ConfigError("{}: reading [{}] needs tomli below Python 3.11: pip install tomli".format(path, TABLE))
        return None
    try:
        document = toml.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, toml.TOMLDecodeError) as exc:
        raise ConfigError("{}: not valid TOML: {}".format(path, exc))
    table = document.get("tool", {}).get("asyncio-rosetta")
    if table is None:
        return None
    return _settings(path, table, hazards)


def _parser():
    try:
        import tomllib  # novermin -- 3.11+, tried first
        return tomllib
    except ImportError:
        pass
    try:
        import tomli
        return tomli
    except ImportError:
        return None


def _settings(path, table, hazards):
    def fail(key, problem):
        raise ConfigError("{}: [{}] {}: {}".format(path, TABLE, key, problem))

    if not isinstance(table, dict):
        fail("", "must be a table")
    for key in table:
        if key not in KEYS:
            fail(key, "unknown key; choose from: " + ", ".join(KEYS))
    if hazards is None:
        from asyncio_rosetta.scan.hazards import load as load_hazards
        hazards = load_hazards()

    def version(key):
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            fail(key, "must be a string ('3.8' or 'py38'), got {!r}".format(value))
        try:
            return parse_supported(value, "")
        except UsageError as exc:
            fail(key, str(exc).strip() + " (or 'py38' for 3.8)")

    def strings(key, value):
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            fail(key, "must be a list of strings, got {!r}".format(value))
        return tuple(value)

    def hazard_ids(key, value):
        for item in strings(key, value):
            try:
                hazards.get(item)
            except CatalogError as exc:
                fail(key, str(exc))
        return tuple(value)

    per_file = table.get("per-file-ignores", {})
    if not isinstance(per_file, dict):
        fail("per-file-ignores", "must be a table of pattern = [hazards], got {!r}".format(per_file))
    return Settings(
        path, os.path.dirname(os.path.abspath(path)), version("target-version"), version("upgrade-to"),
        hazard_ids("select", table["select"]) if "select" in table else None,
        hazard_ids("ignore", table["ignore"]) if "ignore" in table else None,
        strings("exclude", table["exclude"]) if "exclude" in table else None,
        strings("extend-exclude", table.get("extend-exclude", [])),
        {pattern: tuple(hazards.get(key).id for key in hazard_ids("per-file-ignores." + pattern, keys))
         for pattern, keys in per_file.items()})


def matcher(folder, patterns):
    """A test of a path: whether one of *patterns* matches its name, or its path relative
    to *folder* (or to the working directory when *folder* is None)."""
    base = os.path.abspath(folder or os.curdir)

    def matches(path):
        try:
            relative = os.path.relpath(os.path.abspath(str(path)), base).replace(os.sep, "/")
        except ValueError:  # Windows: on another drive than the settings
            relative = ""
        name = os.path.basename(str(path))
        return any(fnmatch.fnmatchcase(name, pattern) or fnmatch.fnmatchcase(relative, pattern.rstrip("/"))
                   for pattern in patterns)

    return matches


def skip(settings):
    """files.walk's *skip* for *settings*: ``exclude`` (else the default folders) and ``extend-exclude``."""
    from asyncio_rosetta.files import skipped_by_default

    extended = matcher(settings.folder, settings.extend_exclude)
    if settings.exclude is None:
        return lambda path: skipped_by_default(path) or extended(path)
    return matcher(settings.folder, settings.exclude + settings.extend_exclude)


def per_file_ignored(settings):
    """A test of a Finding: whether ``per-file-ignores`` leaves its hazard out in its file."""
    rules = [(matcher(settings.folder, [pattern]), set(ids)) for pattern, ids in settings.per_file_ignores.items()]
    return lambda finding: any(finding.hazard.id in ids and matches(finding.path) for matches, ids in rules)
