"""How scan reports read: grouped and coloured for a terminal, flat when piped."""

from conftest import HAZARDS
from asyncio_rosetta.scan import report as _report
from asyncio_rosetta.scan.sources import SourceError
from asyncio_rosetta.scan.scanner import Finding, Note, Report

TARGET = (3, 14)


def _report_of(*findings, errors=(), notes=()):
    return Report(list(findings), list(errors), 3, TARGET, list(notes))


def test_piped_text_is_one_finding_per_line_then_errors_then_a_summary():
    report = _report_of(Finding("a.py", 4, 1, HAZARDS.get("AR101"), TARGET),
                        errors=[SourceError("b.py", "binary file (contains NUL bytes)")])
    lines = _report.text(report).splitlines()
    assert lines[0].startswith("a.py:4:1  AR101  @asyncio.coroutine")
    assert lines[1:] == ["b.py: error: binary file (contains NUL bytes)",
                         "1 finding(s) in 1 of 3 file(s) scanned; 1 path(s) could not be scanned"]


def test_notes_follow_the_findings_and_are_counted():
    note = Note("c.py", 6, "read as Python 3: Python 2 print statement")
    report = _report_of(Finding("a.py", 4, 1, HAZARDS.get("AR101"), TARGET), notes=[note])
    assert _report.text(report).splitlines()[1:] == [
        "c.py:6: note: read as Python 3: Python 2 print statement",
        "1 finding(s) in 1 of 3 file(s) scanned; 1 line(s) read as Python 3"]
    assert _report.as_json(report)["notes"] == [
        {"path": "c.py", "line": 6, "message": "read as Python 3: Python 2 print statement"}]


def test_a_note_is_a_sarif_notification_not_a_result():
    """A result is an alert about the code under a rule; how the tool read a
    line is a condition of the tool's run: a toolExecutionNotification."""
    report = _report_of(notes=[Note("c.py", 6, "read as Python 3: Python 2 print statement")])
    run = _report.as_sarif(report, list(HAZARDS))["runs"][0]
    assert run["results"] == []
    assert run["invocations"] == [{"executionSuccessful": True, "toolExecutionNotifications": [{
        "level": "note", "message": {"text": "read as Python 3: Python 2 print statement"},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": "c.py"}, "region": {"startLine": 6}}}],
    }]}]


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


def test_a_selected_hazard_that_runs_as_before_has_no_first_change():
    """--select reports a hazard whatever the target (AR314 runs the same on every
    Python): JSON says first_change null, SARIF level note."""
    finding = Finding("a.py", 5, 12, HAZARDS.get("AR314"), TARGET)
    found = _report.as_json(_report_of(finding))["findings"][0]
    assert (found["breaks"], found["first_change"]) == ("", None)
    result = _report.as_sarif(_report_of(finding), list(HAZARDS))["runs"][0]["results"][0]
    assert (result["ruleId"], result["level"]) == ("AR314", "note")
