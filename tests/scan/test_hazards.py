"""The hazard catalogue: well-formed data, and every probe does on this
interpreter exactly what its entry records."""

import re
import sys

import pytest

from conftest import HAZARDS, TOPICS
from asyncio_rosetta.errors import CatalogError
from asyncio_rosetta.scan.hazards import DETECT_KINDS, FIXES, OUTCOMES
from asyncio_rosetta.versions import PYTHONS, in_range

IDS = [hazard.id for hazard in HAZARDS]


@pytest.mark.parametrize("hazard", list(HAZARDS), ids=IDS)
def test_probe_does_what_the_entry_records_here(runs, hazard):
    result = runs["probe", hazard.id, None]
    want = hazard.outcome(sys.version_info)
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
    baseline = hazard.outcome(PYTHONS[0]).output
    for row in hazard.outcomes:
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
