"""The hazard catalogue: well-formed data, and every probe does on this
interpreter exactly what its entry records."""

import re
import sys

import pytest

from conftest import HAZARDS, TOPICS
from asyncio_rosetta.errors import CatalogError
from asyncio_rosetta.scan.hazards import DETECT_KINDS, FIXES, OUTCOMES, PLATFORMS
from asyncio_rosetta.versions import PYTHONS, in_range

IDS = [hazard.id for hazard in HAZARDS]


@pytest.mark.parametrize("hazard", list(HAZARDS), ids=IDS)
def test_probe_does_what_the_entry_records_here(runs, hazard):
    """Here: on a platform an entry is not of (a Windows entry on Linux), what
    its "on_linux" rows record, measured; never skipped."""
    result = runs["probe", hazard.id, None]
    want = hazard.here(sys.version_info)
    got = {
        "error": result.error,
        "warnings": result.distinct_warnings(),
        "output": [line.text for line in result.lines],
        "stderr": [line.text for line in result.stderr],
    }
    assert got == {"error": want.error, "warnings": want.warnings, "output": want.output, "stderr": []}
    assert (want.outcome == "fails") == (result.error is not None)
    assert (want.outcome == "warns") == (want.warnings != [] and result.error is None)


def test_entries_have_unique_ids_and_names():
    assert len(set(IDS)) == len(IDS)
    assert len(HAZARDS) >= 40
    assert len({hazard.name for hazard in HAZARDS}) == len(IDS)
    assert all(re.match(r"^AR\d{3}$", hazard.id) for hazard in HAZARDS)
    assert all(re.match(r"^[a-z0-9]+(-[a-z0-9]+)*$", hazard.name) for hazard in HAZARDS)


@pytest.mark.parametrize("hazard", list(HAZARDS), ids=IDS)
def test_entry_is_well_formed(hazard):
    covering = [[row for row in hazard.outcomes if in_range(row.python, version)] for version in PYTHONS]
    assert [len(rows) for rows in covering] == [1] * len(PYTHONS)
    assert {row.outcome for row in hazard.outcomes} <= set(OUTCOMES)
    assert all((row.error is not None) == (row.outcome == "fails") for row in hazard.outcomes)
    assert hazard.fix in FIXES
    assert hazard.detect["kind"] in DETECT_KINDS
    assert hazard.title and hazard.replacement and hazard.facts
    assert hazard.topics and set(hazard.topics) <= set(TOPICS)
    assert all(row.measured or row.source for row in hazard.outcomes)  # what is read says where from


@pytest.mark.parametrize("hazard", [h for h in HAZARDS if h.platform], ids=lambda h: h.id)
def test_an_entry_of_one_platform_records_what_its_probe_does_on_linux(hazard):
    """Its outcomes are of its platform, read from the docs (none measured, each
    with its source); its on_linux rows, measured, cover every Python once."""
    assert hazard.platform in PLATFORMS and hazard.where == "Windows"
    assert [row.measured for row in hazard.outcomes] == [False] * len(hazard.outcomes)
    assert all(row.source for row in hazard.outcomes)
    assert [len([row for row in hazard.on_linux if in_range(row.python, version)]) for version in PYTHONS] == [
        1] * len(PYTHONS)
    assert all(row.measured and (row.error is not None) == (row.outcome == "fails") for row in hazard.on_linux)
    assert hazard.breaks().startswith("on Windows (read from the docs, not measured): ")
    assert hazard.here(PYTHONS[-1], "linux") in hazard.on_linux
    assert hazard.here(PYTHONS[-1], "win32") is hazard.outcome(PYTHONS[-1])
    with pytest.raises(LookupError, match="records its probe on Windows and Linux, not on darwin"):
        hazard.here(PYTHONS[-1], "darwin")


def test_only_entries_of_one_platform_are_read_rather_than_measured():
    assert {h.id for h in HAZARDS if not h.measured} == {h.id for h in HAZARDS if h.platform} == {
        "AR701", "AR702", "AR703", "AR704"}
    assert all(h.on_linux == [] for h in HAZARDS if not h.platform)


# What a user can open: a What's New entry, a CPython issue or PR, a PEP, the docs or a library's source.
_PUBLIC = re.compile(r"What's New in Python 3\.\d+|\b(?:bpo|gh|GH)-\d+|\bPEP \d+|\bdocs\b|\bLib/asyncio/|uvloop/")


