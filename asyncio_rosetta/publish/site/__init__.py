"""The browsable reference: a static site built from the catalogue, the hazards and the measured matrix.

    >>> build("public", load(), load_hazards(), table)   # doctest: +SKIP  (table: matrix.merge(...) or None)
    PosixPath('public')

Pages: ``index.html`` (every topic and hazard, filtered by legacy or modern API
name), ``topics/<topic>.html`` (the three styles side by side, changed lines
marked, the expected trace, the topic's measured row, related hazards),
``hazards/<ID>.html`` (outcome per Python with exact messages),
``guide.html`` (what breaks moving to each Python), ``matrix.html`` and
``bench.html`` (style overhead, from ``bench --output`` data, or how to get it).
Relative links only, no external request: it works from ``file://``.
Standard library, plus Pygments for highlighting when installed (without it
the code is plain and the pages say so). The site is built in a temporary
folder beside OUT_DIR and renamed into place, so OUT_DIR never holds half a site.
"""

import html
import os
import re
import shutil
import tempfile
from pathlib import Path

from asyncio_rosetta import render as _render

from asyncio_rosetta.publish import bench
from asyncio_rosetta.data import read_text
from asyncio_rosetta.errors import CatalogError
from asyncio_rosetta.versions import PYTHONS, in_range
from asyncio_rosetta.publish.matrix import cell_label, hazard_label

__all__ = ["build", "search_terms", "SiteError", "MARKER"]

# Written into every site built here: a folder holding it may be replaced
# by a rebuild; any other non-empty folder is left alone.
MARKER = ".asyncio-rosetta-site"
ASSETS = Path(__file__).resolve().parent

# Source constructs a reader searches for that are not dotted names.
_SYNTAX = ("yield from", "async def", "async with", "async for", "await", "loop=", "except*",
           "@asyncio.coroutine", "@types.coroutine")
_DOTTED = re.compile(r"\b(?:asyncio|loop)(?:\.[A-Za-z_]\w*)+")
_FIX_WORDS = {"safe": "safe: an automatic rewrite keeps the behaviour",
              "review": "review: a rewrite is offered, but read it",
              "manual": "manual: needs a person"}


class SiteError(CatalogError):
    """OUT_DIR cannot be used; one line says why."""


def _esc(text):
    return html.escape(str(text), quote=True)


def search_terms(text):
    """Dotted asyncio/loop names and legacy/modern syntax found in source *text*, in order of appearance.

    >>> search_terms("loop = asyncio.get_event_loop()\\nyield from asyncio.sleep(1, loop=loop)")
    ['asyncio.get_event_loop', 'asyncio.sleep', 'yield from', 'loop=']
    """
    found = [(m.start(), m.group()) for m in _DOTTED.finditer(text)]
    for word in _SYNTAX:
        index = text.find(word)
        if index != -1 and (word != "await" or re.search(r"\bawait\b", text)):
            found.append((index, word))
    seen, out = set(), []
    for _, term in sorted(found):
        if term not in seen:
            seen.add(term)
            out.append(term)
    return out


class _Highlighter:
    """Python source as HTML lines, with Pygments when it is installed."""

    def __init__(self):
        try:
            from pygments import highlight
            from pygments.formatters import HtmlFormatter
            from pygments.lexers import PythonLexer
            from pygments.styles import get_style_by_name
        except ImportError:
            self.available = False
            return
        self.available = True
        self._highlight, self._lexer = highlight, PythonLexer(stripnl=False, ensurenl=False)
        self._formatter = HtmlFormatter(nowrap=True)
        try:
            get_style_by_name("github-dark")
            dark = "github-dark"
        except Exception:  # older Pygments: no github-dark
            dark = "monokai"
        self.css = "{}\n@media (prefers-color-scheme: dark) {{\n{}\n}}\n".format(
            HtmlFormatter(style="default").get_style_defs(".hl"),
            HtmlFormatter(style=dark).get_style_defs(".hl"))

    def lines(self, source):
        """One HTML fragment per source line; Pygments closes its spans at each line end."""
        if not self.available:
            return [_esc(line) for line in source.splitlines()]
        return self._highlight(source, self._lexer, self._formatter).split("\n")[:len(source.splitlines())]


