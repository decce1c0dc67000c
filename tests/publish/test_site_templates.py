"""The site's templates: every file is filled somewhere, every fill gives exactly the placeholders it has."""

import ast
from pathlib import Path

import pytest

from asyncio_rosetta.publish.site import templates

PACKAGE = Path(templates.__file__).resolve().parent


def _text(node):
    if isinstance(node, ast.Constant):  # 3.8+
        return node.value
    return getattr(node, "s", None)  # 3.6, 3.7: ast.Str


def _fills():
    """(module, line, template name, keyword names) of every fill(...) call in the site package."""
    calls = []
    for path in sorted(PACKAGE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            func = getattr(node, "func", None)
            if isinstance(node, ast.Call) and getattr(func, "id", getattr(func, "attr", None)) == "fill":
                keywords = [k.arg for k in node.keywords]
                assert None not in keywords, (path.name, node.lineno)  # no **values: the test could not see them
                calls.append((path.name, node.lineno, _text(node.args[0]), keywords))
    return calls


def test_every_template_is_filled_with_exactly_its_placeholders():
    calls = _fills()
    assert calls
    for module, line, name, keywords in calls:
        assert isinstance(name, str), (module, line)  # a literal name, so this test can check it
        assert sorted(keywords) == sorted(templates.placeholders(name)), (module, line, name)
    assert {name for _, _, name, _ in calls} == {path.name for path in templates.TEMPLATES.glob("*.html")}


def test_fill_refuses_a_missing_or_an_unknown_value():
    with pytest.raises(KeyError):
        templates.fill("hazard_probe.html", id="AR101")
    with pytest.raises(TypeError, match="hazard_probe.html has no placeholder colour"):
        templates.fill("hazard_probe.html", id="AR101", code="", colour="red")


def test_continued_lines_are_joined_and_the_last_newline_dropped():
    entry = templates.fill("index_entry.html", terms="t", href="h.html", title="T", label="L", when="", summary="S",
                           codes="")
    assert entry == ('<li class="entry" data-terms="t"><a href="h.html">T</a><span class="id">L</span>'
                     '<div class="summary">S</div><div class="terms"></div></li>')
    assert templates.fill("topic_own_trace.html", style="s", why="w", trace="t").endswith("</pre>")


def test_template_files_are_plain_and_short_lined():
    for path in sorted(templates.TEMPLATES.glob("*.html")):
        text = path.read_text(encoding="utf-8")
        assert text.endswith("\n") and not text.endswith("\n\n"), path.name
        assert all(len(line) <= 120 for line in text.splitlines()), path.name
        templates.placeholders(path.name)  # a stray $ is a ValueError


def test_escaping():
    assert templates.esc("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#x27;&amp;&#x27;&lt;/a&gt;"
    assert templates.esc(3) == "3"
