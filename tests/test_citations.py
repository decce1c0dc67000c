"""What the project ships cites only what a user can open: a CPython issue or PR
(bpo-N, gh-N, GH-N), a What's New entry, a docs section, a probe or a test.
Never a row, a section or a number of a document the user does not have, nor
an issue of this project's own tracker."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SHIPPED = ["README.md", "benchmarks/README.md", "asyncio_rosetta/**/*.py", "asyncio_rosetta/data/*.json",
           "asyncio_rosetta/publish/site/templates/*", "probes/*.py", "variants/**/*.py", "tests/**/*.py",
           "tox.ini", "pyproject.toml"]

# Each pattern is put together from pieces, so that this file does not match it.
_PRIVATE = [
    re.compile("master" + " table", re.I),
    re.compile("\u00a7"),
    re.compile("fact" + " base", re.I),
    re.compile(r"\bfacts? (?:row|section|\d)" + "|" + r"\bof the " + "facts\\b", re.I),
    re.compile(r"\brows? " + r"\d+\b", re.I),
    # an issue by number, unless it is CPython's ("CPython issue 12345"; bpo-N and gh-N never match)
    re.compile(r"(?<!CPython )\bissues? " + r"#?\d+", re.I),
    re.compile(r"\b(?:this|the) " + r"issue(?:'s)?\b", re.I),
]


def _shipped_files():
    for pattern in SHIPPED:
        for path in sorted(ROOT.glob(pattern)):
            if path.is_file() and "__pycache__" not in path.parts:
                yield path


def test_nothing_shipped_cites_a_private_document():
    found = []
    for path in _shipped_files():
        with open(str(path), encoding="utf-8") as text:
            for number, line in enumerate(text, 1):
                for pattern in _PRIVATE:
                    match = pattern.search(line)
                    if match:
                        found.append("{}:{}: {!r}".format(path.relative_to(ROOT), number, match.group(0)))
    assert found == []


def test_the_scan_covers_what_is_shipped():
    """The globs find the files they name (a typo would make the test above pass on nothing)."""
    names = {str(path.relative_to(ROOT)) for path in _shipped_files()}
    assert {"README.md", "benchmarks/README.md", "asyncio_rosetta/cli.py", "asyncio_rosetta/data/hazards.json",
            "asyncio_rosetta/publish/site/templates/hazard.html", "probes/AR101.py", "tox.ini", "pyproject.toml",
            "tests/test_citations.py"} <= names
    assert any(name.startswith("variants/") for name in names)
    assert any(name.startswith("asyncio_rosetta/scan/detectors/") for name in names)


def test_the_patterns_catch_what_they_are_for():
    def cited(text):
        return any(pattern.search(text) for pattern in _PRIVATE)

    assert all(cited(text) for text in [
        "Master" + " table ro" + "w 1", "\u00a73.3", "see the fact" + " base", "(facts" + " ro" + "w 31)", "(facts" + " 3.1)",
        "section 3.3 of the " + "facts", "Child watchers (row" + " 23)", "issue" + " 8", "as issue" + " 6 asks",
        "issue" + " #12", "this " + "issue", "the " + "issue's proof"])
    assert not any(cited(text) for text in [
        "bpo-43216", "gh-93453", "GH-26369", "python/cpython#12345", "CPython issue" + " 12345",
        "What's New in Python 3.11, Removed", "probes/AR301.py", "tests/test_cli.py", "the rows of the matrix"])
