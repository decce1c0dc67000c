"""The measured matrix: every env's results file merged into one table.

    >>> table = merge(load_dir("results"), load())          # doctest: +SKIP
    >>> print(text(table))                                  # doctest: +SKIP
    topic                  style                3.6.15  3.7.17 ...
    hello                  generator_coroutine  ok      ok     ... fails
    >>> table["topics"]["hello"]["async_await"]["3.14"]["status"]   # doctest: +SKIP
    'expected failure'

Nothing in it is typed by hand: each cell is what the test suite measured on
that interpreter (asyncio_rosetta.publish.results). Standard library only.
"""

import json

__all__ = ["merge", "cell_label", "hazard_label", "text", "markdown", "as_json", "LEGEND"]

LEGEND = ("ok = ran, trace equal; warns = ran with exactly the recorded warnings, trace equal; "
          "fails = ended with exactly the recorded exception (expected failure); DIFFERS = not as recorded; "
          "needs = a module it needs is not installed there; - = not measured. "
          "Hazards: what each probe did (ok, warns, fails, changed = runs but prints something else); "
          "! = not as hazards.json records it; * = a hazard of another platform (Windows), its probe run here, "
          "where it does what hazards.json records for Linux: its outcomes there are read from the docs, not measured")


def merge(results, catalog=None):
    """One table from results files (as results.load_dir returns them): topics and
    hazards in the catalogue's order (others after, sorted), one column per Python."""
    pythons = [{"minor": data["python"]["minor"], "version": data["python"]["version"],
                "implementation": data["python"].get("implementation", "CPython"),
                "platform": data.get("platform", ""), "finished": data.get("finished", "")}
               for data in results]
    topic_names = _ordered([t.name for t in catalog.topics] if catalog else [],
                           [name for data in results for name in data["topics"]])
    style_names = _ordered([s.name for s in catalog.styles] if catalog else [],
                           [style for data in results for styles in data["topics"].values() for style in styles])
    hazard_ids = _ordered([], [hazard for data in results for hazard in data["hazards"]])
    topics = {}
    for topic in topic_names:
        topics[topic] = {}
        for style in style_names:
            row = {data["python"]["minor"]: data["topics"].get(topic, {}).get(style) for data in results}
            if any(row.values()):
                topics[topic][style] = row
    hazards = {hazard: {data["python"]["minor"]: data["hazards"].get(hazard) for data in results}
               for hazard in hazard_ids}
    return {"pythons": pythons, "topics": topics, "hazards": hazards}


def _ordered(known, seen):
    """*known* first (those that were seen), then the rest of *seen*, sorted, once each."""
    seen = set(seen)
    return [name for name in known if name in seen] + sorted(seen - set(known))


def cell_label(cell):
    """A topic x style x Python cell in a word: ok, warns, fails, DIFFERS, needs, -."""
    if not cell:
        return "-"
    status = cell["status"]
    if status == "equal":
        return "warns" if cell.get("outcome") == "warns" else "ok"
    if status == "expected failure":
        return "fails"
    if status.startswith("needs"):
        return "needs"
    return "DIFFERS"


def hazard_label(cell):
    """A hazard x Python cell: what its probe did, with ! if that is not what is recorded,
    and * if the hazard is of another platform (its probe did what it does here)."""
    if not cell:
        return "-"
    return cell["outcome"] + ("" if cell.get("matches", True) else "!") + ("*" if cell.get("platform_only") else "")


def _rows(table):
    """(first cells, labels per Python) for every row, topics then hazards."""
    minors = [p["minor"] for p in table["pythons"]]
    rows = []
    for topic, styles in table["topics"].items():
        for index, (style, cells) in enumerate(styles.items()):
            rows.append(([topic if index == 0 else "", style], [cell_label(cells[m]) for m in minors]))
    hazard_rows = [([hazard, ""], [hazard_label(cells[m]) for m in minors])
                   for hazard, cells in table["hazards"].items()]
    return rows, hazard_rows


def _measured_on(table):
    platforms = sorted({p["platform"] for p in table["pythons"] if p["platform"]})
    return "measured on {}{}".format(
        ", ".join("{} {}".format(p["implementation"], p["version"]) for p in table["pythons"]),
        " ({})".format("; ".join(platforms)) if platforms else "")


def _differences(table):
    return sum(cell_label(cell) == "DIFFERS" for styles in table["topics"].values()
               for cells in styles.values() for cell in cells.values())


def text(table):
    """A plain-text table for the terminal."""
    topic_rows, hazard_rows = _rows(table)
    heads = [p["version"] for p in table["pythons"]]
    first = max([len(r[0][0]) for r in topic_rows + hazard_rows] + [len("topic")])
    second = max([len(r[0][1]) for r in topic_rows] + [len("style")])
    widths = [max(len(head), 7) for head in heads]

    def line(cells, labels):
        out = "{:{a}}  {:{b}}  ".format(cells[0], cells[1], a=first, b=second)
        return (out + "  ".join(label.ljust(w) for label, w in zip(labels, widths))).rstrip()

    out = [line(["topic", "style"], heads)]
    out += [line(cells, labels) for cells, labels in topic_rows]
    out += ["", line(["hazard", ""], heads)]
    out += [line(cells, labels) for cells, labels in hazard_rows]
    out += ["", _measured_on(table) + "; {} difference(s)".format(_differences(table)), LEGEND]
    return "\n".join(out) + "\n"


def markdown(table):
    """GitHub-flavoured Markdown: a topics table and a hazards table."""
    topic_rows, hazard_rows = _rows(table)
    heads = [p["version"] for p in table["pythons"]]

    def row(cells):
        return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"

    out = [row(["topic", "style"] + heads), row(["---"] * (2 + len(heads)))]
    out += [row(["`{}`".format(c[0]) if c[0] else "", "`{}`".format(c[1])] + labels) for c, labels in topic_rows]
    out += ["", row(["hazard"] + heads), row(["---"] * (1 + len(heads)))]
    out += [row([c[0]] + labels) for c, labels in hazard_rows]
    out += ["", _measured_on(table) + "; {} difference(s).".format(_differences(table)), "", LEGEND + "."]
    return "\n".join(out) + "\n"


def as_json(table):
    return json.dumps(table, indent=2) + "\n"
