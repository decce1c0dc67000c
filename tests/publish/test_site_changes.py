"""What a port changes on a line, word by word, apart from its indentation (publish/site/changes.py)."""

from asyncio_rosetta.publish.site import changes


def _marked(line, others):
    kind, ranges = changes.marks(line, others)
    return kind, [line[start:end] for start, end in ranges]


def test_only_the_words_that_differ_are_marked():
    assert _marked("    yield from asyncio.sleep(1)", ["    await asyncio.sleep(1)"]) == ("changed", ["yield from"])
    assert _marked("async def main():", ["def main():", "def main():"]) == ("changed", ["async"])
    # Marked against every other style: a word that differs from either.
    assert _marked("x = asyncio.ensure_future(f())", ["x = asyncio.ensure_future(f())", "x = tg.create_task(f())"]) == (
        "changed", ["asyncio", "ensure_future"])


def test_a_line_only_reindented_is_not_marked_as_rewritten():
    assert _marked("        print(x)", ["    print(x)", "    print(x)"]) == ("reindented", [])
    assert _marked("    print(x)", ["    print(x)"]) == ("", [])


def test_a_line_with_no_counterpart_is_marked_whole_and_added_words_mark_the_other():
    assert _marked("    loop.close()", ["    loop.close()", None]) == ("changed", ["loop.close()"])
    assert _marked("", [None]) == ("changed", [])
    # Words only added in another style: this line changed, nothing of it to mark.
    assert _marked("sleep(1)", ["sleep(1, loop=loop)"]) == ("changed", [])
    assert _marked("sleep(1, loop=loop)", ["sleep(1)"]) == ("changed", [", loop=loop"])


def test_docstring_rows():
    doc = ['"""t: one', "two", '"""', "import x"]
    assert changes.docstring_rows([doc, ['"""t: one', None, '"""', "import x"]]) == 3
    assert changes.docstring_rows([doc, ["import x"]]) == 0         # a style without one: nothing folds
    assert changes.docstring_rows([['"""one line."""', "x"]]) == 0  # nothing to fold
    assert changes.docstring_rows([["'''a", "b'''", "x"]]) == 2
