"""The rewriter: carries legacy asyncio source to modern asyncio, keeping every comment and space.

It owns the port of a file or tree (``porter``), what LibCST cannot take
(``depth``: too deeply nested, found before LibCST sees it), writing the
result back (``writing``: only over what was read) and the fixers, one
module per rewrite, each registered with the hazard it fixes (``fixers``).
It needs LibCST (Python 3.9+); what it leaves, the scanner lists.

    from asyncio_rosetta.port.porter import port_source
    new, fixed = port_source(legacy_text, target=(3, 11))
"""
