"""Sources side by side as HTML, and Python as HTML lines (publish/site/aligned.py, highlight.py)."""

import re

from asyncio_rosetta.publish.site import aligned, highlight


def _plain(fragment):
    return re.sub(r"</?span[^>]*>", "", fragment)


def test_a_line_is_cut_where_a_mark_begins_and_ends():
    assert highlight.html([("k", "def"), ("", " "), ("nf", "fetch")], [(4, 6)]) == (
        '<span class="k">def</span> <mark><span class="nf">fe</span></mark><span class="nf">tch</span>')
    assert highlight.html([("", "a < b")]) == "a &lt; b"


def test_highlighter_tokens_are_the_source_lines():
    source = 'x = """a\nb"""\n\n  y\n'
    tokens = highlight.Highlighter().tokens(source)
    assert ["".join(text for _, text in line) for line in tokens] == source.splitlines()


def test_sources_side_by_side():
    before = '"""t: legacy\nmore\n"""\n@asyncio.coroutine\ndef f():\n    yield from g()\n'
    after = '"""t: modern\n"""\nasync def f():\n    await g()\n'
    left, right = aligned.html([before, after], [[[("", line)] for line in s.splitlines()] for s in (before, after)])
    # The docstrings fold (three rows: the longer one), the first line as the summary, not marked.
    assert left.startswith('<details class="doc" open><summary class="line"><span class="lno">1</span>')
    assert right.count('<span class="line gap">') == 2  # beside "more" and "@asyncio.coroutine"
    assert "<mark>yield from</mark> g()" in _plain(left) and "<mark>await</mark> g()" in _plain(right)
    # The indentation apart, so that a wrapped line goes on under its own code (site.css).
    assert '<span class="ind">    </span><span class="body"><mark>yield from</mark> g()</span>' in left
    assert "<mark>async</mark> def f():" in _plain(right) and "<mark>@asyncio.coroutine</mark>" in _plain(left)
