"""asyncio-rosetta: asyncio topics written three ways, proven to behave the same.

The public surface is small: load the catalogue, run a variant, check it.

    from asyncio_rosetta import load, run_variant, check
    catalog = load()
    result = run_variant(catalog.variant_path("hello", "async_await"))
    check(catalog, "hello", "async_await", result).status   # 'equal'
"""

import importlib
import sys

__all__ = ["load", "run_variant", "check"]
__version__ = "0.1.0"  # the only place: pyproject.toml reads it, --version and SARIF print it

_HOME = {"load": "harness.catalog", "run_variant": "harness.runner", "check": "harness.verify"}


def __getattr__(name):
    # Lazy (PEP 562): every variant run starts a child interpreter that
    # imports this package, and needs none of these modules.
    if name in _HOME:
        return getattr(importlib.import_module("asyncio_rosetta." + _HOME[name]), name)
    raise AttributeError("module 'asyncio_rosetta' has no attribute {!r}".format(name))


if sys.version_info < (3, 7):  # no module __getattr__ yet
    from asyncio_rosetta.harness.catalog import load  # noqa: E402,F401
    from asyncio_rosetta.harness.runner import run_variant  # noqa: E402,F401
    from asyncio_rosetta.harness.verify import check  # noqa: E402,F401
