"""The Pythons the project covers, and how a version is written.

    >>> parse("3.12")
    (3, 12)
    >>> label(NEWEST), in_range("3.8-3.10", (3, 9)), in_range("3.11-", (3, 14))
    ('3.14', True, True)

Every command, data file and page speaks of these nine interpreters; a
version is a ``(major, minor)`` tuple inside the package and ``"3.12"`` at
its edges (flags, JSON, pages).
"""

import re

from asyncio_rosetta.errors import UsageError

__all__ = ["PYTHONS", "OLDEST", "NEWEST", "DEFAULT_TARGET", "parse", "parse_supported", "label", "in_range"]

# The interpreters every topic, hazard and results file has a row for.
PYTHONS = tuple((3, minor) for minor in range(6, 15))
OLDEST, NEWEST = PYTHONS[0], PYTHONS[-1]

# port's default --target: asyncio.run, get_running_loop and current_task all arrived in 3.7.
DEFAULT_TARGET = (3, 7)


def parse(text):
    """``"3.12"`` -> ``(3, 12)``; a ValueError for anything that is not dotted numbers."""
    return tuple(int(part) for part in text.split("."))


def parse_supported(text, flag="--target-version"):
    """``"3.12"`` (or ruff's ``"py312"``) -> ``(3, 12)`` if it is one of PYTHONS, else a UsageError naming *flag*."""
    ruff = re.match(r"py3([0-9]+)\Z", text)
    try:
        version = parse("3." + ruff.group(1) if ruff else text)
    except ValueError:
        version = None
    if version not in PYTHONS:
        raise UsageError("{} must be a version from {} to {}, got {!r}".format(
            flag, label(OLDEST), label(NEWEST), text))
    return version


def label(version):
    """``(3, 12)`` -> ``"3.12"``."""
    return "{}.{}".format(*version[:2])


def in_range(spec, version):
    """Whether (major, minor) *version* lies in an inclusive range like '3.8-3.10', '3.11-', '-3.6'."""
    low, _, high = spec.partition("-") if "-" in spec else (spec, "", spec)
    return (not low or parse(low) <= tuple(version[:2])) and (not high or tuple(version[:2]) <= parse(high))
