"""Measure what ``from asyncio import *`` binds on every interpreter, and where
each name is defined, into ``asyncio_rosetta/data/asyncio_exports.json``.

    python tests/model/record_exports.py     # with python3.6 ... python3.14 on PATH

``test_exports.py`` checks the data against the interpreter it runs on.
"""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from asyncio_rosetta.versions import PYTHONS, label  # noqa: E402

DATA = ROOT / "asyncio_rosetta" / "data" / "asyncio_exports.json"

# Printed by each interpreter: its version, and {name: [submodules whose __all__ has it]}.
PROBE = """
import asyncio, importlib, json, pkgutil, platform, sys, warnings
warnings.simplefilter("ignore")
where = {name: [] for name in asyncio.__all__}
for module in sorted(m.name for m in pkgutil.iter_modules(asyncio.__path__)):
    try:
        sub = importlib.import_module("asyncio." + module)
    except ImportError:  # windows_events and the like
        continue
    for name in getattr(sub, "__all__", ()):
        if name in where:
            where[name].append(module)
print(json.dumps([platform.python_version(), where]))
"""

# Exported before 3.6 only: no interpreter here runs them, so they are read, not measured.
READ = {
    "JoinableQueue": {"modules": ["queues"], "to": "3.4",
                      "source": "What's New in Python 3.5, removed: asyncio.JoinableQueue (bpo-23464); probes/AR207.py"},
}


def measure():
    names, measured = {}, {}
    for version in PYTHONS:
        out = subprocess.run(["python" + label(version), "-c", PROBE], check=True, stdout=subprocess.PIPE,
                             universal_newlines=True).stdout
        release, where = json.loads(out)
        measured[label(version)] = release
        for name, modules in where.items():
            entry = names.setdefault(name, {"from": label(version), "to": label(version), "modules": []})
            entry["to"] = label(version)
            entry["modules"] = sorted(set(entry["modules"]) | set(modules))
    return {
        "about": "What `from asyncio import *` binds (asyncio.__all__) on each interpreter, on Linux, and the "
                 "submodules whose __all__ defines each name. Measured by tests/model/record_exports.py; "
                 "`read` holds names exported only before 3.6, read from What's New.",
        "measured": measured,
        "names": dict(sorted(names.items())),
        "read": READ,
    }


if __name__ == "__main__":
    DATA.write_text(json.dumps(measure(), indent=1, sort_keys=False) + "\n", encoding="utf-8")
    print("wrote", DATA.relative_to(ROOT))
