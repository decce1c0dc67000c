"""How a scan Report is written: text for people, JSON and SARIF 2.1.0 for machines.

    write(report, hazards, "concise")   # what scan --format concise prints
    text(report, color=False)  # 'path:line:col  AR101  title' lines, each hazard's explanation once per file
    concise(report)            # 'path:line:col: AR101 title' lines (ruff's concise format)
    github(report)             # '::error file=...,line=...::message' workflow annotations
    counts(report)             # --statistics: findings per hazard
    as_json(report)            # dict, described by data/scan-report.schema.json
    as_sarif(report, hazards)  # dict, a SARIF 2.1.0 log (one run, one rule per hazard)

A note (a line read as Python 3) is not a finding: in SARIF it is one of the
invocation's toolExecutionNotifications ("a runtime condition detected by the
tool during the analysis"; a notification "describes a condition relevant to
the tool itself, as opposed to being relevant to a target being analyzed"),
at level "note". A result would be an alert about the code, under a rule.
"""

import collections
import json
import os
from pathlib import Path

from asyncio_rosetta import __version__
from asyncio_rosetta.errors import UsageError
from asyncio_rosetta.render import printable
from asyncio_rosetta.scan.scanner import READ_AS_PYTHON3
from asyncio_rosetta.versions import label

__all__ = ["FORMATS", "write", "text", "concise", "github", "counts", "summary", "as_json", "as_sarif",
           "SARIF_SCHEMA_URI"]

FORMATS = ("text", "concise", "github", "json", "sarif")

SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {"fails": "error", "warns": "warning", "changed": "warning"}

_BOLD, _RED, _YELLOW, _CYAN, _RESET = "\033[1m", "\033[31m", "\033[33m", "\033[36m", "\033[0m"


def write(report, hazards, form="text", statistics=False, color=False):
    """The report as scan prints it in *form* (one of FORMATS); *statistics*: the count
    per hazard instead of the findings (text and concise only)."""
    if statistics and form not in ("text", "concise"):
        raise UsageError("--statistics prints text: use it with --format text or concise")
    if statistics:
        return counts(report)
    if form in ("json", "sarif"):
        return json.dumps(as_json(report) if form == "json" else as_sarif(report, hazards), indent=2) + "\n"
    return {"text": lambda: text(report, color), "concise": lambda: concise(report),
            "github": lambda: github(report)}[form]()


def text(report, color=False):
    """Grouped by file: a line per finding (``path:line:col  ID  title``), then, once
    per file, what each hazard found there does and what to use; coloured on a terminal."""
    lines = []
    for path, findings in _by_file(report.findings):
        if color:
            lines.append(_BOLD + printable(path) + _RESET)
        for f in findings:
            if color:
                tint = _RED if _fails(f) else _YELLOW  # red: it stops working by the target
                lines.append("  {}{:>5}:{:<3}{} {}{}{}  {}".format(
                    _CYAN, f.line, f.column, _RESET, tint, f.hazard.id, _RESET, f.hazard.title))
            else:
                lines.append("{}:{}:{}  {}  {}".format(printable(f.path), f.line, f.column, f.hazard.id, f.hazard.title))
        explained = collections.OrderedDict()
        for f in findings:
            explained.setdefault(f.hazard.id, f)
        lines += ["    {}: {}".format(f.hazard.id, f.explanation) for f in explained.values()]
    return "\n".join(lines + _notes_and_errors(report) + [summary(report)]) + "\n"


def concise(report):
    """``path:line:col: ID title``, a line per finding (ruff's concise format), then notes, errors, the summary."""
    lines = ["{}:{}:{}: {} {}".format(printable(f.path), f.line, f.column, f.hazard.id, f.hazard.title)
             for f in report.findings]
    return "\n".join(lines + _notes_and_errors(report) + [summary(report)]) + "\n"


def _notes_and_errors(report):
    return [str(note) for note in report.notes] + [
        "{}: error: {}".format(printable(error.path), error.reason) for error in report.errors]


def _by_file(findings):
    by_file = collections.OrderedDict()
    for finding in findings:
        by_file.setdefault(str(finding.path), []).append(finding)
    return by_file.items()


def github(report):
    """GitHub Actions workflow commands: an annotation per finding (error where the
    construct fails by the target, else warning, notice for a selected hazard
    that does not change), per note (notice) and per unreadable file (error)."""
    lines = ["::{} file={},line={},col={},title={}::{}".format(
        "error" if _fails(f) else _GITHUB_LEVELS[_level(f)], _property(f.path), f.line, f.column, _property(f.hazard.id + " " + f.hazard.title),
        _data(f.message)) for f in report.findings]
    lines += ["::notice file={},line={}::{}".format(_property(n.path), n.line, _data(n.message))
              for n in report.notes]
    lines += ["::error file={}::{}".format(_property(e.path), _data(e.reason)) for e in report.errors]
    return "".join(line + "\n" for line in lines)


_GITHUB_LEVELS = {"error": "error", "warning": "warning", "note": "notice"}


def _fails(finding):
    """Whether the construct stops working by the target."""
    return any(row.outcome == "fails" for row in finding.hazard.changes(finding.target))


def _data(text):
    """A workflow command's message, escaped as the runner unescapes it (%, CR, LF)."""
    return str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value):
    """A workflow command's property value: as _data, and ':' and ',' too."""
    return _data(printable(value)).replace(":", "%3A").replace(",", "%2C")


def counts(report):
    """``--statistics``: how many findings of each hazard, most first (as ruff's), then the summary."""
    by_id = collections.Counter(f.hazard.id for f in report.findings)
    titles = {f.hazard.id: f.hazard.title for f in report.findings}
    lines = ["{:>5}  {}  {}".format(count, hazard, titles[hazard])
             for hazard, count in sorted(by_id.items(), key=lambda item: (-item[1], item[0]))]
    return "\n".join(lines + _notes_and_errors(report) + [summary(report)]) + "\n"


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
        "target_version": label(report.oldest),
        "upgrade_to": label(report.target),
        "target": label(report.target),  # deprecated: upgrade_to
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
    from urllib.parse import quote  # SARIF only

    return quote(os.fsencode(path.as_posix()), safe="/")
