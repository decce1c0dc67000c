"""The user's files: finding them in a tree, and writing one so that a reader never sees half of it.

    >>> errors = []
    >>> list(walk(["variants/async_await/hello.py"], errors))   # doctest: +SKIP
    [PosixPath('variants/async_await/hello.py')]
    >>> write_atomic("results/3.13.json", text, "utf-8")       # doctest: +SKIP

``walk`` yields files and reports what it cannot enter as SourceErrors (the
run goes on). ``write_atomic`` writes to a temporary file beside the target,
which is then renamed over it: on any error the old file (or no file) stays,
and the temporary file goes (one left by a killed run goes at the next write).
"""

import collections
import contextlib
import hashlib
import os
import re
import stat
import time
from pathlib import Path

__all__ = ["SourceError", "Snapshot", "walk", "read_bytes", "snapshot", "write_atomic", "removed_on_error",
           "remove_stale_temporaries", "skipped_by_default", "SKIPPED_DIRS", "STALE_AFTER"]

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


def walk(paths, errors, skip=None):
    """Yield the ``.py`` files under *paths* (files given by name are taken whatever
    their suffix); append a SourceError to *errors* for each path that cannot be read.
    Inside a folder, a file or folder for which *skip(path)* is true is passed over
    (default: skipped_by_default).
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
            for path in _walk_dir(top, seen, errors, given, skip or skipped_by_default):
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


def skipped_by_default(path):
    """Whether *path* is a folder of other people's code or of build output: one of
    SKIPPED_DIRS, an ``.egg-info``, or a virtualenv (it has a ``pyvenv.cfg``)."""
    name = os.path.basename(path)
    return name in SKIPPED_DIRS or name.endswith(".egg-info") or os.path.isfile(os.path.join(path, "pyvenv.cfg"))


def _walk_dir(top, seen, errors, given, skip):
    def onerror(exc):
        errors.append(SourceError(exc.filename or top, exc.strerror or str(exc)))

    for folder, dirs, files in os.walk(str(top), onerror=onerror, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:  # a symlink loop, or the same tree reached twice
            errors.append(SourceError(folder, "already scanned (symlink loop?)"))
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = [d for d in sorted(dirs) if not skip(os.path.join(folder, d))
                   and _stays_inside(os.path.join(folder, d), given, errors)]
        for name in sorted(files):
            path = os.path.join(folder, name)
            if name.endswith(".py") and not skip(path) and _stays_inside(path, given, errors):
                yield Path(folder) / name


# A temporary file is named for its target and the process that writes it,
# .<name>.rosetta-<pid>-<8 hex digits>.tmp, so that a run killed while
# writing (SIGKILL, a power cut) leaves nothing another program could take for
# its own: the next write to the same target removes such a leftover once
# both its process is gone and it was last written STALE_AFTER seconds ago.
# Either alone could remove a live write: a pid means nothing to a run on
# another machine or in another container sharing the folder, and a slow disk
# can hold a live write for seconds. Either way the worst case is a failed
# rename for that run (its target stays whole), never a lost file.
_TEMPORARY = re.compile(r"\.(?P<name>.+)\.rosetta-(?P<pid>[0-9]+)-[0-9a-f]{8}\.tmp\Z")
STALE_AFTER = 60


def write_atomic(path, text, encoding, check=None):
    """Replace the file at *path* (or create it) with *text*: all of it or, on
    any error, none of it (a temporary file beside it, renamed over it). An
    existing file keeps its mode, owner and group (or is not written: OSError).
    *check*, if given, is called with the real path once the new bytes are on
    disk, just before the rename: whatever it raises leaves the file as it was."""
    path = os.path.realpath(str(path))  # through a symlink: the link stays a link
    data = text.encode(encoding)
    try:
        status = os.stat(path)
    except FileNotFoundError:
        status = None
    folder, name = os.path.split(path)
    remove_stale_temporaries(folder, name)
    fd, temporary = _temporary(folder, name)
    with removed_on_error(temporary):
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
            if status is not None:
                _keep_owner(out.fileno(), status)
        # After the chown, which clears the set-user-id and set-group-id bits.
        os.chmod(temporary, stat.S_IMODE(status.st_mode) if status is not None else 0o666 & ~_umask())
        if check is not None:
            check(path)
        os.replace(temporary, path)


@contextlib.contextmanager
def removed_on_error(temporary):
    """The file *temporary* is removed if the block raises: a write that fails leaves none behind."""
    try:
        yield
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def _temporary(folder, name):
    """(descriptor, path) of a new, empty file in *folder*, named as _TEMPORARY says."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    while True:
        temporary = os.path.join(folder, ".{}.rosetta-{}-{}.tmp".format(name, os.getpid(), os.urandom(4).hex()))
        try:
            return os.open(temporary, flags, 0o600), temporary
        except FileExistsError:  # one chance in 2**32
            continue


def _keep_owner(fd, status):
    """Give the file open as *fd* the owner and group in *status*; OSError if this
    process may not (not root, and not their owner or not in the group): a file
    that changed hands could lock its owner out."""
    made = os.fstat(fd)
    if (made.st_uid, made.st_gid) == (status.st_uid, status.st_gid) or not hasattr(os, "fchown"):
        return
    try:
        os.fchown(fd, status.st_uid, status.st_gid)
    except OSError as exc:
        raise OSError(exc.errno, "cannot keep its owner and group ({}:{}): {}".format(
            status.st_uid, status.st_gid, exc.strerror))


def remove_stale_temporaries(folder, name):
    """Remove the temporary files that a killed run left in *folder* for its file
    *name* (see _TEMPORARY); those that cannot be removed stay."""
    try:
        entries = os.listdir(folder)
    except OSError:
        return
    prefix = ".{}.rosetta-".format(name)
    for entry in entries:
        match = _TEMPORARY.match(entry) if entry.startswith(prefix) else None  # the startswith is cheap
        if match is None or match.group("name") != name:
            continue
        temporary = os.path.join(folder, entry)
        try:
            if time.time() - os.lstat(temporary).st_mtime > STALE_AFTER and not _running(int(match.group("pid"))):
                os.unlink(temporary)
        except OSError:
            pass


def _running(pid):
    """Whether a process with this id runs on this machine (in this pid namespace)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: another user's process
        return True
    return True


def _umask():
    mask = os.umask(0o022)  # the only way to read it is to set it
    os.umask(mask)
    return mask
