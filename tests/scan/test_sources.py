"""Reading files for scan and port: every odd input is reported, never fatal."""

import os

import pytest

from asyncio_rosetta.scan import sources as _sources


def test_read_decodes_like_python(tmp_path):
    latin = tmp_path / "latin.py"
    latin.write_bytes(b"# -*- coding: latin-1 -*-\nname = '\xe9'\n")
    assert "name = '\u00e9'" in _sources.read(latin)
    bom = tmp_path / "bom.py"
    bom.write_bytes(b"\xef\xbb\xbfx = 1\n")
    assert _sources.read(bom) == "x = 1\n"


@pytest.mark.parametrize("data, reason", [
    (b"\x00\x01binary", "binary file (contains NUL bytes)"),
    (b"x = '\xff'\n", "cannot decode"),
    (b"# coding: no-such-codec\n", "cannot decode"),
    (b"# coding: undefined\nx = 1\n", "cannot decode"),  # a bare UnicodeError, not a UnicodeDecodeError
    (b"# coding: punycode\nx = 1\n", "cannot decode"),  # the same on 3.6
])
def test_unreadable_content_is_one_clear_error(tmp_path, data, reason):
    path = tmp_path / "bad.py"
    path.write_bytes(data)
    with pytest.raises(_sources.SourceError) as caught:
        _sources.read(path)
    assert caught.value.reason.startswith(reason)
    assert "\n" not in str(caught.value)


def test_an_unreadable_file_is_one_clear_error(tmp_path):
    """A dangling symlink: listed like any file, then cannot be opened
    (permissions would not do: CI runs as root)."""
    path = tmp_path / "gone.py"
    os.symlink(str(tmp_path / "missing.py"), str(path))
    with pytest.raises(_sources.SourceError, match="No such file or directory"):
        _sources.read(path)


def test_async_as_a_name_is_masked_in_place():
    source = "import asyncio\nt = asyncio.async(job())\nasync = 1\nasync def f():\n    async with x:\n        pass\n"
    masked = _sources.mask_async_names(source)
    assert [len(line) for line in masked.splitlines()] == [len(line) for line in source.splitlines()]
    assert "asyncio.async" not in masked and "\nasync = 1" not in masked
    assert "async def f()" in masked and "async with x" in masked
    assert _sources.unmask(masked) == source


@pytest.mark.parametrize("source, names", [
    ("class C:\n    def await(self):\n        return self.await\n", [(2, 9), (3, 21)]),
    ("await = 1\nf(await=2)\ng(a, await)\nx = await\nawait.x\nfor await in y: pass\nawait == 1\n",
     [(1, 1), (2, 3), (3, 6), (4, 5), (5, 1), (6, 5), (7, 1)]),
    ("await -x\nawait not in y\nclass await: pass\n", [(1, 1), (2, 1), (3, 7)]),
])
def test_await_as_a_name_is_masked_in_place(source, names):
    """await is masked only where it cannot be an await expression (its operand
    is an atom: a name, number, string, bracket or ...)."""
    where = []
    masked = _sources.mask_async_names(source, where)
    assert where == names
    assert [len(line) for line in masked.splitlines()] == [len(line) for line in source.splitlines()]
    assert _sources.unmask(masked) == source


@pytest.mark.parametrize("source", [
    "async def f():\n    await x\n    await(x)\n    await [x]\n    await {x}\n    await .5\n    await ...\n"
    "    await f'x'\n    await None\n    await (\n        x)\n    await \\\n        x\n",
    "s = 'x.await'  # def await\n",
])
def test_await_expressions_strings_and_comments_stay(source):
    where = []
    assert _sources.mask_async_names(source, where) == source and where == []


def test_text_that_stops_tokenizing_is_masked_up_to_there():
    """Where tokenizing stops (an unclosed bracket here; on 3.14 also Python 2's
    ur"x"), the names before it are still masked."""
    source = "async = 1\nx = (\n"
    where = []
    masked = _sources.mask_async_names(source, where)
    assert where == [(1, 1)] and masked.endswith("= 1\nx = (\n")


@pytest.mark.parametrize("package, level, module, absolute", [
    ("", 0, "asyncio", "asyncio"),
    ("asyncio", 1, "tasks", "asyncio.tasks"),
    ("asyncio", 1, None, "asyncio"),
    ("test.test_asyncio", 2, "support", "test.support"),
    ("", 1, "x", "x"),  # a relative import outside any package
])
def test_absolute_module_resolves_relative_imports(package, level, module, absolute):
    assert _sources.absolute_module(package, level, module) == absolute


def test_source_lines_end_where_python_ends_them():
    """A lone "\\r" (old Mac files) ends a line, as "\\n" and "\\r\\n" do; a form
    feed does not. Every end is kept as it is."""
    assert _sources.source_lines("a\rb\r\nc\x0cd\ne") == ["a\r", "b\r\n", "c\x0cd\n", "e"]


@pytest.mark.parametrize("source", [
    "import asyncio\nt = asyncio.async(job())\nasync = 1\n",
    "async def f():\n    x = await \\\n        y\n    return x.await\n",
])
@pytest.mark.parametrize("end", ["\r", "\r\n"])
def test_masking_is_the_same_whatever_the_line_ends(source, end):
    where, where_lf = [], []
    masked = _sources.mask_async_names(source.replace("\n", end), where)
    assert masked == _sources.mask_async_names(source, where_lf).replace("\n", end)
    assert where == where_lf
