"""The static site generator: every page there, every link resolving, nothing external."""

import os
import re
import sys

import pytest

from conftest import CATALOG, HAZARDS, TOPICS, cli
from asyncio_rosetta.publish import matrix
from asyncio_rosetta.publish import site
from asyncio_rosetta.publish.results import SCHEMA, write

_LINK = re.compile(r"""(?:href|src)="([^"]*)\"""")
# Code the site shows: traces in <pre>, sources in <div class="code ..."> (lines, no inner div).
_CODE = re.compile(r'<pre\b.*?</pre>|<div class="code\b.*?</div>', re.S)


def _results(minor, patch):
    """A results file as the suite writes it: every topic ran as recorded, one hazard did not."""
    topics = {t.name: {s.name: {"status": "equal", "outcome": "clean", "error": None, "warnings": []}
                       for s in CATALOG.styles} for t in CATALOG.topics}
    topics["hello"]["generator_coroutine"] = {"status": "expected failure", "outcome": "fails",
                                              "error": "AttributeError: no coroutine", "warnings": []}
    hazards = {h.id: {"outcome": "ok", "matches": True, "error": None, "warnings": [], "output": []}
               for h in HAZARDS}
    hazards["AR101"] = {"outcome": "changed", "matches": False, "error": None, "warnings": [],
                        "output": ["something else"]}
    hazards["AR703"] = dict(hazards["AR703"], platform_only="Windows")  # a Windows probe, run here on Linux
    return {"schema": SCHEMA, "python": {"version": patch, "minor": minor, "implementation": "CPython"},
            "platform": "Linux-test", "finished": "2025-01-01T00:00:00Z", "topics": topics, "hazards": hazards}


@pytest.fixture(scope="module")
def table(tmp_path_factory):
    folder = tmp_path_factory.mktemp("results")
    write(_results("3.9", "3.9.18"), folder)
    write(_results("3.14", "3.14.0"), folder)
    from asyncio_rosetta.publish.results import load_dir
    return matrix.merge(load_dir(folder), CATALOG)


@pytest.fixture(scope="module")
def built(tmp_path_factory, table):
    out = tmp_path_factory.mktemp("build") / "public"
    site.build(out, CATALOG, HAZARDS, table)
    return out


