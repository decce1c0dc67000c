"""The scanner: finds legacy asyncio constructs in source and says what each does on each Python.

It owns the hazard catalogue (``hazards``, from ``data/hazards.json``),
reading source as the interpreter would (``sources``, ``python2``), the
detectors that match hazards in a syntax tree (``detectors``), the scan of a
tree of files (``scanner``) and its reports in text, JSON and SARIF
(``report``).

    from asyncio_rosetta.scan.scanner import scan
    report = scan(["src/"], target=(3, 12))
"""
