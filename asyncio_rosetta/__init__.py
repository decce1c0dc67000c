"""asyncio-rosetta: asyncio topics written three ways, proven to behave the same.

The public surface is small: load the catalogue, run a variant, check it.

    from asyncio_rosetta import load, run_variant, check
    catalog = load()
    result = run_variant(catalog.variant_path("hello", "async_await"))
    check(catalog, "hello", "async_await", result).status   # 'equal'
"""

from asyncio_rosetta.catalog import load
from asyncio_rosetta.runner import run_variant
from asyncio_rosetta.verify import check

__all__ = ["load", "run_variant", "check"]
__version__ = "0.1.0"
