"""A variant that never ends, and starts a process that never ends (tests/hostile): copied over
variants/<style>/hello.py in a copy of the clone, for run and verify."""

import os
import sys

sys.path.insert(0, os.environ["ROSETTA_HOSTILE_PROGRAMS"])
import hang  # noqa: E402

if __name__ == "__main__":
    hang.forever(helper=True)
