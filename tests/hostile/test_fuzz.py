"""port on damaged legacy files: the variants and real-world programs,
truncated, with bytes inserted, line ends swapped, a line deleted or
duplicated, a few at a time, from fixed seeds. Whatever it reads, port
raises no traceback, and a file is either left byte for byte as it was or
rewritten into one that compiles and that port leaves as it is."""

import glob
import os
import random

import pytest

from conftest import CATALOG, HAVE_LIBCST, cli_process

# A damaged string's "\\(" is an invalid escape: a warning (3.12+ SyntaxWarning,
# before DeprecationWarning) where port and this test compile it, no error.
pytestmark = [pytest.mark.skipif(not HAVE_LIBCST, reason="port needs LibCST (Python 3.9+)"),
              pytest.mark.filterwarnings("ignore:invalid escape sequence:SyntaxWarning"),
              pytest.mark.filterwarnings("ignore:invalid escape sequence:DeprecationWarning")]

SOURCES = sorted(glob.glob(os.path.join(str(CATALOG.root), "variants", "generator_coroutine", "*.py"))
                 + glob.glob(os.path.join(str(CATALOG.root), "tests", "realworld", "programs", "*.py")))
# What an inserted run of bytes is made of: brackets, block and string syntax,
# line ends, a byte that is not UTF-8 and a NUL (a binary file).
INSERTED = [b"(", b")", b"[", b":", b"\n", b"\r", b"\t", b" ", b"\\", b'"', b"'''", b"#", b"@", b"yield from ",
            b"async ", b"await ", b"\xff", b"\x00", b"\xc3\xa9"]
# Seeds: the cases port_text runs here, and the files of one port --write run
# (more than port's PARALLEL_FROM: worker processes). 20,000 other seeds, 2,000
# to 6,000 on each of 3.9-3.14, passed once; the first of them found what was
# fixed with this test (a NUL, a lone "\r" before a masked async, a file
# that does not compile, an old Mac file ending in "\r\r").
IN_PROCESS = range(120)
BATCH = range(1000, 1024)


def _truncate(data, rng):
    return data[:rng.randrange(len(data) + 1)]


def _insert(data, rng):
    at = rng.randrange(len(data) + 1)
    return data[:at] + b"".join(rng.choice(INSERTED) for _ in range(rng.randint(1, 4))) + data[at:]


def _line_ends(data, rng):
    """About half the line ends made "\\r\\n", or a lone "\\r" (an old Mac file's)."""
    end = rng.choice([b"\r\n", b"\r"])
    lines = data.split(b"\n")
    return b"".join(line + (end if rng.random() < 0.5 else b"\n") for line in lines[:-1]) + lines[-1]


def _delete_line(data, rng):
    lines = data.splitlines(True)
    if lines:
        del lines[rng.randrange(len(lines))]
    return b"".join(lines)


def _duplicate_line(data, rng):
    lines = data.splitlines(True)
    at = rng.randrange(len(lines)) if lines else 0
    return b"".join(lines[:at + 1] + lines[at:])


MUTATIONS = [_truncate, _insert, _line_ends, _delete_line, _duplicate_line]


def damaged(seed):
    """(source path, what was done, the damaged bytes) for *seed*: one to three mutations of one file."""
    rng = random.Random(seed)
    path = rng.choice(SOURCES)
    with open(path, "rb") as source:
        data = source.read()
    done = []
    for _ in range(rng.randint(1, 3)):
        mutation = rng.choice(MUTATIONS)
        data = mutation(data, rng)
        done.append(mutation.__name__.strip("_"))
    return path, done, data


def _check_rewrite(new, label):
    """A rewritten file compiles, and port leaves it as it is. It compiles as
    port reads it: ``async`` or ``await`` used as a name (``asyncio.async``
    cut short to ``async``) stays for the user, as scan's AR107 says."""
    from asyncio_rosetta.port.porter import port_text
    from asyncio_rosetta.scan.sources import mask_async_names
    compile(mask_async_names(new), label, "exec", dont_inherit=True)
    assert port_text(new, (3, 11)).new == new, "{}: a second port changes it".format(label)


@pytest.mark.parametrize("seed", IN_PROCESS)
def test_port_text_leaves_or_rewrites_soundly(seed):
    from asyncio_rosetta.port.porter import PortError, port_text
    path, done, data = damaged(seed)
    text = data.decode("utf-8", "replace")
    label = "{} ({})".format(os.path.basename(path), ", ".join(done))
    try:
        new = port_text(text, (3, 11)).new
    except PortError:
        return  # one line for this file: left alone
    if new != text:
        _check_rewrite(new, label)


def test_port_write_through_the_command_line_leaves_or_rewrites_soundly(tmp_path):
    """One run over a folder of damaged files (worker processes: more than
    port's PARALLEL_FROM): one line per file it cannot port, no traceback;
    and scan reads them all too."""
    before = {}
    for seed in BATCH:
        path, done, data = damaged(seed)
        name = "s{}_{}".format(seed, os.path.basename(path))
        (tmp_path / name).write_bytes(data)
        before[name] = data
    scanned = cli_process("scan", str(tmp_path))
    assert scanned.returncode in (1, 2) and "Traceback" not in scanned.stderr, scanned.stderr
    out = cli_process("port", "--write", "--target-version", "3.11", str(tmp_path))
    assert out.returncode in (0, 2), out.stderr
    assert "Traceback" not in out.stderr
    for name, data in sorted(before.items()):
        after = (tmp_path / name).read_bytes()
        if after != data:
            _check_rewrite(after.decode("utf-8"), name)
    assert sorted(os.listdir(str(tmp_path))) == sorted(before)  # no temporary file left
