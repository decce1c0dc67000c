"""Writing a file so that a reader never sees half of it.

    >>> write_atomic("results/3.13.json", text, "utf-8")   # doctest: +SKIP

The text goes to a temporary file beside the target, which is then renamed
over it: on any error the old file (or no file) stays.
"""

import os
import stat
import tempfile

__all__ = ["write_atomic"]


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
