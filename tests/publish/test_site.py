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
_PRE = re.compile(r"<pre\b.*?</pre>", re.S)


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
            text = _PRE.sub("", _read(path))
            assert not re.search(r"https?://|url\(|@import", text), path


def test_the_measured_versions_are_stated_on_every_page(built):
    for page in _pages(built):
        assert "Measured on CPython 3.9.18, CPython 3.14.0 by the test suite (Linux-test)." in _read(built / page)


def test_index_finds_topics_and_hazards_by_legacy_and_modern_names(built):
    text = _read(built / "index.html")
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
    assert re.search(r'<span class="line"><span class="lno">\d+</span><span class="kn">import</span>', text)
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
