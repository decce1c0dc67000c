"""Python source as HTML lines, highlighted by Pygments when it is installed, plain when not."""

from asyncio_rosetta.publish.site.templates import esc

__all__ = ["Highlighter"]


class Highlighter:
    """``lines(source)``: one HTML fragment per line; ``available``: whether Pygments
    colours them; ``css``: its light and dark styles, when it does."""

    def __init__(self):
        try:
            from pygments import highlight
            from pygments.formatters import HtmlFormatter
            from pygments.lexers import PythonLexer
            from pygments.styles import get_style_by_name
        except ImportError:
            self.available = False
            return
        self.available = True
        self._highlight, self._lexer = highlight, PythonLexer(stripnl=False, ensurenl=False)
        self._formatter = HtmlFormatter(nowrap=True)
        try:
            get_style_by_name("github-dark")
            dark = "github-dark"
        except Exception:  # older Pygments: no github-dark
            dark = "monokai"
        self.css = "{}\n@media (prefers-color-scheme: dark) {{\n{}\n}}\n".format(
            HtmlFormatter(style="default").get_style_defs(".hl"),
            HtmlFormatter(style=dark).get_style_defs(".hl"))

    def lines(self, source):
        """One HTML fragment per source line; Pygments closes its spans at each line end."""
        if not self.available:
            return [esc(line) for line in source.splitlines()]
        return self._highlight(source, self._lexer, self._formatter).split("\n")[:len(source.splitlines())]
