"""port/depth: what LibCST cannot take is found before it is handed over,
and the limit is safe: every shape just at it is ported here, under
pytest's own frames, on each interpreter the suite runs on."""

import ast
import glob
import os

import pytest

from conftest import CATALOG, HAVE_LIBCST, cli

pytestmark = pytest.mark.skipif(not HAVE_LIBCST, reason="port needs LibCST (Python 3.9+)")

LEGACY = "import asyncio\n\n\n@asyncio.coroutine\ndef main():\n    yield from asyncio.sleep(1)\n"


def _indent(level):
    return "    " * level


# Each shape's source for n, deepening with n: LibCST nests each differently.
SHAPES = {
    "sum": lambda n: "x = " + " + ".join(["1"] * n) + "\n",
    "attributes": lambda n: "x = a" + ".b" * n + "\n",
    "calls of calls": lambda n: "x = f" + "()" * n + "\n",
    "nested calls": lambda n: "x = " + "f(" * n + "1" + ")" * n + "\n",
    "nested subscripts": lambda n: "x = " + "a[" * n + "0" + "]" * n + "\n",
    "nested lists": lambda n: "x = " + "[" * n + "1" + "]" * n + "\n",
    "nested dicts": lambda n: "x = " + "{1: " * n + "1" + "}" * n + "\n",
    "not": lambda n: "x = " + "not " * n + "a\n",
    "conditional expressions": lambda n: "x = " + "a if b else " * n + "c\n",
    "elif": lambda n: "if a:\n    pass\n" + "elif a:\n    pass\n" * n,
    "lambda": lambda n: "x = " + "lambda: " * n + "1\n",
    "and": lambda n: "x = " + " and ".join(["a"] * n) + "\n",
    "adjacent strings": lambda n: "x = (\n" + "".join('    "a"\n' for _ in range(n)) + ")\n",
    "comprehension fors": lambda n: "x = [a " + " ".join("for a{} in b".format(i) for i in range(n)) + "]\n",
    "yield from": lambda n: "def f():\n    x = " + "(yield from " * n + "a" + ")" * n + "\n",
    "in a method in ifs": lambda n: "class C:\n    def f(self):\n" + "".join(
        _indent(2 + i) + "if a:\n" for i in range(20)) + _indent(22) + "x = " + "g(" * n + "a" + ")" * n + "\n",
}


def _source(shape, n):
    """The shape, then a legacy coroutine: port's fixers walk the whole module."""
    return "import asyncio\n" + SHAPES[shape](n) + "\n\n" + LEGACY.split("\n", 1)[1]


def _estimate(source):
    from asyncio_rosetta.port.depth import estimate
    return estimate(ast.parse(source), source)[0]


def _deepest_taken(shape):
    """The largest n whose source port's estimate still takes."""
    from asyncio_rosetta.port.depth import LIMIT
    n = 1
    while _estimate(_source(shape, n + 1)) <= LIMIT:
        n += 1
    return n


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_just_at_the_limit_port_works_and_one_more_is_left(shape):
    """LibCST recursed too deep from an estimate of about 325 on, in a script
    (3.9-3.14): at the limit (280) it runs under pytest's frames too; one
    level more is refused before LibCST sees it."""
    from asyncio_rosetta.port.porter import PortError, port_text
    n = _deepest_taken(shape)
    port_text(_source(shape, n), (3, 11))  # no RecursionError, no PortError
    with pytest.raises(PortError, match=r"^too deeply nested for port's parser \(the (expression|statement) at line "
                                        r"\d+ nests \d+ deep, port takes 280\)$"):
        port_text(_source(shape, n + 1), (3, 11))


@pytest.mark.parametrize("source, message", [
    ("x = " + "(" * 2000 + "1" + ")" * 2000 + "\n", "more than 200 nested brackets at line 1"),
    ("x = " + " + ".join(["1"] * 400) + "\n", "the expression at line 1 nests 402 deep, port takes 280"),
    ("x = a" + ".b" * 30000 + "\n", None),  # LibCST's parser crashed (SIGSEGV); 3.11-3.13's ast refuses it first
    ("x = " + "-" * 100000 + "1\n", "this Python's own parser gave up: MemoryError"),
    # 150 nested ifs: this Python's parser and LibCST's both stop at 100 levels of indentation
    ("".join(_indent(i) + "if x:\n" for i in range(150)) + _indent(150) + "pass\n", None),
])
def test_what_is_too_deep_is_one_line_before_libcst_sees_it(source, message):
    from asyncio_rosetta.port.porter import PortError, port_text
    with pytest.raises(PortError) as raised:
        port_text(source, (3, 11))
    if message is not None:
        assert str(raised.value) == "too deeply nested for port's parser ({})".format(message)
    elif source.startswith("if"):
        assert str(raised.value) == "cannot parse: too many levels of indentation (line 101, column 1)"
    else:
        assert str(raised.value).startswith("too deeply nested for port's parser (")


def test_a_module_this_python_cannot_parse_is_measured_by_its_tokens():
    from asyncio_rosetta.port.depth import too_deep
    python2 = 'print "x"\n'
    assert too_deep(python2) is None  # LibCST says what is wrong with it
    assert too_deep(python2 + "x = " + " + ".join(["1"] * 3000) + "\n") == (
        "a logical line of more than 5000 tokens at line 2")
    assert too_deep(python2 + "x = " + "[" * 300 + "]" * 300 + "\n") == "more than 200 nested brackets at line 2"


def test_what_the_estimate_misses_is_caught_too(monkeypatch):
    """The guard behind the estimate: a RecursionError in LibCST is that file's one line."""
    from asyncio_rosetta.port import depth
    from asyncio_rosetta.port.porter import PortError, port_text
    monkeypatch.setattr(depth, "LIMIT", 10 ** 6)
    with pytest.raises(PortError, match=r"^too deeply nested for port's parser \(RecursionError\)$"):
        port_text(LEGACY + "x = " + " + ".join(["1"] * 1500) + "\n", (3, 11))


def test_real_code_is_far_from_the_limit():
    """Every variant and real-world program this Python parses (except* is
    3.11's): at most an estimate of 40 (the 3.6 asyncio's deepest file: 31)."""
    from asyncio_rosetta.scan.sources import mask_async_names, read
    paths = glob.glob(os.path.join(str(CATALOG.root), "variants", "*", "*.py")) + glob.glob(
        os.path.join(str(CATALOG.root), "tests", "realworld", "programs", "*.py"))
    sources = [mask_async_names(read(path)) for path in paths]
    deepest = max(_estimate(source) for source in sources if "except*" not in source)
    assert 10 < deepest <= 40


def test_in_a_tree_the_deep_file_is_one_line_and_the_others_are_ported(tmp_path):
    (tmp_path / "deep.py").write_text(LEGACY + "x = " + " + ".join(["1"] * 400) + "\n")
    (tmp_path / "legacy.py").write_text(LEGACY)
    out = cli("port", "--write", "--target-version", "3.11", str(tmp_path))
    assert out.returncode == 2
    assert [line for line in out.stderr.splitlines() if "error:" in line] == [
        "asyncio-rosetta: error: {}: too deeply nested for port's parser (the expression at line 7 nests 402 deep, "
        "port takes 280) (left alone)".format(tmp_path / "deep.py")]
    assert "async def main" in (tmp_path / "legacy.py").read_text()
    assert (tmp_path / "deep.py").read_text().startswith(LEGACY)
