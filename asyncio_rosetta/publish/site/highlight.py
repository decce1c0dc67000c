"""Python source as HTML lines, highlighted by Pygments when it is installed, plain when not.

    >>> html([("k", "def"), ("", " "), ("nf", "f")], [(4, 5)])
    '<span class="k">def</span> <mark><span class="nf">f</span></mark>'
"""

from asyncio_rosetta.publish.site.templates import esc

__all__ = ["Highlighter", "html"]


class Highlighter:
    """``tokens(source)``: per line, its (CSS class, text) pieces; ``lines(source)``: one HTML
    fragment per line; ``available``: whether Pygments colours them; ``css``: its light and
    dark styles, when it does."""

    def __init__(self):
        try:
            import pygments  # noqa: F401  (first: its submodules may be imported already)
            from pygments.formatters import HtmlFormatter
            from pygments.lexers import PythonLexer
            from pygments.styles import get_style_by_name
            from pygments.token import STANDARD_TYPES
        except ImportError:
            self.available = False
            return
        self.available = True
        self._lexer, self._classes = PythonLexer(stripnl=False, ensurenl=False), STANDARD_TYPES
        try:
            get_style_by_name("github-dark")
            dark = "github-dark"
        except Exception:  # older Pygments: no github-dark
            dark = "monokai"
        self.css = "{}\n@media (prefers-color-scheme: dark) {{\n{}\n}}\n".format(
            HtmlFormatter(style="default").get_style_defs(".hl"),
            HtmlFormatter(style=dark).get_style_defs(".hl"))

    def tokens(self, source):
        """One list per source line of (CSS class, text) pieces; the class is '' for plain text."""
        if not self.available:
            return [[("", line)] if line else [] for line in source.splitlines()]
        lines = [[]]
        for ttype, value in self._lexer.get_tokens(source):
            while ttype not in self._classes:  # a token type Pygments has no short class for: its parent's
                ttype = ttype.parent
            for at, part in enumerate(value.split("\n")):
                if at:
                    lines.append([])
                if part:
                    lines[-1].append((self._classes[ttype], part))
        return lines[:len(source.splitlines())]

    def lines(self, source):
        """One HTML fragment per source line."""
        return [html(pieces) for pieces in self.tokens(source)]


def html(pieces, marked=()):
    """A line's (class, text) *pieces* as HTML; the character ranges *marked* ((start, end), sorted,
    not overlapping) are each one ``<mark>``, cutting the pieces where they begin and end."""
    cuts = sorted({at for span in marked for at in span})
    out, offset, inside = [], 0, False
    for css, text in pieces:
        end = offset + len(text)
        points = [offset] + [at for at in cuts if offset < at < end] + [end]
        for start, stop in zip(points, points[1:]):
            now = any(low <= start < high for low, high in marked)
            if now != inside:
                out.append("<mark>" if now else "</mark>")
                inside = now
            part = esc(text[start - offset:stop - offset])
            out.append('<span class="{}">{}</span>'.format(css, part) if css else part)
        offset = end
    if inside:
        out.append("</mark>")
    return "".join(out)
