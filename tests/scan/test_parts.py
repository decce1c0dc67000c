"""scan.parts: a module too large for one tree is read in parts, each at its own lines with the imports
above it; a cut that lands in a string or brackets is undone; errors, notes and masked names keep their lines."""

import doctest
import glob
import os

import pytest

from conftest import CATALOG
from asyncio_rosetta.scan import parts, scanner


@pytest.fixture
def small_parts(monkeypatch):
    """Parts of *size* characters from any size of module on (the seam: PARTS_FROM, PART_SIZE)."""
    def use(size):
        monkeypatch.setattr(parts, "PARTS_FROM", 0)
        monkeypatch.setattr(parts, "PART_SIZE", size)
    return use


def _scan(tmp_path, text, name="big.py"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return scanner.scan([str(path)], jobs=1)


def _found(report):
    return sorted((f.line, f.column, f.hazard.id) for f in report.findings)


def test_examples():
    assert doctest.testmod(parts).failed == 0


FILLER = "".join("def filler_{0}():\n    return {0}\n\n\n".format(n) for n in range(40))
LEGACY = '''\
import asyncio as aio
from asyncio import coroutine


{filler}@coroutine
def late():
    yield from aio.sleep(1)


TEXT = """
def not_a_statement():
    aio.async(late())
"""
{filler}def main():
    loop = aio.get_event_loop()
    loop.run_until_complete(aio.async(late()))
    loop.close()
'''.format(filler=FILLER)


def test_each_part_knows_the_imports_above_it_and_reports_at_its_own_lines(tmp_path, small_parts):
    whole = _scan(tmp_path, LEGACY)
    small_parts(200)
    read = _scan(tmp_path, LEGACY)
    assert _found(read) == _found(whole)
    lines = LEGACY.splitlines()
    assert {(lines[line - 1].strip(), hazard) for line, _, hazard in _found(read)} >= {
        ("@coroutine", "AR101"), ("loop.run_until_complete(aio.async(late()))", "AR106")}
    assert read.errors == [] and [str(note).split(": note: ")[1][:22] for note in read.notes] == [
        "{} KB, read in {} parts".format(len(LEGACY) // 1024, read.notes[0].message.split()[4])]
    assert int(read.notes[0].message.split()[4]) > 10


def test_a_cut_inside_a_string_is_undone(tmp_path, small_parts, monkeypatch):
    """The string's line "def not_a_statement():" may start a part: that part does not parse, and is made longer."""
    small_parts(1)
    cuts = []
    real_cut = parts.cut
    monkeypatch.setattr(parts, "cut", lambda lines, start, size: cuts.append(real_cut(lines, start, size)) or cuts[-1])
    read = _scan(tmp_path, LEGACY)
    in_string = LEGACY.splitlines().index("def not_a_statement():")
    assert in_string in cuts  # tried, and the scan went on past it
    assert read.errors == [] and "def not_a_statement" not in {f.hazard.id for f in read.findings}
    assert not any(LEGACY.splitlines()[f.line - 1].startswith("    aio.async(late())") for f in read.findings
                   if f.line == in_string + 2)


def test_a_syntax_error_in_a_later_part_is_reported_at_its_line(tmp_path, small_parts):
    broken = LEGACY + "def oops(:\n    pass\n"
    whole = _scan(tmp_path, broken)
    small_parts(200)
    read = _scan(tmp_path, broken)
    assert [str(error) for error in read.errors] == [str(error) for error in whole.errors]
    assert "(line {},".format(len(LEGACY.splitlines()) + 1) in str(read.errors[0])


def test_python2_and_async_names_keep_their_lines(tmp_path, small_parts):
    text = LEGACY + 'def old():\n    print "x"\n    asyncio_task = aio.async\n'
    whole = _scan(tmp_path, text)
    small_parts(200)
    read = _scan(tmp_path, text)
    assert _found(read) == _found(whole)
    assert [n for n in read.notes if "Python 2" in str(n)] == [n for n in whole.notes if "Python 2" in str(n)]
    assert [n.line for n in read.notes if "Python 2" in str(n)] == [len(LEGACY.splitlines()) + 2]


def test_a_star_import_is_noted_once_with_what_every_part_reads(tmp_path, small_parts):
    text = "from mylib import *\n\n\n" + FILLER + "def a():\n    return sleep(1)\n\n\n" + FILLER + \
        "def b():\n    return Queue()\n"
    whole = _scan(tmp_path, text)
    small_parts(200)
    read = _scan(tmp_path, text)
    star = [str(note) for note in read.notes if "hides" in str(note)]
    assert star == [str(note) for note in whole.notes if "hides" in str(note)]
    assert star[0].endswith("note: from mylib import * hides what it binds: Queue, sleep may be asyncio's, and "
                            "are not reported")


# What the corpus read in parts finds otherwise than one tree, each from a fact of the whole module.
ACROSS_PARTS = {
    "AR301": "no report after a set_event_loop(loop) in the module body: made in another program, another part",
    "AR306": "as AR301",
    "AR308": "no report when the module shuts its loop down later: in another program, another part",
    "AR410": "a task factory defined in another part",
    "AR607": "a process pool made in another part",
}


def test_the_real_world_corpus_in_parts_finds_what_one_tree_finds(tmp_path, small_parts):
    """Each program and variant once, one after the other, in parts of 16 KB: the findings of one tree, but for
    the hazards whose detectors ask about the whole module (ACROSS_PARTS). The note says so."""
    paths = sorted(glob.glob(os.path.join(str(CATALOG.root), "tests", "realworld", "programs", "*.py")))
    paths += sorted(glob.glob(os.path.join(str(CATALOG.root), "variants", "generator_coroutine", "*.py")))
    text = "".join(open(path, encoding="utf-8").read() + "\n\n" for path in paths)
    whole = _scan(tmp_path, text)
    small_parts(16 * 1024)
    read = _scan(tmp_path, text)
    assert read.errors == whole.errors == []
    differ = set(_found(read)) ^ set(_found(whole))
    assert {hazard for _, _, hazard in differ} == set(ACROSS_PARTS)
    assert len(differ) < len(whole.findings) // 4
    assert "what one part defines, or does later in the module, is not known to the others" in str(read.notes[0])


def test_a_module_under_the_size_is_one_tree(tmp_path):
    read = _scan(tmp_path, LEGACY)
    assert len(LEGACY) < parts.PARTS_FROM and not any("read in" in str(note) for note in read.notes)
