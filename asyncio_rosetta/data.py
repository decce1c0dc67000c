"""The package's data files, and the clone they may live beside.

    >>> read_json(DATA / "topics.json")["topics"][0]["name"]
    'hello'

Facts are data (``data/topics.json``, ``compat.json``, ``hazards.json``),
read here and nowhere else. ``find_root`` finds the clone (variants,
probes, expected traces), which an installed package may not have.
"""

import json
import os
from pathlib import Path

from asyncio_rosetta.errors import CatalogError

__all__ = ["DATA", "read_json", "read_text", "find_root"]

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


def find_root(start=None):
    """The repository root: the folder holding ``variants/``.

    The package's parent when run from a clone (or an editable install),
    else the nearest parent of *start* (the working directory) that has one.
    """
    candidates = [PACKAGE.parent]
    here = Path(start or os.getcwd()).resolve()
    candidates += [here] + list(here.parents)
    for candidate in candidates:
        if (candidate / "variants").is_dir():
            return candidate
    raise CatalogError("no variants/ folder found: run from a clone of asyncio-rosetta")
