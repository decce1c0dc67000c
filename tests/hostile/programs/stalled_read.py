"""The command line, with a file named stalled.py whose read never returns (a stalled disk or
network mount; tests/hostile). Run as ``python stalled_read.py scan TREE``.

The patch is made at import, so that it is made in scan's and port's worker
processes too: they are spawned, and import the main script (this one) first.
"""

import os
import sys

sys.path.insert(0, os.environ["ROSETTA_HOSTILE_PROGRAMS"])
import hang  # noqa: E402
from asyncio_rosetta.scan import sources  # noqa: E402

_read = sources.read_snapshot  # what scan's and port's readers both call


def read_snapshot(path):
    if os.path.basename(str(path)) == "stalled.py":
        hang.forever()
    return _read(path)


sources.read_snapshot = read_snapshot

if __name__ == "__main__":
    from asyncio_rosetta.cli import main

    sys.exit(main())
