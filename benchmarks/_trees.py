"""The legacy code the benchmarks measure on, and how they list it.

Default: the 3.6 standard library's asyncio package and test/test_asyncio
(pyenv's 3.6 install), which use @coroutine hundreds of times.
"""

import os

PY36_LIB = os.path.expanduser("~/.pyenv/versions/3.6.15/lib/python3.6")
DEFAULT_TREES = [os.path.join(PY36_LIB, "asyncio"), os.path.join(PY36_LIB, "test", "test_asyncio")]


def python_files(folder):
    """The .py files under *folder*, in a stable order, __pycache__ left out."""
    for top, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py"):
                yield os.path.join(top, name)
