"""Traces: each line a program printed, stamped with loop-relative time.

    >>> line = TraceLine(2.0, "task B done")
    >>> format_trace([line])
    '  2.00  task B done\\n'
    >>> parse_trace(format_trace([line])) == [line]
    True

Stamps are compared as printed (two decimals), so a trace file is exactly what
a reader sees.
"""

import collections
import io

__all__ = ["TraceLine", "format_line", "format_trace", "parse_trace", "StampingWriter"]

_SEP = "  "
_STAMP_WIDTH = 6


class TraceLine(collections.namedtuple("TraceLine", "time text")):
    """One printed line and the clock reading when its newline was written."""

    __slots__ = ()

    def __str__(self):
        return format_line(self)


def format_line(line):
    return "{:{w}.2f}{}{}".format(line.time, _SEP, line.text, w=_STAMP_WIDTH)


def format_trace(lines):
    return "".join(format_line(line) + "\n" for line in lines)


def parse_trace(text, source="<trace>"):
    """Parse what ``format_trace`` wrote; a malformed line raises ValueError."""
    lines = []
    for number, raw in enumerate(text.splitlines(), 1):
        stamp, sep, rest = raw[:_STAMP_WIDTH], raw[_STAMP_WIDTH:_STAMP_WIDTH + 2], raw[_STAMP_WIDTH + 2:]
        try:
            if sep != _SEP:
                raise ValueError
            lines.append(TraceLine(float(stamp), rest))
        except ValueError:
            raise ValueError("{}:{}: not a trace line (expected '{:6.2f}  text'): {!r}".format(
                source, number, 0.0, raw))
    return lines


class StampingWriter(io.TextIOBase):
    """A text stream that records each completed line with ``now()``.

    Installed as ``sys.stdout`` in the child process; *echo*, if given,
    receives each stamped line as it completes (the live ``run`` view).
    """

    def __init__(self, now, echo=None):
        super().__init__()
        self.lines = []
        self._now = now
        self._echo = echo
        self._partial = ""

    def writable(self):
        return True

    def write(self, text):
        *complete, self._partial = (self._partial + text).split("\n")
        for text_line in complete:
            self._record(text_line)
        return len(text)

    def finish(self):
        """Record a last line that was printed without a newline."""
        if self._partial:
            self._record(self._partial)
            self._partial = ""

    def _record(self, text_line):
        line = TraceLine(self._now(), text_line)
        self.lines.append(line)
        if self._echo is not None:
            self._echo.write(format_line(line) + "\n")
            self._echo.flush()
