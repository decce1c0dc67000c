"""Every file of the site: Site holds what the pages are built from and writes the index, the porting
guide, the measured matrix and the style overhead; topic_page and hazard_page write the rest."""

import re
from pathlib import Path

from asyncio_rosetta.data import read_text
from asyncio_rosetta.publish import bench
from asyncio_rosetta.publish.matrix import cell_label, hazard_label
from asyncio_rosetta.publish.site import fixes, frame
from asyncio_rosetta.publish.site.hazard_page import hazard_page
from asyncio_rosetta.publish.site.highlight import Highlighter
from asyncio_rosetta.publish.site.search import search_terms, unique
from asyncio_rosetta.publish.site.templates import esc, fill
from asyncio_rosetta.publish.site.topic_page import topic_page
from asyncio_rosetta.scan.hazards import NOT_MEASURED
from asyncio_rosetta.versions import PYTHONS, in_range, label

__all__ = ["ASSETS", "Site"]

ASSETS = Path(__file__).resolve().parent

_INDEX_KEYS = "<kbd>/</kbd> filter, <kbd>j</kbd>/<kbd>k</kbd> or arrows move, <kbd>Enter</kbd> opens"
# The guide lists what fails before what changes before what only warns.
_SEVERITY = {"fails": 0, "changed": 1, "warns": 2}
# "fails on 3.11+" in what Hazard.breaks() says: "...; fails on 3.11+: AttributeError: ..."
_SPANS = re.compile(r"(?:^|; |\): )(warns|fails|changes) on ([0-9.+-]+):")  # "): " after a platform's prefix


class Site:
    """The site of *catalog*, *hazards*, the measured *table* (matrix.merge(...) or None)
    and *bench_data* (bench.load(...) or None)."""

    def __init__(self, catalog, hazards, table, bench_data=None):
        self.catalog, self.hazards, self.table = catalog, list(hazards), table
        self.bench_data = bench_data
        self.hl = Highlighter()
        self.topic_names = [t.name for t in catalog.topics]
        self.related = {name: [h for h in self.hazards if name in h.topics] for name in self.topic_names}
        self.measured = frame.footer(table, self.hl.available)
        self.examples = fixes.examples(catalog.root, self.hazards)

    def page(self, title, body, depth, keys, nav=None):
        return frame.page(title, body, depth, keys, self.measured, nav)

    def files(self):
        """{relative path: text} of the whole site."""
        out = {"index.html": self.index(), "guide.html": self.guide(), "matrix.html": self.matrix_page(),
               "bench.html": self.bench_page(),
               "site.css": read_text(ASSETS / "site.css"), "site.js": read_text(ASSETS / "site.js"),
               "pygments.css": self.hl.css if self.hl.available else "/* built without Pygments */\n"}
        for index, topic in enumerate(self.catalog.topics):
            out["topics/{}.html".format(topic.name)] = topic_page(self, index)
        for index, hazard in enumerate(self.hazards):
            out["hazards/{}.html".format(hazard.id)] = hazard_page(self, index)
        return out

    # -- index ------------------------------------------------------------

    def index(self):
        topics = [self._topic_entry(topic) for topic in self.catalog.topics]
        hazards = [_hazard_entry(hazard) for hazard in self.hazards]
        body = fill("index.html", topic_count=len(topics), topics="\n".join(topics),
                    hazard_count=len(hazards), hazards="\n".join(hazards))
        return self.page("Topics and hazards", body, 0, _INDEX_KEYS)

    def _topic_entry(self, topic):
        """A topic found by its words, its APIs, the names its variants use and the hazards that name it."""
        derived = []
        for style in self.catalog.styles:
            derived += search_terms(read_text(self.catalog.variant_path(topic.name, style.name)))
        words = [topic.name, topic.title, topic.summary] + unique(topic.apis + derived)
        words += [h.id for h in self.related[topic.name]]
        return _entry("topics", topic.name, topic.title, topic.name, "", topic.summary, words, topic.apis)

    # -- guide, matrix and bench ------------------------------------------

    def guide(self):
        """A section per Python in which a hazard starts, what changes there."""
        by_version = {version: [] for version in PYTHONS}
        for hazard in self.hazards:
            for row in hazard.changes():
                start = max(_first_version(row.python), hazard.since)
                by_version[start].append((hazard, row))
        sections = [_guide_section(version, items) for version, items in sorted(by_version.items()) if items]
        body = fill("guide.html", sections="\n".join(sections))
        return self.page("Porting guide", body, 0, frame.NO_KEYS)

    def matrix_page(self):
        if not self.table:
            body = "<h1>Measured matrix</h1>\n<p>{}</p>".format(frame.NOT_MEASURED)
            return self.page("Measured matrix", body, 0, frame.NO_KEYS)
        body = fill("matrix.html", heads=frame.python_heads(self.table["pythons"]), rows=_topic_rows(self.table),
                    hazards=_hazard_rows(self.table))
        return self.page("Measured matrix", body, 0, frame.NO_KEYS)

    def bench_page(self):
        if not self.bench_data:
            overhead = "<p>Not measured: this site was built without bench data.</p>"
        else:
            overhead = fill("bench_measured.html", table=bench.html(self.bench_data))
        return self.page("Style overhead", fill("bench.html", overhead=overhead), 0, frame.NO_KEYS)