class _Site:
    def __init__(self, catalog, hazards, table, bench_data=None):
        self.catalog, self.hazards, self.table = catalog, list(hazards), table
        self.bench_data = bench_data
        self.hl = _Highlighter()
        self.topic_names = [t.name for t in catalog.topics]
        self.related = {name: [h for h in self.hazards if name in h.topics] for name in self.topic_names}

    # -- page frame -------------------------------------------------------

    def measured(self):
        if not self.table or not self.table["pythons"]:
            return "Not measured: built without test results (run the test suite, then site --results DIR)."
        pythons = self.table["pythons"]
        platforms = sorted({p["platform"] for p in pythons if p["platform"]})
        return "Measured on {} by the test suite{}.".format(
            ", ".join("{} {}".format(p["implementation"], p["version"]) for p in pythons),
            " ({})".format("; ".join(platforms)) if platforms else "")

    def page(self, title, body, depth, keys, nav=None):
        up = "../" * depth
        attrs = "".join(' data-{}="{}"'.format(k, _esc(v)) for k, v in sorted((nav or {}).items()) if v)
        note = "" if self.hl.available else (
            " Built without Pygments: code is not highlighted (pip install Pygments).")
        return (
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<title>{title} - asyncio-rosetta</title>\n'
            '<link rel="icon" href="data:,">\n'  # no favicon request
            '<link rel="stylesheet" href="{up}site.css">\n<link rel="stylesheet" href="{up}pygments.css">\n'
            '</head>\n<body{attrs}>\n<header><nav><a href="{up}index.html">asyncio-rosetta</a>'
            '<a href="{up}guide.html">Porting guide</a><a href="{up}matrix.html">Measured matrix</a>'
            '<a href="{up}bench.html">Style overhead</a></nav></header>\n'
            '<main>\n{body}\n</main>\n<footer><p class="measured">{measured}{note}</p>'
            '<p class="keys">Keys: {keys}</p></footer>\n<script src="{up}site.js"></script>\n</body>\n</html>\n'
        ).format(title=_esc(title), up=up, attrs=attrs, body=body, measured=_esc(self.measured()),
                 note=_esc(note), keys=keys)

    # -- index ------------------------------------------------------------

    def index(self):
        topics = []
        for topic in self.catalog.topics:
            derived = []
            for style in self.catalog.styles:
                derived += search_terms(read_text(self.catalog.variant_path(topic.name, style.name)))
            terms = _unique(topic.apis + derived)
            hazard_ids = [h.id for h in self.related[topic.name]]
            haystack = " ".join([topic.name, topic.title, topic.summary] + terms + hazard_ids).lower()
            topics.append(
                '<li class="entry" data-terms="{}"><a href="topics/{}.html">{}</a><span class="id">{}</span>'
                '<div class="summary">{}</div><div class="terms">{}</div></li>'.format(
                    _esc(haystack), _esc(topic.name), _esc(topic.title), _esc(topic.name), _esc(topic.summary),
                    "".join("<code>{}</code>".format(_esc(t)) for t in topic.apis)))
        hazards = []
        for hazard in self.hazards:
            names = hazard.detect.get("names", [])
            haystack = " ".join([hazard.id, hazard.name, hazard.title, hazard.replacement] + names
                                + hazard.topics).lower()
            hazards.append(
                '<li class="entry" data-terms="{}"><a href="hazards/{}.html">{}</a><span class="id">{} {}</span>'
                '<div class="summary">{}</div><div class="terms">{}</div></li>'.format(
                    _esc(haystack), _esc(hazard.id), _esc(hazard.title), _esc(hazard.id), _esc(hazard.name),
                    _esc(hazard.breaks() or "runs the same everywhere; see the page"),
                    "".join("<code>{}</code>".format(_esc(n)) for n in names)))
        body = (
            '<h1>asyncio-rosetta</h1>\n<p>Every asyncio topic written three ways (generator coroutines, '
            'async/await, TaskGroup), run on every CPython from 3.6 to 3.14 and proven to print the same; '
            'and the legacy constructs that break on the way up. Filter by an API, legacy or modern '
            '(<code>asyncio.async</code>, <code>yield from</code>, <code>get_event_loop</code>, <code>loop=</code>, '
            '<code>TaskGroup</code>), a hazard id or a word.</p>\n'
            '<p><input id="filter" type="search" placeholder="Filter: yield from, get_event_loop, loop=, AR101 ..." '
            'aria-label="Filter topics and hazards" autocomplete="off"><span id="count"></span></p>\n'
            '<h2>Topics ({nt})</h2>\n<ul class="entries" id="topics">\n{topics}\n</ul>\n'
            '<p class="empty" data-for="topics" hidden>No topic matches.</p>\n'
            '<h2>Hazards ({nh})</h2>\n<ul class="entries" id="hazards">\n{hazards}\n</ul>\n'
            '<p class="empty" data-for="hazards" hidden>No hazard matches.</p>'
        ).format(nt=len(topics), nh=len(hazards), topics="\n".join(topics), hazards="\n".join(hazards))
        keys = "<kbd>/</kbd> filter, <kbd>j</kbd>/<kbd>k</kbd> or arrows move, <kbd>Enter</kbd> opens"
        return self.page("Topics and hazards", body, 0, keys)

    # -- topics -----------------------------------------------------------

    def topic(self, index):
        topic = self.catalog.topics[index]
        styles = [s.name for s in self.catalog.styles]
        sources = [read_text(self.catalog.variant_path(topic.name, style)) for style in styles]
        columns = [[] for _ in styles]
        highlighted = [self.hl.lines(source) for source in sources]
        numbers = [0] * len(styles)
        for row in _render.aligned_rows([source.splitlines() for source in sources]):
            for col, cell in enumerate(row):
                if cell is None:
                    columns[col].append('<span class="line gap"> </span>')
                    continue
                changed = any(other != cell for other in row)
                numbers[col] += 1
                columns[col].append('<span class="line{}"><span class="lno">{}</span>{}</span>'.format(
                    " changed" if changed else "", numbers[col], highlighted[col][numbers[col] - 1]))
        parts = []
        for style, lines in zip(self.catalog.styles, columns):
            note = topic.style_traces.get(style.name)
            parts.append(
                '<section class="column" data-style="{name}"><h2>{name}</h2><div class="meta"><p class="idiom">{idiom}'
                '</p>{note}</div><pre class="code hl">{code}</pre></section>'.format(
                    name=_esc(style.name), idiom=_esc(style.idiom), code="".join(lines),
                    note='<p class="note">This style differs on purpose: {}</p>'.format(_esc(note)) if note else ""))
        trace = '<h2>Expected trace</h2>\n<pre class="trace">{}</pre>'.format(
            _esc(read_text(self.catalog.expected_path(topic.name))))
        for style in styles:
            if style in topic.style_traces:
                trace += '\n<h3>{} prints its own trace</h3>\n<p>{}</p>\n<pre class="trace">{}</pre>'.format(
                    _esc(style), _esc(topic.style_traces[style]),
                    _esc(read_text(self.catalog.expected_path(topic.name, style))))
        related = self.related[topic.name]
        hazards = "<p>No hazard in the catalogue names this topic.</p>" if not related else "<ul>{}</ul>".format(
            "".join('<li><a href="../hazards/{id}.html">{id} {name}</a>: {title}</li>'.format(
                id=_esc(h.id), name=_esc(h.name), title=_esc(h.title)) for h in related))
        prev_name = self.topic_names[index - 1] if index > 0 else None
        next_name = self.topic_names[index + 1] if index + 1 < len(self.topic_names) else None
        pager = '<nav class="pager">{}{}</nav>'.format(
            '<a rel="prev" href="{0}.html">&larr; {0}</a>'.format(_esc(prev_name)) if prev_name else "<span></span>",
            '<a rel="next" href="{0}.html">{0} &rarr;</a>'.format(_esc(next_name)) if next_name else "<span></span>")
        body = (
            '{pager}\n<h1>{title}</h1>\n<p class="summary">{summary}</p>\n<p>APIs: {apis}</p>\n'
            '<p class="muted">Highlighted lines differ between the styles: what a port changes. '
            'Gaps keep equal lines side by side.</p>\n<div class="columns">\n{columns}\n</div>\n{trace}\n'
            '<h2>Measured</h2>\n{matrix}\n<h2>Related hazards</h2>\n{hazards}\n{pager}'
        ).format(pager=pager, title=_esc(topic.title), summary=_esc(topic.summary),
                 apis=", ".join("<code>{}</code>".format(_esc(a)) for a in topic.apis),
                 columns="\n".join(parts), trace=trace, matrix=self.topic_matrix(topic.name), hazards=hazards)
        nav = {"prev": prev_name and prev_name + ".html", "next": next_name and next_name + ".html",
               "index": "../index.html"}
        keys = "<kbd>j</kbd>/<kbd>&rarr;</kbd> next topic, <kbd>k</kbd>/<kbd>&larr;</kbd> previous, <kbd>u</kbd> index"
        return self.page(topic.title, body, 1, keys, nav)

    def topic_matrix(self, name):
        if not self.table or name not in self.table["topics"]:
            return "<p>Not measured: this site was built without test results.</p>"
        pythons = self.table["pythons"]
        rows = []
        for style, cells in self.table["topics"][name].items():
            tds = []
            for python in pythons:
                cell = cells.get(python["minor"])
                label = cell_label(cell)
                detail = ""
                if cell:
                    detail = cell.get("error") or "; ".join(cell.get("warnings") or []) or ""
                    if label == "DIFFERS":
                        detail = "\n".join(cell.get("problems") or [])
                tds.append('<td class="label-{}" title="{}">{}</td>'.format(label, _esc(detail), label))
            rows.append("<tr><th><code>{}</code></th>{}</tr>".format(_esc(style), "".join(tds)))
        return ('<div class="scroll"><table class="matrix"><thead><tr><th>style</th>{}</tr></thead>'
                '<tbody>{}</tbody></table></div><p class="muted">ok = ran, trace equal; warns = ran with exactly '
                'the recorded warnings; fails = the recorded exception (expected); hover a cell for the message.</p>'
                ).format("".join("<th>{}</th>".format(_esc(p["version"])) for p in pythons), "".join(rows))

    # -- hazards ----------------------------------------------------------

    def hazard(self, index):
        hazard = self.hazards[index]
        measured = {}
        if self.table:
            for python in self.table["pythons"]:
                measured[python["minor"]] = (python["version"], self.table["hazards"].get(hazard.id, {}).get(
                    python["minor"]))
        rows = []
        for version in PYTHONS:
            minor = "{}.{}".format(*version)
            row = hazard.outcome(version)
            message = row.error or "; ".join(row.warnings) or " / ".join(row.output)
            seen = measured.get(minor)
            if seen and seen[1]:
                label = hazard_label(seen[1])
                got = '<span class="outcome-{}">{}</span> on {}{}'.format(
                    _esc(seen[1]["outcome"]), _esc(label), _esc(seen[0]),
                    "" if seen[1].get("matches", True) else ' <span class="mismatch">(not as recorded: {})</span>'
                    .format(_esc(seen[1].get("error") or "; ".join(seen[1].get("warnings") or [])
                                 or " / ".join(seen[1].get("output") or []))))
            else:
                got = '<span class="muted">not measured</span>'
            rows.append('<tr><th>{}</th><td class="outcome-{}">{}</td><td class="msg">{}</td><td>{}</td>'
                        '<td>{}</td></tr>'.format(minor, _esc(row.outcome), _esc(row.outcome), _esc(message),
                                                 _esc(row.why), got))
        probe = ""
        if hazard.probe is not None and Path(str(hazard.probe)).is_file():
            lines = self.hl.lines(read_text(hazard.probe))
            probe = '<h2>Probe</h2>\n<p><code>probes/{}.py</code>, run on every interpreter by the test suite:</p>' \
                    '\n<pre class="code hl probe">{}</pre>'.format(_esc(hazard.id), "".join(
                        '<span class="line">{}</span>'.format(line) for line in lines))
        prev_id = self.hazards[index - 1].id if index > 0 else None
        next_id = self.hazards[index + 1].id if index + 1 < len(self.hazards) else None
        detect = hazard.detect
        scan_line = ("scan never reports it: nothing in the source shows it" if detect["kind"] == "runtime" else
                     "<code>asyncio-rosetta scan</code> reports it ({}: {})".format(
                         _esc(detect["kind"]), ", ".join("<code>{}</code>".format(_esc(n))
                                                          for n in detect.get("names", []))))
        body = (
            '<nav class="pager">{prev}{next}</nav>\n<h1>{id} {name}</h1>\n<p class="summary">{title}</p>\n'
            '<p>{breaks}</p>\n<h2>Outcome on each Python</h2>\n<div class="scroll"><table><thead><tr><th>Python</th>'
            '<th>recorded</th><th>exact message or output</th><th>why</th><th>measured</th></tr></thead>'
            '<tbody>{rows}</tbody></table></div>\n<h2>Instead</h2>\n<p>{replacement}</p>\n'
            '<p>Fix: {fix}</p>\n<p>Found by: {scan}. <code>asyncio-rosetta explain {id}</code> prints the recorded '
            'outcomes in a terminal.</p>\n'
            '<h2>Topics</h2>\n<ul>{topics}</ul>\n<p class="muted">Source of the facts: {facts}</p>\n{probe}'
        ).format(
            prev='<a rel="prev" href="{0}.html">&larr; {0}</a>'.format(prev_id) if prev_id else "<span></span>",
            next='<a rel="next" href="{0}.html">{0} &rarr;</a>'.format(next_id) if next_id else "<span></span>",
            id=_esc(hazard.id), name=_esc(hazard.name), title=_esc(hazard.title),
            breaks=_esc(hazard.breaks() or "Runs the same on every Python from 3.6 to 3.14."), rows="".join(rows),
            replacement=_esc(hazard.replacement), fix=_esc(_FIX_WORDS.get(hazard.fix, hazard.fix)), scan=scan_line,
            topics="".join('<li><a href="../topics/{0}.html">{0}</a></li>'.format(_esc(t)) for t in hazard.topics),
            facts=_esc(hazard.facts), probe=probe)
        nav = {"prev": prev_id and prev_id + ".html", "next": next_id and next_id + ".html",
               "index": "../index.html"}
        keys = "<kbd>j</kbd>/<kbd>&rarr;</kbd> next hazard, <kbd>k</kbd>/<kbd>&larr;</kbd> previous, <kbd>u</kbd> index"
        return self.page("{} {}".format(hazard.id, hazard.name), body, 1, keys, nav)

    # -- guide and matrix -------------------------------------------------

    def guide(self):
        by_version = {version: [] for version in PYTHONS}
        for hazard in self.hazards:
            for row in hazard.changes():
                start = max(_first_version(row.python), hazard.since)
                by_version[start].append((hazard, row))
        order = {"fails": 0, "changed": 1, "warns": 2}
        sections = []
        for version, items in sorted(by_version.items()):
            if not items:
                continue
            minor = "{}.{}".format(*version)
            heading = ("Already on 3.6 (any version)" if version == PYTHONS[0] else
                       "Moving to {}".format(minor))
            entries = []
            for hazard, row in sorted(items, key=lambda item: (order[item[1].outcome], item[0].id)):
                detail = row.error or (row.warnings[0] if row.warnings else row.why or "behaves differently")
                entries.append(
                    '<li><span class="outcome-{o}">{o}</span> <a href="hazards/{id}.html">{id} {name}</a>: '
                    '<code>{detail}</code>; instead: {replacement} <span class="muted">(fix {fix}{runtime})</span>'
                    '</li>'.format(o=_esc(row.outcome), id=_esc(hazard.id), name=_esc(hazard.name),
                                   detail=_esc(detail), replacement=_esc(hazard.replacement), fix=_esc(hazard.fix),
                                   runtime="; scan cannot see it" if hazard.detect["kind"] == "runtime" else ""))
            sections.append(
                '<section><h2 id="py{slug}">{heading}</h2>\n<p>{n} change(s). Find them: '
                '<code>python -m asyncio_rosetta scan src/ --target {minor}</code>; rewrite what can be rewritten '
                'safely: <code>python -m asyncio_rosetta port src/ --target {minor}</code> (a diff; '
                '<code>--write</code> to apply), then scan again for what is left.</p>\n<ul>{entries}</ul></section>'
                .format(slug=minor.replace(".", ""), heading=heading, n=len(items), minor=minor,
                        entries="".join(entries)))
        body = (
            '<h1>Porting guide</h1>\n<p>What breaks, warns or changes on the way up, one section per Python in which '
            'it '
            'starts, generated from the hazard catalogue (every entry proven by its probe on every interpreter). '
            'Moving to a version means going through every section up to it. <code>scan --target</code> reports '
            'what changes up to that version; <code>port --target</code> is the oldest Python the result must still '
            'run on.</p>\n{}'
        ).format("\n".join(sections))
        return self.page("Porting guide", body, 0, "none on this page")

    def matrix_page(self):
        if not self.table:
            body = "<h1>Measured matrix</h1>\n<p>Not measured: this site was built without test results.</p>"
            return self.page("Measured matrix", body, 0, "none on this page")
        pythons = self.table["pythons"]
        heads = "".join("<th>{}</th>".format(_esc(p["version"])) for p in pythons)
        rows = []
        for topic, styles in self.table["topics"].items():
            for index, (style, cells) in enumerate(styles.items()):
                first = '<th rowspan="{}"><a href="topics/{t}.html">{t}</a></th>'.format(
                    len(styles), t=_esc(topic)) if index == 0 else ""
                rows.append("<tr>{}<td><code>{}</code></td>{}</tr>".format(first, _esc(style), "".join(
                    '<td class="label-{0}">{0}</td>'.format(cell_label(cells.get(p["minor"]))) for p in pythons)))
        hazard_rows = ["<tr><th><a href=\"hazards/{0}.html\">{0}</a></th>{1}</tr>".format(_esc(hazard), "".join(
            '<td class="outcome-{}">{}</td>'.format(_esc((cells.get(p["minor"]) or {}).get("outcome", "")),
                                                    _esc(hazard_label(cells.get(p["minor"])))) for p in pythons))
            for hazard, cells in self.table["hazards"].items()]
        body = (
            '<h1>Measured matrix</h1>\n<p>Each cell is what the test suite measured on that interpreter; nothing here '
            'is typed by hand. <code>python -m asyncio_rosetta matrix</code> prints the same table.</p>\n'
            '<div class="scroll"><table><thead><tr><th>topic</th><th>style</th>{heads}</tr></thead><tbody>{rows}'
            '</tbody></table></div>\n<h2>Hazard probes</h2>\n<div class="scroll"><table><thead><tr><th>hazard</th>'
            '{heads}</tr></thead><tbody>{hazards}</tbody></table></div>\n<p class="muted">ok = ran, trace equal; '
            'warns = ran with exactly the recorded warnings; fails = the recorded exception; '
            'DIFFERS = not as recorded; '
            'needs = a module was missing; changed = the probe runs but prints something else than on 3.6; '
            '! = not as hazards.json records it.</p>'
        ).format(heads=heads, rows="".join(rows), hazards="".join(hazard_rows))
        return self.page("Measured matrix", body, 0, "none on this page")

    def bench_page(self):
        how = ("<code>python -m asyncio_rosetta bench --output bench.json</code> times the workload in every style "
               "on every python3.6 ... python3.14 on PATH; <code>site OUT_DIR --bench bench.json</code> shows it here.")
        if not self.bench_data:
            body = "<h1>Style overhead</h1>\n<p>Not measured: this site was built without bench data.</p>\n<p>{}</p>"
            return self.page("Style overhead", body.format(how), 0, "none on this page")
        body = (
            '<h1>Style overhead</h1>\n<p>Does porting change performance? The same tree of coroutines (each sleeps 0, '
            'then waits for its children: <code>gather</code> in the legacy styles, <code>TaskGroup</code> in the '
            'modern one), in each style and its runner idiom, timed on each interpreter in one run. A ratio compares '
            'a style with <code>async_await</code> on the same interpreter.</p>\n{}\n<p>{}</p>'
        ).format(bench.html(self.bench_data), how)
        return self.page("Style overhead", body, 0, "none on this page")

    # -- all of it --------------------------------------------------------

    def files(self):
        """{relative path: text} of the whole site."""
        out = {"index.html": self.index(), "guide.html": self.guide(), "matrix.html": self.matrix_page(),
               "bench.html": self.bench_page(),
               "site.css": read_text(ASSETS / "site.css"), "site.js": read_text(ASSETS / "site.js"),
               "pygments.css": self.hl.css if self.hl.available else "/* built without Pygments */\n",
               MARKER: "built by asyncio-rosetta site; a rebuild replaces this folder\n"}
        for index, topic in enumerate(self.catalog.topics):
            out["topics/{}.html".format(topic.name)] = self.topic(index)
        for index, hazard in enumerate(self.hazards):
            out["hazards/{}.html".format(hazard.id)] = self.hazard(index)
        return out


