"""The package's data files, and the clone they may live beside.

    >>> read_json(DATA / "topics.json")["topics"][0]["name"]
    'hello'

Facts are data (``data/topics.json``, ``compat.json``, ``hazards.json``),
read here and nowhere else. ``find_root`` finds the variants, probes and
expected traces: in the clone, or in the copy an installed wheel carries.
"""

import json
from pathlib import Path

from asyncio_rosetta.errors import CatalogError

__all__ = ["DATA", "read_json", "read_text", "in_clone", "find_root"]

PACKAGE = Path(__file__).resolve().parent
DATA = PACKAGE / "data"


def read_json(path):
    with open(str(path), encoding="utf-8") as data:
        return json.load(data)


def read_text(path):
    """A file's text; an unreadable file is a CatalogError naming it."""
    try:
        with open(str(path), encoding="utf-8") as source:
            return source.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError("cannot read {}: {}".format(path, getattr(exc, "strerror", None) or exc))


def in_clone():
    """Whether the package runs from a clone (or an editable install of one)."""
    return (PACKAGE.parent / "variants").is_dir()


def find_root():
    """The folder holding ``variants/``, ``probes/`` and ``tests/expected/``: the
    clone the package runs from, else the copy an installed wheel carries in
    ``asyncio_rosetta/bundled/`` (pyproject.toml), which matches the installed code.
    """
    root = PACKAGE.parent if in_clone() else PACKAGE / "bundled"
    if not (root / "variants").is_dir():
        raise CatalogError("no variants/ folder beside the package nor in {}: reinstall asyncio-rosetta, "
                           "or run it from a clone".format(root))
    return root
