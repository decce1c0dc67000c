"""config: [tool.asyncio-rosetta] in pyproject.toml, found upward as ruff finds its own, checked key by key,
and what scan and port make of it (the command line wins)."""

import json
import os

import pytest

from conftest import HAVE_LIBCST, HAZARDS, cli
from asyncio_rosetta import config
from asyncio_rosetta.scan.scanner import Finding

LEGACY = ("import asyncio\n\n\n@asyncio.coroutine\ndef job():\n    yield from asyncio.sleep(1)\n\n\n"
          "loop = asyncio.get_event_loop()\n")
FULL = '''[project]
name = "app"

[tool.asyncio-rosetta]
target-version = "py38"
upgrade-to = "3.12"
select = ["AR101", "get-event-loop-without-loop"]
ignore = ["AR306"]
exclude = ["build"]
extend-exclude = ["tests/fixtures"]
per-file-ignores = {"tests/*" = ["AR301"]}
'''


def _project(tmp_path, text):
    (tmp_path / "pyproject.toml").write_text(text)
    (tmp_path / "src" / "pkg").mkdir(parents=True)
    return tmp_path


def test_every_key_is_read_and_hazard_names_are_kept_as_given(tmp_path):
    _project(tmp_path, FULL)
    settings = config.find([str(tmp_path / "src" / "pkg")], HAZARDS)
    assert settings == config.Settings(
        str(tmp_path / "pyproject.toml"), str(tmp_path), (3, 8), (3, 12), ("AR101", "get-event-loop-without-loop"),
        ("AR306",), ("build",), ("tests/fixtures",), {"tests/*": ("AR301",)})


def test_a_pyproject_without_the_table_is_passed_over_as_ruff_does(tmp_path):
    _project(tmp_path, FULL)
    (tmp_path / "src" / "pyproject.toml").write_text('[project]\nname = "inner"\n')
    assert config.find([str(tmp_path / "src" / "pkg" / "mod.py")], HAZARDS).path == str(tmp_path / "pyproject.toml")
    (tmp_path / "pyproject.toml").write_text('[tool.black]\nline-length = 100\n')
    assert config.find([str(tmp_path / "src")], HAZARDS) == config.NONE


@pytest.mark.parametrize("text, message", [
    ('selct = ["AR101"]', "selct: unknown key; choose from: target-version, upgrade-to, select, ignore, exclude, "
                          "extend-exclude, per-file-ignores"),
    ('target-version = "3.5"', "target-version: must be a version from 3.6 to 3.14, got '3.5' (or 'py38' for 3.8)"),
    ('upgrade-to = 3.12', "upgrade-to: must be a string ('3.8' or 'py38'), got 3.12"),
    ('select = "AR101"', "select: must be a list of strings, got 'AR101'"),
    ('ignore = ["AR999"]', "ignore: unknown hazard 'AR999'; choose from: AR101"),
    ('per-file-ignores = {"tests/*" = ["nope"]}', "per-file-ignores.tests/*: unknown hazard 'nope'"),
    ('per-file-ignores = ["AR101"]', "per-file-ignores: must be a table of pattern = [hazards], got ['AR101']"),
])
def test_a_bad_key_or_value_is_one_line_naming_the_file_and_the_key(tmp_path, text, message):
    _project(tmp_path, "[tool.asyncio-rosetta]\n" + text + "\n")
    out = cli("scan", str(tmp_path / "src"))
    assert (out.returncode, out.stdout) == (2, "")
    expected = "asyncio-rosetta: error: {}: [tool.asyncio-rosetta] {}".format(tmp_path / "pyproject.toml", message)
    assert out.stderr.startswith(expected) and out.stderr.count("\n") == 1, out.stderr


def test_a_file_that_is_not_toml_is_one_line_naming_it(tmp_path):
    _project(tmp_path, "[tool.asyncio-rosetta\n")
    out = cli("scan", str(tmp_path / "src"))
    assert out.returncode == 2 and out.stderr.count("\n") == 1
    assert out.stderr.startswith("asyncio-rosetta: error: {}: not valid TOML: ".format(tmp_path / "pyproject.toml"))


