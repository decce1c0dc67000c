"""Results files: what one interpreter measured, written from the batch's runs."""

import json
import os
import platform
import sys
from pathlib import Path

import pytest

from conftest import CASES, CATALOG, HAZARDS, TOPICS, measured, reference_style
from asyncio_rosetta.publish import results
from asyncio_rosetta.publish.results import ResultsError, collect, load_dir, load_file, write
from asyncio_rosetta.harness.tracing import TraceLine
from asyncio_rosetta.harness.verify import check


def test_collect_has_every_topic_style_and_hazard_as_verify_sees_them(catalog, runs):
    data = collect(catalog, HAZARDS, *measured(runs), runs=len(runs))
    assert data["python"]["version"] == "{}.{}.{}".format(*sys.version_info[:3])
    assert data["python"]["minor"] == "{}.{}".format(*sys.version_info[:2])
    assert data["platform"].split()[0] == platform.system() and data["platform_detail"] == platform.platform()
    assert sorted(data["topics"]) == sorted(TOPICS)
    for topic, style in CASES:
        cell = data["topics"][topic][style]
        assert cell["status"] == check(catalog, topic, style, runs["virtual", topic, style]).status
        assert cell["error"] == runs["virtual", topic, style].error
    assert sorted(data["hazards"]) == sorted(h.id for h in HAZARDS)
    assert data["runs"] == len(runs) > 2 * len(CASES)  # every case, plain and in dev mode, and more
    for hazard in HAZARDS:  # test_hazards proves each probe does what is recorded here
        cell = data["hazards"][hazard.id]
        assert cell["matches"] is True
        assert cell["outcome"] == cell["recorded"] == hazard.here(sys.version_info).outcome
        # A Windows hazard's probe ran here on Linux: the cell says so, and what it did is its Linux row.
        assert cell.get("platform_only") == (hazard.where or None)
        if hazard.platform:
            assert cell["recorded"] == hazard.here(sys.version_info, "linux").outcome


def test_collect_reports_what_differs(catalog, runs):
    variants, probes = measured(runs)
    style = reference_style("hello")  # one that runs here: a shorter trace differs
    hello = variants["hello", style]
    variants["hello", style] = hello._replace(lines=hello.lines[:-1])
    probes["AR101"] = probes["AR101"]._replace(lines=[TraceLine(0.0, "something else")], error=None, warnings=[])
    data = collect(catalog, HAZARDS, variants, probes)
    assert data["topics"]["hello"][style]["status"] == "differs"
    assert data["topics"]["hello"][style]["problems"]
    assert data["hazards"]["AR101"]["outcome"] == "changed"
    assert data["hazards"]["AR101"]["matches"] is False
    assert data["hazards"]["AR101"]["output"] == ["something else"]


def _minimal(minor="3.9", patch="3.9.18"):
    return {"schema": results.SCHEMA, "python": {"version": patch, "minor": minor, "implementation": "CPython"},
            "platform": "Linux", "finished": "2025-01-01T00:00:00Z",
            "topics": {"hello": {"async_await": {"status": "equal", "outcome": "clean"}}},
            "hazards": {"AR101": {"outcome": "ok"}}}


def test_write_is_atomic_and_named_by_minor_version(tmp_path):
    path = write(_minimal(), tmp_path)
    assert path == tmp_path / "3.9.json"
    assert os.listdir(str(tmp_path)) == ["3.9.json"]  # no temporary file left
    assert load_file(path) == _minimal()


def test_the_folder_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(results.ENV_VAR, str(tmp_path / "elsewhere"))
    assert write(_minimal()) == tmp_path / "elsewhere" / "3.9.json"
    monkeypatch.delenv(results.ENV_VAR)
    assert results.results_dir() == CATALOG.root / "results"
    monkeypatch.setattr(results, "in_clone", lambda: False)  # installed: never inside the package
    assert results.results_dir() == Path("results")


@pytest.mark.parametrize("text, message", [
    ("{", "is not valid JSON"),
    ("[]", "is not a results file: the file holds [], expected an object"),
    ('{"schema": 99}', "is not a results file: schema is 99, expected 1"),
    ('{"schema": true}', "is not a results file: schema is true, expected 1"),
    ('{"schema": 1, "python": {"version": "3.9.1", "minor": "3.9"}, "topics": {}}',
     "hazards is missing, expected an object"),
    ('{"schema": 1, "python": {"version": "3.9.1", "minor": "3.9"}, "topics": {"hello": {"x": 1}}, "hazards": {}}',
     "topics.hello.x is 1, expected an object"),
])
def test_a_bad_file_is_named_with_what_is_wrong(tmp_path, text, message):
    path = tmp_path / "3.9.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ResultsError) as info:
        load_file(path)
    assert str(path) in str(info.value) and message in str(info.value)


def test_load_dir_orders_by_version_and_refuses_what_it_cannot_merge(tmp_path):
    with pytest.raises(ResultsError, match="no results folder"):
        load_dir(tmp_path / "missing")
    with pytest.raises(ResultsError, match=r"no results files \(\*.json\) in"):
        load_dir(tmp_path)
    for minor, patch in (("3.10", "3.10.2"), ("3.9", "3.9.18"), ("3.14", "3.14.0")):
        write(_minimal(minor, patch), tmp_path)
    assert [d["python"]["version"] for d in load_dir(tmp_path)] == ["3.9.18", "3.10.2", "3.14.0"]
    (tmp_path / "copy.json").write_text(json.dumps(_minimal()), encoding="utf-8")
    with pytest.raises(ResultsError, match="more than one results file for Python 3.9"):
        load_dir(tmp_path)
