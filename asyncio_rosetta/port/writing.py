"""Writing a ported file back: only over what port read, and only as bytes that read back as the new text.

    >>> write_back("legacy.py", new, "utf-8", ported.read)   # doctest: +SKIP
    >>> encodes_back(text, "unicode_escape", read.digest)    # doctest: +SKIP
    False

``write_back`` replaces the file atomically (files.write_atomic: mode, owner
and group kept) or raises NotWritten, one line, and leaves it as it was:

- Changed: it no longer holds what port read (size, mtime_ns, SHA-256 of
  its bytes), checked once the new bytes are on disk, just before the rename.
  An editor saved it meanwhile: port it again.
- it has other hard links: renaming a new file over it would split them
  (the other names keep the old text), and writing it in place is not
  atomic (a crash or a full disk would leave it half-written, under every
  name). Port refuses; the user can break the link or port a copy.
- it is read-only: no write permission for its owner, or for this process.
  black fails there with "Permission denied" because it opens the file for
  writing; root may write any file, so the mode bits are read here, and a
  file someone made read-only is not replaced, whoever runs port.
- its new text does not encode to bytes that decode back to it.
- the write fails (a read-only folder, a full disk): the OSError's words.

A link that stays inside the paths given (files.walk skips those that lead
out) is read through: the file it leads to is ported and written once (the
link stays a link), under its own name if the walk found it too.

A file is rewritten only if its bytes decode and encode back to exactly
themselves (``# coding: unicode_escape`` or ``raw_unicode_escape`` would turn
``"\\u00e9"`` into ``"\\xe9"`` in every string that holds it; ``idna`` cannot
encode a line of more than 63 characters; ``undefined`` decodes nothing).
"""

import hashlib
import os
import stat

from asyncio_rosetta import files as _files

__all__ = ["NotWritten", "Changed", "write_back", "encodes_back", "once_each"]


class NotWritten(Exception):
    """Why a ported file was left as it was, in one line that starts with its path.
    A value, like files.SourceError: reported for that file, and the run goes on."""

    def __init__(self, path, reason):
        super().__init__("{}: {}".format(path, reason))
        self.path, self.reason = path, reason


class Changed(NotWritten):
    """The file changed after port read it: skipped (exit status 1, not 2)."""


def write_back(path, text, encoding, read):
    """Replace the file at *path*, which held the bytes of the files.Snapshot
    *read* when port read it, with *text* in *encoding*; or raise NotWritten
    and leave it as it is (see above)."""
    try:
        status = os.stat(str(path))
    except OSError as exc:
        raise Changed(path, "changed since port read it ({}): skipped".format(exc.strerror))
    if status.st_nlink > 1:  # refused rather than written in place, which is not atomic: see above
        raise NotWritten(path, "has {} hard links: a rewrite would split them".format(status.st_nlink))
    if not status.st_mode & stat.S_IWUSR or not os.access(str(path), os.W_OK):  # os.access: always yes for root
        raise NotWritten(path, "read-only (mode {:04o})".format(stat.S_IMODE(status.st_mode)))
    try:
        back = text.encode(encoding).decode(encoding) == text
    except (LookupError, UnicodeError):
        back = False
    if not back:
        raise NotWritten(path, "the rewrite does not encode in its encoding, {}".format(encoding))

    def unchanged(real):
        try:
            now = _files.snapshot(real)
        except OSError:
            now = None
        if now != read:
            raise Changed(path, "changed since port read it: skipped (port it again)")

    try:
        _files.write_atomic(path, text, encoding, check=unchanged)
    except OSError as exc:
        raise NotWritten(path, "could not be written: {}".format(exc.strerror or exc))


def encodes_back(text, encoding, digest):
    """Whether *text* encodes in *encoding* to the bytes whose SHA-256 is *digest*
    (the bytes it was decoded from, when they round-trip)."""
    try:
        data = text.encode(encoding)
    except (LookupError, UnicodeError):
        return False
    return hashlib.sha256(data).hexdigest() == digest


def once_each(paths):
    """*paths*, in order, with one path for each real file: the one that goes
    through no symbolic link if there is one, else the first. A file reached
    by its name and through a link is ported once, and reported by its name."""
    chosen = {}  # real path -> index in paths
    for index, path in enumerate(paths):
        real = os.path.realpath(str(path))
        if real not in chosen or _through_link(paths[chosen[real]]) and not _through_link(path):
            chosen[real] = index
    return [paths[index] for index in sorted(chosen.values())]


def _through_link(path):
    return os.path.realpath(str(path)) != os.path.abspath(str(path))
