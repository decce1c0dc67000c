"""``bench``: the workloads agree, the cells and ratios come from the data, errors are one line.

Nothing here is timed: the numbers are printed, never asserted.
"""

import json
import os
import subprocess
import sys

import pytest

from conftest import CATALOG, HAZARDS, cli
from asyncio_rosetta.publish import bench
from asyncio_rosetta.publish import site
from asyncio_rosetta.versions import in_range

HERE = "{}.{}".format(*sys.version_info[:2])
STYLES = CATALOG.styles


def _workload(style, *args):
    return subprocess.run([sys.executable, "-I", str(bench.WORKLOADS / (style + ".py"))] + [str(a) for a in args],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)


@pytest.mark.parametrize("style", STYLES, ids=[s.name for s in STYLES])
def test_each_workload_counts_the_tree_here_or_fails_as_recorded(style):
    out = _workload(style.name, 2, 2, 3)  # 2 repetitions of 1 + 3 + 9 nodes
    reason = bench.not_run_reason(style, HERE)
    if reason is None:
        assert out.returncode == 0, out.stderr
        result = json.loads(out.stdout)
        assert (result["style"], result["nodes"], len(result["times"])) == (style.name, 13, 2)
        assert result["python"] == "{}.{}.{}".format(*sys.version_info[:3])
    else:  # what bench does not attempt here fails as the cell says it would
        assert out.returncode == 1 and out.stdout == ""
        assert reason.endswith(": " + out.stderr.splitlines()[-1])


def test_the_workloads_differ_only_where_the_port_does():
    sources = {s.name: (bench.WORKLOADS / (s.name + ".py")).read_text(encoding="utf-8") for s in STYLES}
    shapes = [[line for line in text.splitlines() if line.startswith(("def ", "async def ", "if __name__"))]
              for text in sources.values()]
    assert shapes[0][1:] == shapes[1][1:] == shapes[2][1:] == ["def measure(repeat, depth, fanout):",
                                                               'if __name__ == "__main__":']
    assert "yield from asyncio.gather(" in sources["generator_coroutine"]
    assert "await asyncio.gather(" in sources["async_await"]
    assert "asyncio.TaskGroup()" in sources["modern_taskgroup"] and "gather" not in sources["modern_taskgroup"]


@pytest.mark.parametrize("name, minor, expected", [
    ("generator_coroutine", "3.10", None),
    ("generator_coroutine", "3.11", "generator_coroutine fails on 3.11+: AttributeError: module 'asyncio' has no "
                                    "attribute 'coroutine'. Did you mean: 'coroutines'?"),
    ("async_await", "3.13", None),
    ("async_await", "3.14", "async_await fails on 3.14+: RuntimeError: There is no current event loop in thread "
                            "'MainThread'."),
    ("modern_taskgroup", "3.6", "modern_taskgroup fails on 3.6 and older: AttributeError: module 'asyncio' has no "
                                "attribute 'run'"),
    ("modern_taskgroup", "3.9", "modern_taskgroup fails on 3.7-3.10: AttributeError: module 'asyncio' has no "
                                "attribute 'TaskGroup'"),
    ("modern_taskgroup", "3.11", None),
])
def test_where_a_style_runs_comes_from_compat_json(name, minor, expected):
    assert bench.not_run_reason(next(s for s in STYLES if s.name == name), minor) == expected


def _data():
    """Measurements as run() collects them, before summarize()."""
    def times(*ms):
        return {"times": [t / 1000 for t in ms], "warnings": []}

    return {
        "schema": bench.SCHEMA, "measured": "2026-01-02T03:04:05Z", "missing": ["python3.7"],
        "machine": {"platform": "Linux 6.1 x86_64", "cpu": "Test CPU", "cpus": 2, "load_start": [0.1, 0.2, 0.3],
                    "load_end": [0.4, 0.5, 0.6]},
        "workload": {"depth": 5, "fanout": 5, "nodes": 3906, "repeat": 2, "rounds": 2, "warmup": 1},
        "styles": ["generator_coroutine", "async_await", "modern_taskgroup"],
        "pythons": [
            {"path": "/py/3.10", "version": "3.10.13", "minor": "3.10", "implementation": "CPython", "styles": {
                "generator_coroutine": times(120, 110, 130, 140), "async_await": times(100, 104, 200, 101),
                "modern_taskgroup": {"not_run": "modern_taskgroup fails on 3.7-3.10: no TaskGroup"}}},
            {"path": "/py/3.14", "version": "3.14.10", "minor": "3.14", "implementation": "CPython", "styles": {
                "generator_coroutine": {"not_run": "generator_coroutine fails on 3.11+: no coroutine"},
                "async_await": {"not_run": "async_await fails on 3.14+: no loop"},
                "modern_taskgroup": times(50, 60, 55, 52)}},
        ]}


