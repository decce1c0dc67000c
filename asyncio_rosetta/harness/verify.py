"""Compare a run with what the data says it must do.

    verdict = check(catalog, "hello", "async_await", result)
    verdict.status   # "equal" | "expected failure" | "differs"
    verdict.problems # one line per difference, empty unless "differs"

A run is *equal* when the data expects it to run (clean, or with exactly the
listed warnings) and its trace equals the expected trace. It is an *expected
failure* when the data expects an exception and the run raised exactly that
one, in that phase, after printing a prefix of the expected trace.

A topic may require a third-party module (``requires`` in topics.json, e.g.
uvloop). A run that stopped because it is not installed *needs* it: the
verdict says so and how to get it for the interpreter that ran it
(``/usr/bin/python3.12 -m pip install uvloop``: a bare ``pip`` may belong to
another Python); it is neither equal nor a difference.
"""

import collections
import difflib
import os
import shlex
import sys

from asyncio_rosetta.data import read_text
from asyncio_rosetta.files import write_atomic
from asyncio_rosetta.harness.compat import expectation, reference_style
from asyncio_rosetta.harness.runner import run_many
from asyncio_rosetta.harness.tracing import format_line, format_trace

__all__ = ["Verdict", "Report", "check", "verify", "pip_install", "update_expected", "compare_traces", "compare_real_time",
           "REAL_TIME_TOLERANCE"]

EQUAL, EXPECTED_FAILURE, DIFFERS = "equal", "expected failure", "differs"
NEEDS = "needs {}"  # formatted with the missing module

# How far (seconds) a stamp of a --real-time run may be from the virtual one.
REAL_TIME_TOLERANCE = 0.05

Verdict = collections.namedtuple("Verdict", "status problems expectation")


class Report(collections.namedtuple("Report", "topics styles verdicts updates python")):
    """What ``verify`` found: ``verdicts[topic, style]`` for every topic x style,
    the lines saying which expected traces ``--update`` rewrote (or why not),
    and the interpreter's ``sys.version_info``."""

    __slots__ = ()

    @property
    def failures(self):
        """(topic, style, verdict) for every run that differs, in table order."""
        return [(t, s, self.verdicts[t, s]) for t in self.topics for s in self.styles
                if self.verdicts[t, s].status == DIFFERS]

    @property
    def unmet(self):
        """(topic, what it needs) for the topics not run for a missing module, sorted."""
        return sorted({(t, v.problems[0]) for (t, _), v in self.verdicts.items() if v.status.startswith("needs ")})


def verify(catalog, topics=(), update=False):
    """Run every style of *topics* (default: all) here and check each run;
    with *update*, first rewrite the shared expected traces from the
    reference style's runs. Returns a Report."""
    topics = [catalog.topic(name).name for name in topics] or [t.name for t in catalog.topics]
    styles = [s.name for s in catalog.styles]
    runs = run_many({(t, s): (catalog.variant_path(t, s), {}) for t in topics for s in styles})
    updates = []
    if update:
        updates = [update_expected(catalog, t, runs[t, reference_style(catalog, t)]) for t in topics]
    verdicts = {(t, s): check(catalog, t, s, runs[t, s]) for t in topics for s in styles}
    return Report(topics, styles, verdicts, [line for line in updates if line], sys.version_info)


def update_expected(catalog, topic, result):
    """Rewrite a shared expected trace from a clean run, atomically; the line to
    show (what was updated, or why not), or None if the trace was already so."""
    if result.error or result.stderr:
        return "not updating {}: the reference run ended with {}".format(topic, result.error or "output on stderr")
    path = catalog.expected_path(topic)
    text = format_trace(result.lines)
    if path.exists() and read_text(path) == text:
        return None
    write_atomic(path, text, "utf-8")
    return "updated {}".format(os.path.relpath(str(path), str(catalog.root)))


def compare_traces(expected, actual, prefix=False):
    """Lines of a unified diff between two traces (as printed); empty when equal.

    With *prefix*, *actual* only has to match the start of *expected*.
    """
    want = [format_line(line) for line in expected]
    got = [format_line(line) for line in actual]
    if prefix:
        want = want[:len(got)]
    if want == got:
        return []
    return list(difflib.unified_diff(want, got, "expected", "actual", lineterm=""))


def pip_install(module):
    """The command that installs *module* for the running interpreter, which runs the variants.

        >>> pip_install("uvloop")                      # doctest: +SKIP
        '/usr/bin/python3.12 -m pip install uvloop'
    """
    return "{} -m pip install {}".format(shlex.quote(sys.executable), module)


def check(catalog, topic, style, result, version=None):
    exp = expectation(catalog, topic, style, version)
    for module in catalog.topic(topic).requires:
        if result.error == "ModuleNotFoundError: No module named '{}'".format(module):
            return Verdict(NEEDS.format(module), [
                "{} is not installed for this interpreter: {}".format(module, pip_install(module))], exp)
    expected = catalog.expected_trace(topic, style)
    problems = []
    if exp.outcome == "fails":
        if (result.error, result.phase) != (exp.error, exp.phase):
            problems.append("expected {} (in {}), got {} (in {})".format(
                exp.error, exp.phase, result.error or "no exception", result.phase or "-"))
        problems += compare_traces(expected, result.lines, prefix=True)
    else:
        if result.error is not None:
            problems.append("expected no exception, got {} (in {})".format(result.error, result.phase))
        problems += compare_traces(expected, result.lines)
    if result.distinct_warnings() != exp.warnings:
        problems.append("expected warnings {}, got {}".format(exp.warnings, result.distinct_warnings()))
    problems += ["unexpected stderr: " + line.text for line in result.stderr]
    if problems:
        return Verdict(DIFFERS, problems, exp)
    return Verdict(EXPECTED_FAILURE if exp.outcome == "fails" else EQUAL, [], exp)


def compare_real_time(virtual, real, stalls=(), tolerance=REAL_TIME_TOLERANCE):
    """Problems found comparing a real-time trace with the virtual one: texts
    must be equal and every stamp within *tolerance* seconds, plus, on the late
    side, twice the time the process had been stalled (*stalls*, per line) --
    a loaded machine makes a program late, never early."""
    problems = []
    if [line.text for line in virtual] != [line.text for line in real]:
        problems.append("texts differ: {} vs {}".format(
            [line.text for line in virtual], [line.text for line in real]))
    stalls = list(stalls) + [0.0] * (len(real) - len(stalls))
    for want, got, stalled in zip(virtual, real, stalls):
        if not -tolerance <= got.time - want.time <= tolerance + 2 * stalled:
            problems.append("{!r}: virtual {:.3f} s, real {:.3f} s (tolerance {} s, stalled {:.3f} s)".format(
                want.text, want.time, got.time, tolerance, stalled))
    return problems