def test_without_a_toml_parser_only_a_file_with_the_table_is_an_error(tmp_path, monkeypatch):
    """A clone run with nothing installed below 3.11 (no tomli) still scans, unless settings are there."""
    monkeypatch.setattr(config, "_parser", lambda: None)
    _project(tmp_path, '[project]\nname = "app"\n')
    assert config.find([str(tmp_path / "src")], HAZARDS) == config.NONE
    (tmp_path / "pyproject.toml").write_text(FULL)
    with pytest.raises(config.ConfigError) as raised:
        config.find([str(tmp_path / "src")], HAZARDS)
    assert str(raised.value) == "{}: reading [tool.asyncio-rosetta] needs tomli below Python 3.11: pip install " \
                                "tomli".format(tmp_path / "pyproject.toml")


def test_the_parser_is_tomllib_from_3_11_else_tomli():
    import sys
    assert config._parser().__name__ == ("tomllib" if sys.version_info >= (3, 11) else "tomli")


def _scan_ids(tmp_path, *args):
    out = cli("scan", str(tmp_path), "--format", "json", *args)
    report = json.loads(out.stdout)
    return sorted((os.path.relpath(f["path"], str(tmp_path)), f["id"]) for f in report["findings"]), report


def test_scan_takes_the_settings_and_the_command_line_wins(tmp_path):
    _project(tmp_path, FULL)
    for folder in ("src/pkg", "tests", "tests/fixtures", "build"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "legacy.py").write_text(LEGACY)
    found, report = _scan_ids(tmp_path)
    assert (report["target_version"], report["upgrade_to"]) == ("3.8", "3.12")
    # exclude left build/ out, extend-exclude tests/fixtures/; per-file-ignores took AR301 out of tests/.
    assert found == [("src/pkg/legacy.py", "AR101"), ("src/pkg/legacy.py", "AR301"), ("tests/legacy.py", "AR101")]
    found, report = _scan_ids(tmp_path, "--select", "AR301", "--target-version", "3.6", "--upgrade-to", "3.14")
    assert (report["target_version"], report["upgrade_to"]) == ("3.6", "3.14")
    assert found == [("src/pkg/legacy.py", "AR301")]


def test_exclude_replaces_the_default_folders_and_extend_exclude_adds(tmp_path):
    _project(tmp_path, '[tool.asyncio-rosetta]\nexclude = ["gen"]\n')
    for folder in ("build", "gen", "src/pkg"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "legacy.py").write_text(LEGACY)
    found = sorted({path for path, _ in _scan_ids(tmp_path, "--select", "AR101")[0]})
    assert found == ["build/legacy.py", "src/pkg/legacy.py"]
    (tmp_path / "pyproject.toml").write_text('[tool.asyncio-rosetta]\nextend-exclude = ["src/*"]\n')
    assert _scan_ids(tmp_path, "--select", "AR101")[0] == [("gen/legacy.py", "AR101")]


def test_port_takes_target_version_and_exclude(tmp_path):
    _project(tmp_path, '[tool.asyncio-rosetta]\ntarget-version = "3.6"\nextend-exclude = ["skipped"]\n')
    (tmp_path / "skipped").mkdir()
    (tmp_path / "skipped" / "legacy.py").write_text(LEGACY)
    (tmp_path / "src" / "pkg" / "legacy.py").write_text(LEGACY)
    out = cli("port", str(tmp_path))
    if not HAVE_LIBCST:  # below 3.9: the settings are read, then port says what it needs
        assert (out.returncode, out.stderr.count("\n")) == (2, 1) and "port needs LibCST" in out.stderr
        return
    assert "+async def job():\n" in out.stdout and "skipped" not in out.stdout
    assert "asyncio.run" not in out.stdout  # 3.7+: not at target-version 3.6
    assert out.stderr.startswith("would rewrite {}: AR101".format(tmp_path / "src" / "pkg" / "legacy.py"))


def test_matcher_takes_the_name_or_the_path_relative_to_the_file_s_folder(tmp_path):
    matches = config.matcher(str(tmp_path), ["tests/*", "*_pb2.py"])
    assert matches(tmp_path / "tests" / "a.py") and matches(tmp_path / "x" / "y_pb2.py")
    assert not matches(tmp_path / "src" / "tests.py")
    ignored = config.per_file_ignored(config.NONE._replace(folder=str(tmp_path),
                                                           per_file_ignores={"tests/*": ("AR101",)}))
    assert ignored(Finding(tmp_path / "tests" / "a.py", 1, 1, HAZARDS.get("AR101"), (3, 14)))
    assert not ignored(Finding(tmp_path / "tests" / "a.py", 1, 1, HAZARDS.get("AR301"), (3, 14)))
