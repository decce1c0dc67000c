"""Trace lines: formatting, parsing, and stamping what a program prints."""

import pytest

from asyncio_rosetta.harness.tracing import StampingWriter, TraceLine, format_trace, parse_trace


def test_round_trip():
    lines = [TraceLine(0.0, "hello"), TraceLine(12.5, "  indented: text  ")]
    assert format_trace(lines) == "  0.00  hello\n 12.50    indented: text  \n"
    assert parse_trace(format_trace(lines)) == lines


def test_malformed_line_names_file_and_line():
    with pytest.raises(ValueError, match=r"x\.trace:2: not a trace line"):
        parse_trace("  0.00  ok\nnot a stamp\n", source="x.trace")


def test_writer_stamps_each_completed_line():
    now = [0.0]
    writer = StampingWriter(lambda: now[0])
    writer.write("a")
    now[0] = 1.0
    writer.write("b\nc")
    now[0] = 2.0
    writer.write("\n\nd")
    writer.finish()
    assert writer.lines == [(1.0, "ab"), (2.0, "c"), (2.0, ""), (2.0, "d")]


def test_writer_echoes_stamped_lines():
    class Sink(list):
        def write(self, text):
            self.append(text)

        def flush(self):
            pass

    sink = Sink()
    print("hi", file=StampingWriter(lambda: 3.0, echo=sink))
    assert sink == ["  3.00  hi\n"]