@pytest.mark.parametrize("hazard", list(HAZARDS), ids=IDS)
def test_facts_cite_the_probe_and_a_public_source(hazard):
    sources = hazard.sources()
    assert sources[-1] == "probes/{}.py".format(hazard.id)
    assert any(_PUBLIC.search(source) for source in sources[:-1]), sources
    assert hazard.probe_command().endswith(" -W default probes/{}.py".format(hazard.id))


def test_sources_split_only_outside_parentheses():
    hazard = HAZARDS.get("AR501")
    assert hazard.sources() == [
        "bpo-32528 (3.8: asyncio.TimeoutError is no longer concurrent.futures.TimeoutError)",
        "bpo-42413 (3.11: it is the builtin TimeoutError; asyncio docs, Exceptions, TimeoutError)",
        "probes/AR501.py"]


def test_probe_command_runs_on_the_first_python_that_changes():
    assert HAZARDS.get("AR101").probe_command() == "python3.8 -W default probes/AR101.py"
    assert HAZARDS.get("AR410").probe_command() == "python3.11 -W default probes/AR410.py"  # context= reaches the factory
    assert HAZARDS.get("AR206").probe_command() == "python3 -W default probes/AR206.py"  # the same everywhere


@pytest.mark.parametrize("hazard", list(HAZARDS), ids=IDS)
def test_ok_means_as_on_the_oldest_and_changed_means_not(hazard):
    """'ok' rows print what 3.6 prints; a 'changed' row prints something else."""
    for rows in (hazard.outcomes, hazard.on_linux):
        baseline = rows[0].output if rows else []
        for row in rows:
            if row.outcome in ("ok", "warns"):
                assert row.output == baseline, row.python
            if row.outcome == "changed":
                assert row.output != baseline, row.python


@pytest.mark.parametrize("hazard", list(HAZARDS), ids=IDS)
def test_probe_opens_with_its_id_and_name(hazard):
    with open(str(hazard.probe), encoding="utf-8") as probe:
        first = probe.readline()
    assert first.startswith('"""{} {}: '.format(hazard.id, hazard.name))


def test_lookup_by_id_or_name():
    assert HAZARDS.get("ar101") is HAZARDS.get("coroutine-decorator") is HAZARDS.get("AR101")
    with pytest.raises(CatalogError, match="unknown hazard 'AR999'; choose from: AR101"):
        HAZARDS.get("AR999")


def test_first_change_stops_at_the_target():
    hazard = HAZARDS.get("coroutine-decorator")
    assert hazard.first_change() == ((3, 8), "warns")
    assert hazard.first_change((3, 7)) is None


def _readme(name="README.md"):
    from asyncio_rosetta.data import find_root
    return (find_root() / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["README.md", "benchmarks/README.md"])
def test_the_readme_names_only_hazards_of_the_data_and_counts_them_as_it_does(name):
    """Every hazard id a README names is an entry; a count of hazards or probes it states is the
    catalogue's (benchmarks/README.md said 58 probes when there were 84)."""
    text = _readme(name)
    named = set(re.findall(r"\bAR\d{3}\b", text))
    assert named <= set(IDS), sorted(named - set(IDS))
    assert named or name != "README.md"
    counts = [int(n) for n in re.findall(r"\b(\d+) (?:hazards|hazard entries|probes)\b", text)]
    assert all(count == len(HAZARDS) for count in counts), counts


def test_the_readme_table_of_windows_hazards_follows_the_data():
    """One row per entry of one platform, in catalogue order: what breaks there (as breaks()
    says it, without its 'read from the docs' lead: the table's head says that) and what
    its probe does on Linux, as measured."""
    text = _readme()
    head = "| hazard | on Windows (read from the docs, not measured) | on Linux (measured by its probe) |"
    table = text[text.index(head):].split("\n\n")[0].splitlines()[2:]

    def linux(rows):
        return "; ".join("{}: {}{}".format(row.python[:-1] + "+" if row.python.endswith("-") else row.python,
                                           row.outcome, " `{}`".format(row.error) if row.error else "")
                         for row in rows)

    assert table == ["| {} `{}` | {} | {} |".format(h.id, h.name, h.breaks().split("): ", 1)[1], linux(h.on_linux))
                     for h in HAZARDS if h.platform]
