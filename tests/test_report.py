"""How scan reports read: grouped and coloured for a terminal, flat when piped."""

from conftest import HAZARDS
from asyncio_rosetta import _report
from asyncio_rosetta._sources import SourceError
from asyncio_rosetta.scan import Finding, Report

TARGET = (3, 14)


def _report_of(*findings, errors=()):
    return Report(list(findings), list(errors), 3, TARGET)


def test_piped_text_is_one_finding_per_line_then_errors_then_a_summary():
    report = _report_of(Finding("a.py", 4, 1, HAZARDS.get("AR101"), TARGET),
                        errors=[SourceError("b.py", "binary file (contains NUL bytes)")])
    lines = _report.text(report).splitlines()
    assert lines[0].startswith("a.py:4:1  AR101  @asyncio.coroutine")
    assert lines[1:] == ["b.py: error: binary file (contains NUL bytes)",
                         "1 finding(s) in 1 of 3 file(s) scanned; 1 path(s) could not be scanned"]


def test_terminal_text_groups_by_file_and_colours_by_outcome():
    fails = Finding("a.py", 4, 1, HAZARDS.get("AR106"), (3, 14))   # fails from 3.7
    warns = Finding("a.py", 9, 5, HAZARDS.get("AR201"), (3, 9))    # only warns up to 3.9
    text = _report.text(_report_of(fails, warns), color=True)
    lines = text.splitlines()
    assert lines[0] == "\033[1ma.py\033[0m"
    assert "\033[31mAR106\033[0m" in lines[1]  # red: fails by the target
    assert "\033[33mAR201\033[0m" in lines[2]  # yellow: still runs on 3.9, with a warning
    assert len(lines) == 4 and lines[3].startswith("2 finding(s) in 1 of 3")


def test_sarif_levels_follow_the_first_change():
    sarif = _report.as_sarif(_report_of(Finding("a.py", 1, 1, HAZARDS.get("AR303"), TARGET)), list(HAZARDS))
    result = sarif["runs"][0]["results"][0]
    assert (result["ruleId"], result["level"]) == ("AR303", "error")
    assert len(sarif["runs"][0]["tool"]["driver"]["rules"]) == len(HAZARDS)
