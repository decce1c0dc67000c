"""Writing a ported file back: only over what port read, and only as bytes that read back as the new text.

    >>> encodes_back(text, "unicode_escape", read.digest)   # doctest: +SKIP
    False

A file is rewritten only if its bytes decode and encode back to exactly
themselves (``# coding: unicode_escape`` or ``raw_unicode_escape`` would turn
``"\\u00e9"`` into ``"\\xe9"`` in every string that holds it; ``idna`` cannot
encode a line of more than 63 characters; ``undefined`` decodes nothing).
"""

import hashlib

__all__ = ["encodes_back"]


def encodes_back(text, encoding, digest):
    """Whether *text* encodes in *encoding* to the bytes whose SHA-256 is *digest*
    (the bytes it was decoded from, when they round-trip)."""
    try:
        data = text.encode(encoding)
    except (LookupError, UnicodeError):
        return False
    return hashlib.sha256(data).hexdigest() == digest
