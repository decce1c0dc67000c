"""The fixer registry: complete, in order, whichever thread asks first."""

import subprocess
import sys
import textwrap

from asyncio_rosetta.harness.runner import child_env

# A fresh interpreter, so that the package is imported by the racing threads themselves.
RACE = textwrap.dedent("""
    import threading
    barrier, seen = threading.Barrier(8), []

    def load():
        barrier.wait()
        from asyncio_rosetta.port import fixers
        seen.append([f.__name__ for f in fixers.load()])

    threads = [threading.Thread(target=load) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(len(seen), len(set(map(tuple, seen))), ",".join(seen[0]))
""")


def test_every_fixer_module_registers_in_order():
    from asyncio_rosetta.port import fixers  # LibCST: the folder's conftest skips below 3.9

    assert [f.__module__.rpartition(".")[2] for f in fixers.load()] == list(fixers.MODULES)


def test_threads_loading_at_once_all_see_the_whole_registry():
    from asyncio_rosetta.port import fixers

    out = subprocess.run([sys.executable, "-c", RACE], env=child_env(), stdout=subprocess.PIPE,
                         universal_newlines=True, check=True).stdout.split()
    assert out == ["8", "1", ",".join(f.__name__ for f in fixers.load())]