def test_summarize_gives_min_median_and_the_ratio_to_async_await():
    data = bench.summarize(_data())
    old, new = (python["styles"] for python in data["pythons"])
    assert (old["async_await"]["min"], old["async_await"]["median"], old["async_await"]["ratio"]) == pytest.approx(
        (0.1, 0.1025, 1.0))
    assert (old["generator_coroutine"]["min"], old["generator_coroutine"]["ratio"]) == (0.11, 1.1)
    assert "ratio" not in old["modern_taskgroup"]
    assert (new["modern_taskgroup"]["min"], new["modern_taskgroup"]["ratio"]) == (0.05, None)  # no async_await


def test_text_table():
    out = bench.text(bench.summarize(_data())).splitlines()
    assert out[:3] == [
        "python   generator_coroutine          async_await                  modern_taskgroup",
        "3.10.13  1.10x  110.0 ms (med 125.0)  1.00x  100.0 ms (med 102.5)  - [1]",
        "3.14.10  - [2]                        - [3]                        n/a    50.0 ms (med 53.5)"]
    assert out[4:7] == ["[1] not run: modern_taskgroup fails on 3.7-3.10: no TaskGroup",
                        "[2] not run: generator_coroutine fails on 3.11+: no coroutine",
                        "[3] not run: async_await fails on 3.14+: no loop"]
    assert "n/a: no async_await there" in out[8] and "4 repetitions (2 rounds x 2" in out[8]
    assert out[9] == ("measured 2026-01-02T03:04:05Z on Linux 6.1 x86_64, Test CPU (2 CPUs), load average "
                      "0.10 0.20 0.30 at the start, 0.40 0.50 0.60 at the end")
    assert out[10] == "not found on PATH: python3.7"


def test_markdown_table():
    out = bench.markdown(bench.summarize(_data()))
    assert out.startswith("| Python | `generator_coroutine` | `async_await` | `modern_taskgroup` |\n"
                          "| --- | --- | --- | --- |\n| 3.10.13 | 1.10x  110.0 ms (med 125.0) | ")
    assert "\n1. not run: modern_taskgroup fails on 3.7-3.10: no TaskGroup\n" in out


def test_default_interpreters_are_the_python3_x_on_path(tmp_path, monkeypatch):
    os.symlink(sys.executable, str(tmp_path / "python3.9"))
    monkeypatch.setenv("PATH", str(tmp_path))
    found, missing = bench.find_pythons()
    assert found == [str(tmp_path / "python3.9")]
    assert missing == [name for name in bench.NAMES if name != "python3.9"]
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(bench.BenchError, match="none of python3.6 ... python3.14 is on PATH: give --python PATH"):
        bench.find_pythons()


def test_a_bare_name_is_looked_up_on_path_as_tox_does(tmp_path, monkeypatch):
    os.symlink(sys.executable, str(tmp_path / "python3.12"))
    monkeypatch.setenv("PATH", str(tmp_path))
    assert bench.find_pythons(["python3.12"]) == ([str(tmp_path / "python3.12")], [])
    monkeypatch.chdir(str(tmp_path))  # a file of that name in the working folder is not taken for it
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(bench.BenchError) as raised:
        bench.find_pythons(["python3.12"])
    assert str(raised.value) == ("--python python3.12: not found on PATH (give a path to use a file in the working "
                                 "folder: ./python3.12)")
    assert bench.find_pythons(["./python3.12"]) == (["./python3.12"], [])


