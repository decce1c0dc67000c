"""What a style does on an interpreter: the compatibility table as data.

    >>> from asyncio_rosetta.harness.catalog import load
    >>> exp = expectation(load(), "hello", "async_await", (3, 14))
    >>> exp.outcome, exp.phase
    ('fails', 'runner')
    >>> exp.error
    "RuntimeError: There is no current event loop in thread 'MainThread'."

A topic's own rows (``topics`` in compat.json) win over its style's rows.
"""

import collections
import sys

from asyncio_rosetta.versions import in_range

__all__ = ["Expectation", "expectation", "supported", "reference_style"]

OUTCOMES = ("clean", "warns", "fails")

Expectation = collections.namedtuple(
    "Expectation", "outcome warnings error phase why in_process_error")


def expectation(catalog, topic, style, version=None):
    """The recorded outcome of *topic* in *style* on *version* (default: this interpreter)."""
    version = tuple(version or sys.version_info[:2])
    rows = catalog.topic_outcomes.get(topic, {}).get(style, []) + catalog.style(style).outcomes
    for row in rows:
        if in_range(row["python"], version):
            return Expectation(row["outcome"], row.get("warnings", []), row.get("error"),
                               row.get("phase"), row.get("why", row.get("note", "")),
                               row.get("in_process_error"))
    raise LookupError("compat.json has no row for {} on {}.{}".format(style, *version))


def supported(catalog, style, version=None):
    """Whether *style* is meant to run on *version* (the style table's 'must run on')."""
    return in_range(catalog.style(style).runs_on, tuple(version or sys.version_info[:2]))


def reference_style(catalog, topic, version=None):
    """The newest style expected to run (not fail) *topic* on *version*
    (default: this interpreter): what ``run`` shows and the tests compare with."""
    for style in reversed(catalog.styles):
        if expectation(catalog, topic, style.name, version).outcome != "fails":
            return style.name
    return catalog.styles[-1].name