def _entry(folder, name, title, label, when, summary, words, apis):
    """An entry of the index: *words* are what the filter finds it by, *apis* are shown; *when*
    (a hazard's) is where it breaks, in short."""
    return fill("index_entry.html", terms=esc(" ".join(words).lower()),
                href="{}/{}.html".format(folder, esc(name)), title=esc(title), label=esc(label),
                when=' <span class="when">{}</span>'.format(esc(when)) if when else "",
                summary=esc(summary), codes=frame.codes(apis))


def _hazard_entry(hazard):
    """A hazard found by its id, words, the names scan detects it by and its topics; shown with
    what it does where, in short (its page has the messages)."""
    names = hazard.detect.get("names", [])
    words = [hazard.id, hazard.name, hazard.title, hazard.replacement, hazard.breaks()] + names + hazard.topics
    return _entry("hazards", hazard.id, hazard.id, hazard.name, _in_short(hazard), hazard.title, words, names)


def _in_short(hazard):
    """'warns on 3.8-3.10, fails on 3.11+': hazard.breaks() without the messages, the spans of one
    verb in a row together ('changes on 3.10, 3.11, 3.12+')."""
    parts = []
    for verb, span in _SPANS.findall(hazard.breaks()):
        if parts and parts[-1][0] == verb:
            parts[-1][1].append(span)
        else:
            parts.append((verb, [span]))
    if not parts:
        return "runs the same on every Python; see the page"
    short = ", ".join("{} on {}".format(verb, ", ".join(spans)) for verb, spans in parts)
    return short if hazard.measured else "on {} ({}): {}".format(hazard.where, NOT_MEASURED, short)


def _first_version(spec):
    return next(version for version in PYTHONS if in_range(spec, version))


def _guide_section(version, items):
    """The hazards that start on *version* (the oldest: already there), worst first."""
    minor = label(version)
    heading = "Already on 3.6 (any version)" if version == PYTHONS[0] else "Moving to {}".format(minor)
    entries = "".join(_guide_entry(hazard, row) for hazard, row in
                      sorted(items, key=lambda item: (_SEVERITY[item[1].outcome], item[0].id)))
    return fill("guide_section.html", slug=minor.replace(".", ""), heading=heading, count=len(items),
                minor=minor, entries=entries)


def _guide_entry(hazard, row):
    detail = row.error or (row.warnings[0] if row.warnings else row.why or "behaves differently")
    return fill("guide_entry.html", outcome=esc(row.outcome), id=esc(hazard.id), name=esc(hazard.name),
                detail=esc(detail), replacement=esc(hazard.replacement), fix=esc(hazard.fix),
                runtime=_guide_note(hazard))


def _guide_note(hazard):
    if hazard.detect["kind"] == "runtime":
        return "; scan cannot see it"
    if hazard.platform:
        return "; on {} only, {}; scan reports it where selected (--select {})".format(
            esc(hazard.where), NOT_MEASURED, esc(hazard.id))
    return ""


def _topic_rows(table):
    """The matrix's rows of topics: the topic's name across the table, then a row per style."""
    pythons = table["pythons"]
    rows = []
    for topic, styles in table["topics"].items():
        rows.append('<tr class="group"><th colspan="{}"><span class="stick"><a href="topics/{t}.html">{t}</a>'
                    '</span></th></tr>'.format(len(pythons) + 1, t=esc(topic)))
        rows += ["<tr><th>{}</th>{}</tr>".format(frame.style_name(style), "".join(
            '<td class="label-{0}">{0}</td>'.format(cell_label(cells.get(p["minor"]))) for p in pythons))
            for style, cells in styles.items()]
    return "".join(rows)


def _hazard_rows(table):
    """The matrix's rows of hazard probes: what each probe did on each Python."""
    pythons = table["pythons"]
    return "".join("<tr><th><a href=\"hazards/{0}.html\">{0}</a></th>{1}</tr>".format(esc(hazard), "".join(
        '<td class="outcome-{}">{}</td>'.format(esc((cells.get(p["minor"]) or {}).get("outcome", "")),
                                                esc(hazard_label(cells.get(p["minor"])))) for p in pythons))
        for hazard, cells in table["hazards"].items())
