"""matrix and site on a results file of the wrong shape: one line naming the file and the field, exit 2 (no
traceback from deep in the table code, no page built from half a file); a results "folder" that is a file,
named by ROSETTA_RESULTS_DIR, is the same error for site as for matrix (site said "not measured")."""

import json

import pytest

from conftest import cli
from hostile.world import Command

GOOD = {
    "schema": 1, "python": {"version": "3.9.18", "minor": "3.9", "implementation": "CPython"},
    "platform": "Linux 6.1 x86_64", "finished": "2025-01-01T00:00:00Z",
    "topics": {"hello": {"async_await": {"status": "equal", "outcome": "clean", "error": None, "warnings": [],
                                         "problems": []}}},
    "hazards": {"AR101": {"outcome": "ok", "matches": True, "error": None, "warnings": [], "output": ["x"],
                          "stderr": []}},
}


REMOVE = object()


def _mutated(path, value):
    """GOOD with the field at *path* (its keys) set to *value*, or removed (REMOVE)."""
    document = json.loads(json.dumps(GOOD))
    data = document
    for key in path[:-1]:
        data = data[key]
    if value is REMOVE:
        del data[path[-1]]
    else:
        data[path[-1]] = value
    return document


CASES = [
    pytest.param([1, 2], "the file holds [1, 2], expected an object", id="a-list"),
    pytest.param(_mutated(["platform"], 5), "platform is 5, expected a string", id="platform-5"),
    pytest.param(_mutated(["python"], REMOVE), "python is missing, expected an object", id="no-python"),
    pytest.param(_mutated(["python", "version"], REMOVE), "python.version is missing, expected a string",
                 id="no-version"),
    pytest.param(_mutated(["python", "minor"], 3.9), "python.minor is 3.9, expected a string", id="minor-number"),
    pytest.param(_mutated(["finished"], []), "finished is [], expected a string", id="finished-list"),
    pytest.param(_mutated(["topics"], ["hello"]), 'topics is ["hello"], expected an object', id="topics-list"),
    pytest.param(_mutated(["topics", "hello", "async_await", "status"], 5),
                 "topics.hello.async_await.status is 5, expected a string", id="status-5"),
    pytest.param(_mutated(["topics", "hello", "async_await", "warnings"], "careful"),
                 'topics.hello.async_await.warnings is "careful", expected a list of strings', id="warnings-text"),
    pytest.param(_mutated(["hazards", "AR101", "outcome"], None), "hazards.AR101.outcome is null, expected a string",
                 id="outcome-null"),
    pytest.param(_mutated(["hazards", "AR101", "matches"], "yes"),
                 'hazards.AR101.matches is "yes", expected true or false', id="matches-text"),
    pytest.param(_mutated(["hazards", "AR101", "output"], ["a", 1]),
                 'hazards.AR101.output is ["a", 1], expected a list of strings', id="output-mixed"),
    pytest.param(_mutated(["schema"], REMOVE), "schema is missing, expected 1", id="no-schema"),
]


def _folder(tmp_path, data):
    folder = tmp_path / "results"
    folder.mkdir()
    (folder / "3.9.json").write_text(json.dumps(data), encoding="utf-8")
    return folder


def _one_line(out, message):
    assert (out.returncode, out.stdout) == (2, "")
    assert out.stderr == "asyncio-rosetta: error: {}\n".format(message)


@pytest.mark.parametrize("data, field", CASES)
def test_matrix_and_site_name_the_file_and_the_field(tmp_path, data, field):
    folder = _folder(tmp_path, data)
    message = "{} is not a results file: {}".format(folder / "3.9.json", field)
    _one_line(cli("matrix", str(folder)), message)
    _one_line(cli("site", str(tmp_path / "public"), "--results", str(folder)), message)
    assert not (tmp_path / "public").exists()


def test_the_good_file_is_good(tmp_path):
    """The cases above differ from it in one field each."""
    assert cli("matrix", str(_folder(tmp_path, GOOD))).returncode == 0


@pytest.mark.parametrize("command", [["matrix"], ["site", "{public}"]])
def test_a_results_folder_that_is_a_file(tmp_path, command):
    """As a user runs it, in a process of its own: ROSETTA_RESULTS_DIR names a file."""
    results = tmp_path / "results.json"
    results.write_text(json.dumps(GOOD), encoding="utf-8")
    args = [arg.format(public=tmp_path / "public") for arg in command]
    run = Command(tmp_path, args, env={"ROSETTA_RESULTS_DIR": str(results)})
    assert (run.wait(), run.stdout()) == (2, "")
    assert run.stderr() == "asyncio-rosetta: error: {} is not a folder: results are the *.json files in " \
                           "one\n".format(results)


def test_a_file_of_the_wrong_shape_as_a_user_runs_it(tmp_path):
    folder = _folder(tmp_path, _mutated(["platform"], 5))
    run = Command(tmp_path, ["matrix", str(folder)])
    assert (run.wait(), run.stdout()) == (2, "")
    assert run.stderr() == "asyncio-rosetta: error: {} is not a results file: platform is 5, expected a " \
                           "string\n".format(folder / "3.9.json")
