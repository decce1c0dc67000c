"""The proof harness: runs each variant as ``__main__`` on a virtual clock and compares its trace.

It owns the catalogue of topics and styles (``catalog``), what each style is
recorded to do on each Python (``compat``), the stamped traces (``tracing``),
the runs themselves (``runner``, with the private clock, hooks, child and
fork server behind it) and the verdicts (``verify``). Nothing is imported
here: every variant run starts a child that imports this package, and it
must import little.
"""
