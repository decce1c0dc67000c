"""A hazard's page: its recorded outcome on every Python with the exact message, what the test suite
measured and what the probe printed there, what to write instead (port's rewrite, before and after,
from its fixer's tests), how scan finds it, and its probe."""

from pathlib import Path

from asyncio_rosetta.data import read_text
from asyncio_rosetta.publish.matrix import hazard_label
from asyncio_rosetta.publish.site import aligned, frame
from asyncio_rosetta.publish.site.templates import esc, fill
from asyncio_rosetta.scan.hazards import NOT_MEASURED
from asyncio_rosetta.versions import PYTHONS, label

__all__ = ["hazard_page"]

_FIX_WORDS = {"safe": "safe: an automatic rewrite keeps the behaviour",
              "review": "review: a rewrite is offered, but read it",
              "manual": "manual: needs a person"}


def hazard_page(site, index):
    """The page of ``site.hazards[index]``; *site* is a pages.Site."""
    hazard = site.hazards[index]
    prev_id, next_id = frame.neighbours([h.id for h in site.hazards], index)
    body = fill(
        "hazard.html", pager=frame.pager(prev_id, next_id), id=esc(hazard.id), name=esc(hazard.name),
        title=esc(hazard.title), breaks=esc(hazard.breaks() or "Runs the same on every Python from 3.6 to 3.14."),
        platform=_platform(hazard), rows=_outcome_rows(hazard, site.table), linux=_linux_rows(hazard),
        replacement=esc(hazard.replacement),
        fix=esc(_FIX_WORDS.get(hazard.fix, hazard.fix)), scan=_found_by(hazard.detect) + _selected(hazard),
        runs=_runs(hazard, site.table), example=_example(site, site.examples.get(hazard.id)),
        topics="".join('<li><a href="../topics/{0}.html">{0}</a></li>'.format(esc(t)) for t in hazard.topics),
        sources="".join("<li>{}</li>".format(esc(source)) for source in hazard.sources()),
        command=esc(hazard.probe_command()), on=esc(" on " + hazard.where if hazard.platform else ""),
        probe=_probe(site, hazard))
    return site.page("{} {}".format(hazard.id, hazard.name), body, 1, frame.sibling_keys("hazard"),
                     frame.nav(prev_id, next_id))


def _outcome_rows(hazard, table):
    """A row per Python: the recorded outcome, its message and why, and what was measured there."""
    measured = {}
    if table:
        for python in table["pythons"]:
            measured[python["minor"]] = python["version"], table["hazards"].get(hazard.id, {}).get(python["minor"])
    rows = []
    for version in PYTHONS:
        minor = label(version)
        row = hazard.outcome(version)
        rows.append(_row(minor, row, _measured(*measured.get(minor, (None, None)))))
    return "".join(rows)


def _row(minor, row, measured):
    """One Python's row; a row read from the docs says so, with its source."""
    read = "" if row.measured else " ({})".format(NOT_MEASURED)
    why = row.why if row.measured else "; ".join(part for part in (row.why, "source: " + row.source) if part)
    return fill("hazard_row.html", minor=minor, outcome=esc(row.outcome), read=esc(read),
                message=esc(row.error or "; ".join(row.warnings) or " / ".join(row.output)), why=esc(why),
                measured=measured)


def _platform(hazard):
    """What the page of a hazard of one platform says first: its outcomes are read, not measured."""
    if not hazard.platform:
        return ""
    return fill("hazard_platform.html", where=esc(hazard.where), not_measured=esc(NOT_MEASURED))


def _linux_rows(hazard):
    """A hazard of another platform: what its probe does on Linux, as recorded and measured here."""
    if not hazard.platform:
        return ""
    rows = "".join(_row(label(version), hazard.here(version, "linux"), "") for version in PYTHONS)
    return fill("hazard_linux.html", rows=rows)


def _measured(version, cell):
    """What the probe did on *version* (None: not measured), and how that differs from the record."""
    if not cell:
        return '<span class="muted">not measured</span>'
    where = " (on Linux: the Linux row below)" if cell.get("platform_only") else ""
    mismatch = ""
    if not cell.get("matches", True):
        seen = cell.get("error") or "; ".join(cell.get("warnings") or []) or " / ".join(cell.get("output") or [])
        mismatch = ' <span class="mismatch">(not as recorded: {})</span>'.format(esc(seen))
    return '<span class="outcome-{}">{}</span> on {}{}{}'.format(
        esc(cell["outcome"]), esc(hazard_label(cell)), esc(version), esc(where), mismatch)


def _runs(hazard, table):
    """What the probe printed on each measured Python (output, warnings, error), one block for each
    run of neighbouring Pythons that printed the same."""
    cells = [(python["version"], (table["hazards"].get(hazard.id) or {}).get(python["minor"]))
             for python in (table or {"pythons": []})["pythons"]]
    groups = []  # [(outcome, label, printed), [versions]]
    for version, cell in cells:
        key = ((cell["outcome"], hazard_label(cell), _printed(cell) or "(nothing)") if cell else
               ("", "not measured", "no result for this probe from this Python"))
        if groups and groups[-1][0] == key:
            groups[-1][1].append(version)
        else:
            groups.append((key, [version]))
    if not groups:
        return "<p>{}</p>".format(frame.NOT_MEASURED)
    return "\n".join(fill("hazard_run.html", pythons=esc(versions[0] if len(versions) == 1 else
                                                           "{} to {}".format(versions[0], versions[-1])),
                          outcome=esc(outcome), label=esc(label), printed=esc(printed))
                     for (outcome, label, printed), versions in groups)


def _printed(cell):
    """A probe run as a terminal shows it: its output, then its warnings and stderr, then its error."""
    return "\n".join(list(cell.get("output") or []) + ["warning: " + w for w in cell.get("warnings") or []]
                     + list(cell.get("stderr") or []) + (["error: " + cell["error"]] if cell.get("error") else []))


def _example(site, example):
    """port's rewrite of the hazard, before and after, from its fixer's tests (none for a hazard no
    fixer rewrites, or without the clone's tests)."""
    if example is None:
        return ""
    sources = [example.before, example.after]
    before, after = aligned.html(sources, [site.hl.tokens(source) for source in sources])
    return fill("hazard_fix.html", target=esc(label(example.target)), test=esc(example.test), before=before,
                after=after)


def _found_by(detect):
    if detect["kind"] == "runtime":
        return "scan never reports it: nothing in the source shows it"
    return "<code>asyncio-rosetta scan</code> reports it ({}: {})".format(
        esc(detect["kind"]), frame.codes(detect.get("names", []), ", "))


def _selected(hazard):
    """A hazard of one platform is looked for only where asked for: most code never runs there."""
    if not hazard.platform:
        return ""
    return ", where selected: <code>--select {}</code> (a {} hazard)".format(esc(hazard.id), esc(hazard.where))


def _probe(site, hazard):
    """The probe's source, when the clone has it (an installed package has no probes/)."""
    if hazard.probe is None or not Path(str(hazard.probe)).is_file():
        return ""
    source = read_text(hazard.probe)
    return fill("hazard_probe.html", id=esc(hazard.id), code=aligned.html([source], [site.hl.tokens(source)])[0])
