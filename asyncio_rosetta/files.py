"""The user's files: finding them in a tree, and writing one so that a reader never sees half of it.

    >>> errors = []
    >>> list(walk(["variants/async_await/hello.py"], errors))   # doctest: +SKIP
    [PosixPath('variants/async_await/hello.py')]
    >>> write_atomic("results/3.13.json", text, "utf-8")       # doctest: +SKIP

``walk`` yields files and reports what it cannot enter as SourceErrors (the
run goes on). ``write_atomic`` writes to a temporary file beside the target,
which is then renamed over it: on any error the old file (or no file) stays.
"""

import collections
import hashlib
import os
import stat
import tempfile
from pathlib import Path

__all__ = ["SourceError", "Snapshot", "walk", "read_bytes", "snapshot", "write_atomic", "SKIPPED_DIRS"]

# Folders that hold other people's code or build output, never the user's.
SKIPPED_DIRS = frozenset({
    ".git", ".hg", ".svn", ".tox", ".nox", ".venv", "venv", "env", "__pycache__", "build", "dist",
    "node_modules", ".mypy_cache", ".pytest_cache", ".ruff_cache", "site-packages", ".eggs",
})


class SourceError(Exception):
    """A file or folder that cannot be scanned; the message says why, in one line."""

    def __init__(self, path, reason):
        super().__init__("{}: {}".format(path, reason))
        self.path, self.reason = path, reason

    def __reduce__(self):  # crosses from scan's worker processes
        return SourceError, (self.path, self.reason)


# What a file held when it was read: its size, mtime_ns and the SHA-256 of
# its bytes. port writes a file only while it still holds exactly that.
Snapshot = collections.namedtuple("Snapshot", "size mtime_ns digest")


def read_bytes(path):
    """(the bytes of the file at *path*, their Snapshot). Raises OSError."""
    with open(str(path), "rb") as source:
        status = os.fstat(source.fileno())  # before reading: a write during the read changes the mtime
        data = source.read()
    return data, Snapshot(status.st_size, status.st_mtime_ns, hashlib.sha256(data).hexdigest())


def snapshot(path):
    """The Snapshot of what the file at *path* holds now. Raises OSError."""
    return read_bytes(path)[1]


def walk(paths, errors):
    """Yield the ``.py`` files under *paths* (files given by name are taken whatever
    their suffix); append a SourceError to *errors* for each path that cannot be read.
    Inside a folder, a symbolic link (to a file or a folder) is followed only if
    it leads to somewhere under *paths*; one that leads out is reported and
    skipped, as black does: its file is not one the user gave."""
    seen = set()
    given = [os.path.realpath(str(top)) for top in paths]
    for top in paths:
        top = Path(top)
        if not top.exists() and not top.is_symlink():
            errors.append(SourceError(top, "no such file or directory"))
        elif top.is_dir():
            for path in _walk_dir(top, seen, errors, given):
                if _readable_kind(path, errors):
                    yield path
        elif _readable_kind(top, errors):
            yield top


def _readable_kind(path, errors):
    """Whether *path* is a regular file (or cannot be looked at, which its reader
    reports). A FIFO, a device or a socket is reported and skipped: reading one
    blocks, or never ends (``/dev/zero``)."""
    try:
        mode = os.stat(str(path)).st_mode
    except OSError:
        return True
    if stat.S_ISREG(mode):
        return True
    errors.append(SourceError(path, "not a regular file (a FIFO, device or socket): skipped"))
    return False


def _stays_inside(path, given, errors):
    """Whether *path* (in a folder being walked) is not a link out of the *given*
    real paths; if it is, it is reported."""
    if not os.path.islink(path):
        return True
    real = os.path.realpath(path)
    if any(real == top or real.startswith(top.rstrip(os.sep) + os.sep) for top in given):
        return True
    errors.append(SourceError(Path(path), "a symbolic link out of the paths given (to {}): skipped".format(real)))
    return False


def _walk_dir(top, seen, errors, given):
    def onerror(exc):
        errors.append(SourceError(exc.filename or top, exc.strerror or str(exc)))

    for folder, dirs, files in os.walk(str(top), onerror=onerror, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:  # a symlink loop, or the same tree reached twice
            errors.append(SourceError(folder, "already scanned (symlink loop?)"))
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = [d for d in sorted(dirs) if d not in SKIPPED_DIRS and not d.endswith(".egg-info")
                   and not os.path.isfile(os.path.join(folder, d, "pyvenv.cfg"))
                   and _stays_inside(os.path.join(folder, d), given, errors)]
        for name in sorted(files):
            if name.endswith(".py") and _stays_inside(os.path.join(folder, name), given, errors):
                yield Path(folder) / name


def write_atomic(path, text, encoding):
    """Replace the file at *path* (or create it) with *text*: all of it or, on
    any error, none of it (a temporary file beside it, renamed over it); an
    existing file keeps its mode."""
    path = os.path.realpath(str(path))  # through a symlink: the link stays a link
    data = text.encode(encoding)
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    fd, temporary = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".{}.".format(os.path.basename(path)),
                                     suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def _umask():
    mask = os.umask(0o022)  # the only way to read it is to set it
    os.umask(mask)
    return mask
