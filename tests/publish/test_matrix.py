"""The merged matrix: results files of several Pythons as one table, and its command."""

import json

import pytest

from conftest import CATALOG, cli
from asyncio_rosetta.publish import matrix
from asyncio_rosetta.publish.results import SCHEMA, load_dir, write


def _results(minor, patch, hello_modern="equal", ar101="ok", matches=True):
    return {
        "schema": SCHEMA, "python": {"version": patch, "minor": minor, "implementation": "CPython"},
        "platform": "Linux-x86_64", "finished": "2025-01-01T00:00:00Z",
        "topics": {
            "hello": {"generator_coroutine": {"status": "equal", "outcome": "warns"},
                      "modern_taskgroup": {"status": hello_modern, "outcome": "fails"}},
            "custom_loop": {"modern_taskgroup": {"status": "needs uvloop", "outcome": "fails"}},
        },
        "hazards": {"AR101": {"outcome": ar101, "matches": matches},
                    "AR703": {"outcome": "ok", "matches": True, "platform_only": "Windows"}},
    }


@pytest.fixture
def folder(tmp_path):
    write(_results("3.10", "3.10.14"), tmp_path)
    write(_results("3.9", "3.9.18", hello_modern="expected failure", ar101="warns", matches=False), tmp_path)
    return tmp_path


def test_merge_orders_pythons_and_topics_as_the_catalogue(folder):
    table = matrix.merge(load_dir(folder), CATALOG)
    assert [p["version"] for p in table["pythons"]] == ["3.9.18", "3.10.14"]
    assert list(table["topics"]) == ["hello", "custom_loop"]  # catalogue order, not sorted
    assert list(table["topics"]["hello"]) == ["generator_coroutine", "modern_taskgroup"]
    assert table["topics"]["hello"]["modern_taskgroup"]["3.9"]["status"] == "expected failure"
    assert table["hazards"]["AR101"]["3.10"]["outcome"] == "ok"


def test_a_python_without_a_row_is_a_dash(tmp_path):
    only_hello = _results("3.11", "3.11.9")
    del only_hello["topics"]["custom_loop"]
    write(only_hello, tmp_path)
    write(_results("3.12", "3.12.3"), tmp_path)
    out = matrix.text(matrix.merge(load_dir(tmp_path), CATALOG))
    assert "custom_loop  modern_taskgroup     -        needs" in out


@pytest.mark.parametrize("cell, label", [
    ({"status": "equal", "outcome": "clean"}, "ok"),
    ({"status": "equal", "outcome": "warns"}, "warns"),
    ({"status": "expected failure", "outcome": "fails"}, "fails"),
    ({"status": "differs", "outcome": "clean"}, "DIFFERS"),
    ({"status": "needs uvloop", "outcome": "fails"}, "needs"),
    (None, "-"),
])
def test_cell_labels(cell, label):
    assert matrix.cell_label(cell) == label


def test_text_table(folder):
    out = matrix.text(matrix.merge(load_dir(folder), CATALOG))
    lines = out.splitlines()
    assert lines[0].split() == ["topic", "style", "3.9.18", "3.10.14"]
    assert lines[1].split() == ["hello", "generator_coroutine", "warns", "warns"]
    assert lines[2].split() == ["modern_taskgroup", "fails", "ok"]
    assert "AR101" in out and "warns!" in out
    assert "measured on CPython 3.9.18, CPython 3.10.14 (Linux-x86_64); 0 difference(s)" in out


def test_markdown_table(folder):
    out = matrix.markdown(matrix.merge(load_dir(folder), CATALOG))
    assert "| topic | style | 3.9.18 | 3.10.14 |\n| --- | --- | --- | --- |\n" in out
    assert "| `hello` | `generator_coroutine` | warns | warns |" in out
    assert "| AR101 | warns! | ok |" in out
    # A Windows hazard's probe run here (Linux): marked, and the legend says its Windows outcomes are read.
    assert "| AR703 | ok* | ok* |" in out
    assert "* = a hazard of another platform (Windows)" in out and "read from the docs, not measured" in out


def test_command_formats(folder):
    out = cli("matrix", str(folder), "--format", "json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["pythons"][1]["version"] == "3.10.14"
    out = cli("matrix", str(folder))
    assert out.returncode == 0 and out.stdout.startswith("topic")
    assert cli("matrix", str(folder), "--format", "markdown").stdout.startswith("| topic")


def test_command_errors_are_one_line(tmp_path):
    def error(*args):
        out = cli("matrix", *args)
        assert out.returncode == 2 and out.stdout == ""
        assert len(out.stderr.splitlines()) == 1
        return out.stderr

    assert "no results folder" in error(str(tmp_path / "missing"))
    assert "no results files (*.json) in" in error(str(tmp_path))
    (tmp_path / "3.9.json").write_text("{not json", encoding="utf-8")
    assert "3.9.json is not valid JSON" in error(str(tmp_path))
    (tmp_path / "3.9.json").write_text('{"schema": 1}', encoding="utf-8")
    assert "3.9.json is not a results file: python is missing, expected an object" in error(str(tmp_path))
    assert "invalid choice" in error(str(tmp_path), "--format", "html")
