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
    assert lines[0] == "a.py:4:1  AR101  @asyncio.coroutine generator-based coroutines"
    assert lines[1] == "    AR101: " + report.findings[0].explanation
    assert lines[2:] == ["b.py: error: binary file (contains NUL bytes)",
                         "1 finding(s) in 1 of 3 file(s) scanned; 1 path(s) could not be scanned"]


def test_text_explains_each_hazard_once_per_file():
    """The explanation is about 400 characters: once per file, not on every line."""
    ar101, ar301 = HAZARDS.get("AR101"), HAZARDS.get("AR301")
    findings = [Finding("a.py", 4, 1, ar101, TARGET), Finding("a.py", 9, 1, ar301, TARGET),
                Finding("a.py", 12, 1, ar101, TARGET), Finding("b.py", 2, 1, ar101, TARGET)]
    lines = _report.text(_report_of(*findings)).splitlines()
    assert lines == [
        "a.py:4:1  AR101  " + ar101.title, "a.py:9:1  AR301  " + ar301.title, "a.py:12:1  AR101  " + ar101.title,
        "    AR101: " + findings[0].explanation, "    AR301: " + findings[1].explanation,
        "b.py:2:1  AR101  " + ar101.title, "    AR101: " + findings[0].explanation,
        "4 finding(s) in 2 of 3 file(s) scanned"]
    assert len(findings[0].explanation) > 300 and findings[0].message == ar101.title + ": " + findings[0].explanation


def test_concise_is_ruff_s_line_per_finding():
    report = _report_of(Finding("a.py", 4, 1, HAZARDS.get("AR101"), TARGET),
                        notes=[Note("c.py", 6, "read as Python 3: Python 2 print statement")])
    assert _report.write(report, list(HAZARDS), "concise") == (
        "a.py:4:1: AR101 @asyncio.coroutine generator-based coroutines\n"
        "c.py:6: note: read as Python 3: Python 2 print statement\n"
        "1 finding(s) in 1 of 3 file(s) scanned; 1 line(s) read as Python 3\n")


def test_github_annotations_escape_what_the_runner_unescapes():
    """Workflow commands: '%', CR and LF escaped in the message; ':' and ',' too in a property."""
    fails = Finding("dir,x/a:b.py", 4, 1, HAZARDS.get("AR106"), TARGET)  # fails from 3.7: error
    warns = Finding("a.py", 9, 5, HAZARDS.get("AR201"), (3, 9))          # warns up to 3.9: warning
    report = _report_of(fails, warns, errors=[SourceError("b.py", "100% not\nPython")],
                        notes=[Note("c.py", 6, "read as Python 3: Python 2 print statement")])
    lines = _report.write(report, list(HAZARDS), "github").splitlines()
    assert lines[0].startswith("::error file=dir%2Cx/a%3Ab.py,line=4,col=1,title=AR106 ")
    assert lines[0].endswith("::" + fails.message)
    assert lines[1].startswith("::warning file=a.py,line=9,col=5,title=AR201 ")
    assert lines[2:] == ["::notice file=c.py,line=6::read as Python 3: Python 2 print statement",
                         "::error file=b.py::100%25 not%0APython"]


def test_statistics_count_each_hazard_most_first():
    ar101, ar301 = HAZARDS.get("AR101"), HAZARDS.get("AR301")
    report = _report_of(Finding("a.py", 9, 1, ar301, TARGET), Finding("a.py", 4, 1, ar101, TARGET),
                        Finding("b.py", 4, 1, ar101, TARGET))
    assert _report.write(report, list(HAZARDS), "text", statistics=True).splitlines() == [
        "    2  AR101  " + ar101.title, "    1  AR301  " + ar301.title, "3 finding(s) in 2 of 3 file(s) scanned"]


def test_notes_follow_the_findings_and_are_counted():
    note = Note("c.py", 6, "read as Python 3: Python 2 print statement")
    report = _report_of(Finding("a.py", 4, 1, HAZARDS.get("AR101"), TARGET), notes=[note])
    assert _report.text(report).splitlines()[2:] == [
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
    assert lines[3:5] == ["    AR106: " + fails.explanation, "    AR201: " + warns.explanation]
    assert len(lines) == 6 and lines[5].startswith("2 finding(s) in 1 of 3")


def test_sarif_names_the_package_s_version():
    import asyncio_rosetta
    driver = _report.as_sarif(_report_of(), list(HAZARDS))["runs"][0]["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("asyncio-rosetta", asyncio_rosetta.__version__)


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
