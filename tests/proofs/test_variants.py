"""Every topic x style, run as ``__main__`` in a fresh interpreter on the virtual clock."""

import re
import sys

import pytest

from conftest import CASE_IDS, CASES, REAL_TIME_TOPICS, reference_style
from asyncio_rosetta.harness.compat import expectation
from asyncio_rosetta.versions import in_range
from asyncio_rosetta.harness.verify import DIFFERS, EQUAL, EXPECTED_FAILURE, check, compare_real_time, compare_traces

_SLOW_CALLBACK = re.compile(r"^Executing <Handle (.*) at \S+ created at \S+> took (\d+\.\d+) seconds$")


@pytest.mark.parametrize("topic, style", CASES, ids=CASE_IDS)
def test_trace(catalog, runs, topic, style):
    verdict = check(catalog, topic, style, runs["virtual", topic, style])
    assert verdict.problems == []
    assert verdict.status == (EXPECTED_FAILURE if verdict.expectation.outcome == "fails" else EQUAL)


@pytest.mark.parametrize("topic, style", CASES, ids=CASE_IDS)
def test_dev_mode_with_warnings_as_errors(catalog, runs, topic, style):
    """``python -X dev -W error``: a clean style stays clean; a warning style
    fails with its first warning, raised where it was emitted."""
    result = runs["dev", topic, style]
    exp = expectation(catalog, topic, style)
    if exp.outcome == "warns":
        assert result.error == exp.warnings[0]
        assert result.phase == exp.phase
    elif exp.outcome == "fails":
        assert (result.error, result.phase) == (exp.error, exp.phase)
    else:
        assert result.error is None
    assert result.warnings == []
    if result.error is None:
        assert compare_traces(catalog.expected_trace(topic, style), result.lines) == []
    debug_on = in_range(catalog.dev_mode_debug[style], sys.version_info)
    matches = [(_SLOW_CALLBACK.match(line.text), line.text) for line in result.stderr]
    if "uvloop" in catalog.topic(topic).requires:
        # uvloop keeps its own clock, outside the virtual one: how long a step
        # took is wall time there, and a loaded machine makes any step "slow".
        matches = [(m, text) for m, text in matches if m is None]
    reported = ["{} took {} seconds".format(*m.groups()) if m else text for m, text in matches]
    wanted = catalog.topic(topic).debug_slow_callbacks if debug_on and result.error is None else []
    assert reported == wanted


@pytest.mark.parametrize("topic", REAL_TIME_TOPICS)
def test_real_time_matches_virtual(catalog, runs, topic):
    style = reference_style(topic)
    real, virtual = runs["real", topic, style], runs["virtual", topic, style]
    assert real.error is None and virtual.error is None
    assert compare_real_time(virtual.lines, real.lines, real.stalls) == []
    assert real.lines[-1].time > 2.5  # it really waited


def test_story_time_is_virtual(catalog, runs):
    """Every story lasts seconds; together well over the suite's budget."""
    story = sum(runs["virtual", t.name, reference_style(t.name)].lines[-1].time for t in catalog.topics)
    assert story > 20


def test_a_differing_trace_is_reported(catalog, runs):
    """The comparison can fail: a trace with one changed stamp differs."""
    result = runs["virtual", "hello", reference_style("hello")]
    shifted = result._replace(lines=[line._replace(time=line.time + 1) for line in result.lines])
    assert check(catalog, "hello", reference_style("hello"), shifted).status == DIFFERS
