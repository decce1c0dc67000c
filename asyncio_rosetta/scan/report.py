"""How a scan Report is written: text for people, JSON and SARIF 2.1.0 for machines.

    text(report, color=False)  # 'path:line:col  AR101  message' lines, notes, errors, a summary line
    as_json(report)            # dict, described by data/scan-report.schema.json
    as_sarif(report, hazards)  # dict, a SARIF 2.1.0 log (one run, one rule per hazard)

A note (a line read as Python 3) is not a finding: in SARIF it is one of the
invocation's toolExecutionNotifications ("a runtime condition detected by the
tool during the analysis"; a notification "describes a condition relevant to
the tool itself, as opposed to being relevant to a target being analyzed"),
at level "note". A result would be an alert about the code, under a rule.
"""

import collections
import os
from pathlib import Path
from urllib.parse import quote

from asyncio_rosetta import __version__
from asyncio_rosetta.render import printable
from asyncio_rosetta.scan.scanner import READ_AS_PYTHON3
from asyncio_rosetta.versions import label

__all__ = ["text", "as_json", "as_sarif", "SARIF_SCHEMA_URI"]

SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {"fails": "error", "warns": "warning", "changed": "warning"}

_BOLD, _RED, _YELLOW, _CYAN, _RESET = "\033[1m", "\033[31m", "\033[33m", "\033[36m", "\033[0m"


def text(report, color=False):
    """Grouped by file, coloured, on a terminal; one finding per line otherwise."""
    lines = []
    if color:
        by_file = collections.OrderedDict()
        for finding in report.findings:
            by_file.setdefault(str(finding.path), []).append(finding)
        for path, findings in by_file.items():
            lines.append(_BOLD + printable(path) + _RESET)
            for f in findings:
                fails = any(row.outcome == "fails" for row in f.hazard.changes(f.target))
                tint = _RED if fails else _YELLOW  # red: it stops working by the target
                lines.append("  {}{:>5}:{:<3}{} {}{}{}  {}".format(
                    _CYAN, f.line, f.column, _RESET, tint, f.hazard.id, _RESET, f.message))
    else:
        lines += [str(finding) for finding in report.findings]
    lines += [str(note) for note in report.notes]
    lines += ["{}: error: {}".format(printable(error.path), error.reason) for error in report.errors]
    lines.append(summary(report))
    return "\n".join(lines) + "\n"


def summary(report):
    files = len({str(f.path) for f in report.findings})
    line = "{} finding(s) in {} of {} file(s) scanned".format(len(report.findings), files, report.files)
    read = sum(note.message.startswith(READ_AS_PYTHON3) for note in report.notes)
    if read:
        line += "; {} line(s) read as Python 3".format(read)
    if len(report.notes) > read:
        line += "; {} note(s)".format(len(report.notes) - read)
    if report.errors:
        line += "; {} path(s) could not be scanned".format(len(report.errors))
    return line


def as_json(report):
    return {
        "target": label(report.target),
        "files_scanned": report.files,
        "findings": [{
            "path": str(f.path), "line": f.line, "column": f.column,
            "id": f.hazard.id, "name": f.hazard.name, "title": f.hazard.title,
            "breaks": f.hazard.breaks(f.target),
            "first_change": _first_change(f),
            "replacement": f.hazard.replacement, "fix": f.hazard.fix, "topics": f.hazard.topics,
            "message": f.message,
        } for f in report.findings],
        "notes": [{"path": str(n.path), "line": n.line, "message": n.message} for n in report.notes],
        "errors": [{"path": str(e.path), "reason": e.reason} for e in report.errors],
    }


def _first_change(finding):
    """{"python", "outcome"} of the first change by the target; None for a
    hazard reported only because it was selected (no change by then)."""
    first = finding.hazard.first_change(finding.target)
    return first and {"python": label(first[0]), "outcome": first[1]}


def _level(finding):
    """By the first change up to the target; "note" for a hazard reported only
    because it was selected (it runs as before up to the target)."""
    first = finding.hazard.first_change(finding.target)
    return "note" if first is None else _LEVELS[first[1]]


def as_sarif(report, hazards):
    rules = [{
        "id": h.id, "name": h.name,
        "shortDescription": {"text": h.title},
        "fullDescription": {"text": h.breaks()},
        "help": {"text": "Use {}. See topic {}.".format(h.replacement, ", ".join(h.topics))},
        "properties": {"fix": h.fix, "topics": h.topics},
    } for h in hazards]
    index = {h.id: i for i, h in enumerate(hazards)}
    results = [{
        "ruleId": f.hazard.id, "ruleIndex": index[f.hazard.id],
        "level": _level(f),
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": _uri(f.path)},
            "region": {"startLine": f.line, "startColumn": f.column},
        }}],
    } for f in report.findings]
    notifications = [{
        "level": "note", "message": {"text": n.message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(n.path)},
                                            "region": {"startLine": n.line}}}],
    } for n in report.notes] + [{
        "level": "error", "message": {"text": e.reason},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(e.path)}}}],
    } for e in report.errors]
    return {
        "$schema": SARIF_SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "asyncio-rosetta", "version": __version__,
                                "rules": rules}},
            "invocations": [{"executionSuccessful": not report.errors,
                             "toolExecutionNotifications": notifications}],
            "results": results,
        }],
    }


def _uri(path):
    """*path* as a URI reference (RFC 3986), as artifactLocation.uri must be: relative stays
    relative (code scanning resolves it against the repository), absolute is a file:// URI
    (RFC 8089), each byte of the name as the file system holds it percent-encoded where a
    URI may not hold it as it is (a space is %20, a newline %0A, a byte that is not UTF-8 %FF)."""
    path = Path(path)
    if path.is_absolute():
        return path.as_uri()  # percent-encodes the same way
    return quote(os.fsencode(path.as_posix()), safe="/")