def _unique(items):
    seen = set()
    return [item for item in items if not (item in seen or seen.add(item))]


def _first_version(spec):
    return next(version for version in PYTHONS if in_range(spec, version))


def build(out_dir, catalog, hazards, table=None, bench_data=None):
    """Write the site to *out_dir*: built beside it, then renamed into place.
    *table* is matrix.merge(...) of the results to show, or None; *bench_data*
    what bench.load(...) read, or None."""
    out = Path(out_dir).resolve()
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).exists())):
        raise SiteError("{} exists and is not a site built here: choose a new or empty folder".format(out_dir))
    files = _Site(catalog, hazards, table, bench_data).files()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix="." + out.name + ".tmp-", dir=str(out.parent)))
    except OSError as exc:
        raise SiteError("cannot write beside {}: {}".format(out_dir, exc.strerror or exc))
    try:
        for name, text in files.items():
            path = tmp / name
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(str(path), "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        os.chmod(str(tmp), 0o755)  # mkdtemp makes it private; a site is for reading
        old = None
        if out.exists():  # swap: the old site stays whole until the new one is in place
            old = Path(tempfile.mkdtemp(prefix="." + out.name + ".old-", dir=str(out.parent)))
            os.rmdir(str(old))
            os.rename(str(out), str(old))
        try:
            os.rename(str(tmp), str(out))
        except OSError:
            if old is not None:
                os.rename(str(old), str(out))
            raise
    except OSError as exc:
        shutil.rmtree(str(tmp), ignore_errors=True)
        raise SiteError("cannot write {}: {}".format(out_dir, exc.strerror or exc))
    except BaseException:
        shutil.rmtree(str(tmp), ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(str(old), ignore_errors=True)
    return out