def _pages(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*.html"))


def _read(path):
    return path.read_text(encoding="utf-8")


def test_a_page_for_every_topic_and_hazard(built):
    pages = _pages(built)
    assert {"topics/{}.html".format(t) for t in TOPICS} <= set(pages)
    assert {"hazards/{}.html".format(h.id) for h in HAZARDS} <= set(pages)
    assert {"index.html", "guide.html", "matrix.html"} <= set(pages)
    assert len(pages) == len(TOPICS) + len(HAZARDS) + 4  # and bench.html: tests/publish/test_bench.py


def test_every_link_resolves_and_none_leaves_the_site(built):
    for page in _pages(built):
        path = built / page
        text = _read(path)
        links = _LINK.findall(text)
        assert links, page
        for link in links:
            if link == "data:,":  # the empty favicon: no request at all
                continue
            assert not re.match(r"^[a-z][a-z0-9+.-]*:|^//", link), (page, link)  # relative only
            target = (path.parent / link.split("#")[0]).resolve()
            assert target.is_file(), (page, link)
            assert built.resolve() in target.parents, (page, link)


def test_no_http_url_outside_the_code_shown(built):
    """No page, stylesheet or script names an http(s) URL; only code the site shows may
    (streams_http serves on 127.0.0.1)."""
    for path in built.rglob("*"):
        if path.is_file():
            text = _CODE.sub("", _read(path))
            assert not re.search(r"https?://|url\(|@import", text), path


def test_the_measured_versions_are_stated_on_every_page(built):
    for page in _pages(built):
        assert "Measured on CPython 3.9.18, CPython 3.14.0 by the test suite (Linux-test)." in _read(built / page)


def test_index_finds_topics_and_hazards_by_legacy_and_modern_names(built):
    text = _read(built / "index.html")
    assert 'Topics <span class="shown" data-for="topics">({})</span>'.format(len(TOPICS)) in text
    assert 'Hazards <span class="shown" data-for="hazards">({})</span>'.format(len(HAZARDS)) in text
    # A hazard in short: where it breaks, without the messages (its page has them).
    assert ('<a href="hazards/AR101.html">AR101</a><span class="id">coroutine-decorator</span> '
            '<span class="when">warns on 3.8-3.10, fails on 3.11+</span>') in text
    entries = re.findall(r'<li class="entry" data-terms="([^"]*)"><a href="([^"]*)"', text)
    assert len(entries) == len(TOPICS) + len(HAZARDS)

    def found(term):
        return {link for terms, link in entries if term in terms}

    assert "hazards/AR106.html" in found("asyncio.async")        # detect names
    assert "topics/ensure_future.html" in found("asyncio.async")  # topics.json apis
    assert "topics/hello.html" in found("yield from")            # derived from the variant's source
    assert "topics/hello.html" in found("get_event_loop")
    assert "topics/hello.html" in found("asyncio.run")
    assert any(link.startswith("topics/") for link in found("loop="))
    assert found("taskgroup") and found("no-such-api-at-all") == set()
    assert 'id="filter"' in text and "<kbd>/</kbd> filter" in text


def test_search_terms_from_source():
    source = "@asyncio.coroutine\ndef f():\n    yield from asyncio.sleep(1, loop=loop)\nloop.run_forever()\n"
    assert site.search_terms(source) == [
        "@asyncio.coroutine", "asyncio.coroutine", "yield from", "asyncio.sleep", "loop=", "loop.run_forever"]
    assert "await" not in site.search_terms("awaited = 1")


def test_topic_page_has_three_columns_with_changed_lines_marked(built, catalog):
    text = _read(built / "topics" / "wait_timeout.html")
    columns = re.findall(r'<section class="column" data-style="([^"]+)">', text)
    assert columns == [s.name for s in catalog.styles]
    assert text.count('class="line changed"') > 10
    assert '<span class="k">async</span>' in text  # highlighted by Pygments
    # A line all three share is not marked: the import.
    assert re.search(r'<span class="line"><span class="lno">\d+</span><span class="src"><span class="ind"></span>'
                     r'<span class="body"><span class="kn">import</span>', text)
    # Moved into the TaskGroup: only re-indented, not marked as rewritten ...
    assert re.search(r'<span class="line reindented"><span class="lno">\d+</span><span class="src"><span class="ind">'
                     r'\s+</span><span class="body"><span class="nb">print</span>', text)
    # ... while in a rewritten line only the words that differ are marked.
    assert "<mark>yield from</mark> asyncio.sleep(seconds)" in re.sub(r"</?span[^>]*>", "", text)
    # The module docstrings fold, the first line in view.
    assert text.count('<details class="doc" open><summary class="line">') == 3
    assert catalog.expected_path("wait_timeout").read_text(encoding="utf-8").splitlines()[0] in text
    assert 'href="../hazards/AR403.html"' in text or "No hazard" in text
    assert 'data-next="create_task.html"' in text and 'data-prev="task_cancel.html"' in text
    assert '<th>3.9.18</th><th>3.14.0</th>' in text


def test_topic_page_shows_the_measured_row_and_style_notes(built, catalog):
    text = _read(built / "topics" / "hello.html")
    assert '<td class="label-fails" title="AttributeError: no coroutine">fails</td>' in text
    assert "hazards/AR101.html" in text
    noted = next(t for t in catalog.topics if t.style_traces)
    style, note = next(iter(noted.style_traces.items()))
    page = _read(built / "topics" / (noted.name + ".html"))
    assert "This style differs on purpose: " + note.replace("'", "&#x27;").replace('"', "&quot;") in page
    assert "{} prints its own trace".format(style) in page


def test_hazard_page_has_every_python_with_messages_and_measurements(built):
    hazard = HAZARDS.get("AR101")
    text = _read(built / "hazards" / "AR101.html")
    for minor in ["3.{}".format(n) for n in range(6, 15)]:
        assert "<tr><th>{}</th>".format(minor) in text
    assert hazard.outcome((3, 11)).error.replace("'", "&#x27;") in text
    assert "not as recorded: something else" in text  # the probe's result differs in this fake run
    assert "on 3.14.0" in text and "not measured" in text  # 3.10 has no results
    assert "safe: an automatic rewrite keeps the behaviour" in text
    assert 'href="../topics/hello.html"' in text and "probes/AR101.py" in text
    assert "<h2>Sources</h2>" in text and "<li>What&#x27;s New in Python 3.11, Removed: @asyncio.coroutine (bpo-43216)</li>" in text
    assert "<code>python3.8 -W default probes/AR101.py</code>" in text
    # What the probe printed, neighbouring Pythons that printed the same as one.
    assert '<h3>3.9.18 to 3.14.0 <span class="outcome-changed">changed!</span></h3>\n<pre class="trace">something else' in text
    # port's rewrite, before and after, from the fixer's tests.
    assert "As <code>port --target-version 3.11</code> rewrites it" in text
    assert "tests/port/fixers/test_coroutine_decorator.py::test_decorated_generator_becomes_async_def" in text
    assert '<figcaption>before</figcaption>' in text
    assert "<mark>@asyncio.coroutine</mark>" in re.sub(r"</?span[^>]*>", "", text)


def test_a_hazard_without_results_says_so(tmp_path):
    from asyncio_rosetta.publish.site import hazard_page
    table = {"pythons": [{"version": "3.12.1", "minor": "3.12"}], "hazards": {}}
    assert hazard_page._runs(HAZARDS.get("AR101"), table) == (
        '<h3>3.12.1 <span class="outcome-">not measured</span></h3>\n'
        '<pre class="trace">no result for this probe from this Python</pre>')
    assert hazard_page._runs(HAZARDS.get("AR101"), None) == "<p>Not measured: this site was built without test results.</p>"


def test_a_hazard_no_fixer_rewrites_has_no_before_and_after(built):
    text = _read(built / "hazards" / "AR302.html")
    assert "Fix: manual" in text and "<figcaption>" not in text
    assert '<h3>3.9.18 to 3.14.0 <span class="outcome-ok">ok</span></h3>\n<pre class="trace">(nothing)</pre>' in text


def test_the_matrix_names_each_topic_across_the_table_and_styles_may_wrap(built):
    text = _read(built / "matrix.html")
    assert ('<tr class="group"><th colspan="3"><span class="stick"><a href="topics/hello.html">hello</a></span></th></tr>'
            '<tr><th><code>generator_<wbr>coroutine</code></th><td class="label-fails">fails</td>') in text
    assert text.count('<div class="sticky" tabindex="0">') == 2


def test_a_windows_hazard_is_shown_as_read_from_the_docs_everywhere_it_is_shown(built):
    """Its page, its index entry, the guide and the matrix say its outcomes are read, not
    measured; its page also shows what its probe does on Linux, as measured."""
    page = _read(built / "hazards" / "AR703.html")
    assert "<strong>Windows only: every outcome below is read from the docs, not measured</strong>" in page
    assert page.count("fails (read from the docs, not measured)") == 9  # each Python's row
    assert "source: asyncio docs, Platform Support, Windows" in page
    assert "<h2>On Linux (measured)</h2>" in page and page.count('<td class="msg">SIGTERM handler set</td>') == 9
    assert "ok*</span> on 3.14.0 (on Linux: the Linux row below)" in page
    assert "run the probe from a clone on windows" in page.lower()
    assert "where selected: <code>--select AR703</code> (a Windows hazard)" in page
    assert "read from the docs" not in _read(built / "hazards" / "AR101.html")
    index = _read(built / "index.html")
    entry = index[index.index('href="hazards/AR703.html"'):]
    assert entry[:entry.index("</li>")].count("on Windows (read from the docs, not measured): fails on 3.6+") == 1
    assert "on Windows only, read from the docs, not measured; scan reports it where selected (--select AR701)" \
        in _read(built / "guide.html")
    matrix_page = _read(built / "matrix.html")
    assert '<a href="hazards/AR703.html">AR703</a></th><td class="outcome-ok">ok*</td>' in matrix_page
    assert "* = a hazard of another platform (Windows)" in matrix_page


def test_the_index_counts_and_lists_every_hazard_of_the_data(built):
    index = _read(built / "index.html")
    assert '<h2>Hazards <span class="shown" data-for="hazards">({})</span></h2>'.format(len(HAZARDS)) in index
    assert re.findall(r'href="hazards/(AR\d+)\.html"', index) == [h.id for h in HAZARDS]


def test_guide_is_ordered_by_version_and_names_the_commands(built):
    text = _read(built / "guide.html")
    headings = re.findall(r'<h2 id="py(\d+)">', text)
    assert headings == sorted(headings, key=int) and "38" in headings and "311" in headings and "314" in headings
    assert "scan src/ --upgrade-to 3.11" in text and "port src/ --target-version 3.11" in text
    section = text[text.index('id="py311"'):text.index('id="py312"')]
    assert "AR101 coroutine-decorator" in section  # @asyncio.coroutine is gone in 3.11


def test_without_pygments_the_site_builds_plain_and_says_so(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pygments", None)  # import pygments raises ImportError
    out = site.build(tmp_path / "plain", CATALOG, HAZARDS)
    text = _read(out / "topics" / "hello.html")
    assert "Built without Pygments: code is not highlighted" in text
    assert 'class="k"' not in text and "class=\"line changed\"" in text
    assert "Not measured" in text


def test_a_rebuild_replaces_the_site_and_leaves_nothing_beside_it(tmp_path):
    out = tmp_path / "public"
    site.build(out, CATALOG, HAZARDS)
    (out / "stale.html").write_text("old", encoding="utf-8")
    site.build(out, CATALOG, HAZARDS)
    assert not (out / "stale.html").exists() and (out / "index.html").is_file()
    assert os.listdir(str(tmp_path)) == ["public"]


def test_a_folder_that_is_not_a_site_is_left_alone(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(site.SiteError, match="exists and is not a site built here"):
        site.build(tmp_path, CATALOG, HAZARDS)
    assert os.listdir(str(tmp_path)) == ["notes.txt"]


def test_command(tmp_path):
    results = tmp_path / "results"
    write(_results("3.12", "3.12.3"), results)
    out = cli("site", str(tmp_path / "public"), "--results", str(results))
    assert out.returncode == 0, out.stderr
    assert "measured on 3.12.3" in out.stdout
    assert "CPython 3.12.3" in _read(tmp_path / "public" / "index.html")
    out = cli("site", str(tmp_path / "other"), "--results", str(tmp_path / "missing"))
    assert out.returncode == 2 and len(out.stderr.splitlines()) == 1 and "no results folder" in out.stderr
    assert not (tmp_path / "other").exists()


def test_a_hazard_in_short_groups_the_spans_of_one_verb():
    from asyncio_rosetta.publish.site.pages import _in_short

    class Hazard:
        def __init__(self, said, where=None):
            self.breaks = lambda: said
            self.measured, self.where = where is None, where

    said = "warns on 3.8-3.9: DeprecationWarning: x; y; changes on 3.10: a: b; changes on 3.11+: c"
    assert _in_short(Hazard(said)) == "warns on 3.8-3.9, changes on 3.10, 3.11+"
    assert _in_short(Hazard("")) == "runs the same on every Python; see the page"
    assert _in_short(Hazard("on Windows (read from the docs, not measured): fails on 3.8+: NotImplementedError",
                            "Windows")) == "on Windows (read from the docs, not measured): fails on 3.8+"
