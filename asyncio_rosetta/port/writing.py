"""Writing a ported file back: only over what port read, and only as bytes that read back as the new text.

    >>> encodes_back(text, "unicode_escape", read.digest)   # doctest: +SKIP
    False

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

__all__ = ["encodes_back", "once_each"]


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
