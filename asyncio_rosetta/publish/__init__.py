"""Publishing what was measured: results files, the matrix, the benchmark and the static site.

It owns the results file each test session leaves per interpreter
(``results``), their merge into one table (``matrix``), the style-overhead
benchmark (``bench``) and the static site built from all of it (``site``,
with its stylesheet, script and page templates).
"""