def test_command_runs_each_style_that_runs_here_and_writes_the_json(tmp_path):
    output = tmp_path / "bench.json"
    out = cli("bench", "--python", sys.executable, "--repeat", "1", "--rounds", "2", "--depth", "1",
              "--fanout", "2", "--format", "json", "--output", str(output))
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert bench.load(output) == data and os.listdir(str(tmp_path)) == ["bench.json"]
    [python] = data["pythons"]
    assert python["version"] == "{}.{}.{}".format(*sys.version_info[:3]) and data["workload"]["nodes"] == 3
    for style in STYLES:
        cell, reason = python["styles"][style.name], bench.not_run_reason(style, HERE)
        if reason:
            assert cell == {"not_run": reason}
            continue
        recorded = next(row for row in style.outcomes if in_range(row["python"], sys.version_info))
        assert len(cell["times"]) == 2 and cell["warnings"] == recorded.get("warnings", [])


@pytest.mark.parametrize("args, message", [
    (["--repeat", "0"], "--repeat must be at least 1"),
    (["--depth", "-1"], "--depth must be at least 0"),
    (["--format", "html"], "argument --format: invalid choice: 'html'"),
    (["--python", "/no/such/python"], "--python /no/such/python: no such file"),
    (["--python", __file__], "--python {}: not executable".format(__file__)),
    (["--output", "/no/such/folder/bench.json"], "--output /no/such/folder/bench.json: no folder /no/such/folder"),
    (["--output", os.path.dirname(__file__)], "--output {}: is a folder".format(os.path.dirname(__file__))),
    (["--timeout", "0"], "--timeout must be more than 0 and at most 1000000 seconds, got 0"),
    (["--timeout", "nan"], "--timeout must be more than 0 and at most 1000000 seconds, got nan"),
])
def test_command_errors_are_one_line(args, message):
    out = cli("bench", *args)
    assert (out.returncode, out.stdout) == (2, "")
    assert out.stderr.startswith("asyncio-rosetta: error: " + message) and out.stderr.count("\n") == 1


def test_an_interpreter_that_does_not_run_is_one_line(tmp_path):
    fake = tmp_path / "python3.99"
    fake.write_text("#!/bin/sh\nexit 3\n")
    fake.chmod(0o755)
    out = cli("bench", "--python", str(fake))
    assert out.returncode == 2 and out.stderr.count("\n") == 1
    assert out.stderr.startswith("asyncio-rosetta: error: {}: not a Python interpreter that runs".format(fake))


def test_site_shows_the_bench_page_with_data_and_says_how_without(tmp_path):
    data = bench.summarize(_data())
    page = (site.build(tmp_path / "with", CATALOG, HAZARDS, None, data) / "bench.html").read_text(encoding="utf-8")
    assert "<tr><th>3.10.13</th><td>1.10x  110.0 ms (med 125.0)</td>" in page
    assert "<li>not run: async_await fails on 3.14+: no loop</li>" in page
    assert "measured 2026-01-02T03:04:05Z on Linux 6.1 x86_64, Test CPU" in page
    assert 'href="bench.html">Style overhead</a>' in page
    page = (site.build(tmp_path / "without", CATALOG, HAZARDS) / "bench.html").read_text(encoding="utf-8")
    assert "Not measured: this site was built without bench data." in page
    assert "<code>python -m asyncio_rosetta bench --output bench.json</code>" in page and "<table" not in page


def test_site_command_reads_the_bench_file(tmp_path):
    (tmp_path / "bench.json").write_text(bench.as_json(bench.summarize(_data())), encoding="utf-8")
    out = cli("site", str(tmp_path / "public"), "--bench", str(tmp_path / "bench.json"))
    assert out.returncode == 0, out.stderr
    assert "3.14.10" in (tmp_path / "public" / "bench.html").read_text(encoding="utf-8")
    (tmp_path / "bad.json").write_text('{"schema": 1}', encoding="utf-8")
    out = cli("site", str(tmp_path / "other"), "--bench", str(tmp_path / "bad.json"))
    assert out.returncode == 2 and not (tmp_path / "other").exists()
    assert out.stderr == "asyncio-rosetta: error: {} is not a bench file (asyncio-rosetta bench --output FILE " \
                         "writes one)\n".format(tmp_path / "bad.json")


def test_site_shows_the_committed_measurement_by_default(tmp_path):
    committed = bench.load(CATALOG.root / "benchmarks" / "style_overhead.json")
    assert cli("site", str(tmp_path / "public")).returncode == 0
    page = (tmp_path / "public" / "bench.html").read_text(encoding="utf-8")
    assert "<table" in page and all(python["version"] in page for python in committed["pythons"])
