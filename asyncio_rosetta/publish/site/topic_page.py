"""A topic's page: its styles side by side with what a port changes marked, the expected trace,
the topic's measured row and the hazards that name it."""

from asyncio_rosetta.data import read_text
from asyncio_rosetta.publish.matrix import cell_label
from asyncio_rosetta.publish.site import aligned, frame
from asyncio_rosetta.publish.site.templates import esc, fill

__all__ = ["topic_page", "topic_matrix"]


def topic_page(site, index):
    """The page of ``site.catalog.topics[index]``; *site* is a pages.Site."""
    catalog = site.catalog
    topic = catalog.topics[index]
    prev_name, next_name = frame.neighbours(site.topic_names, index)
    body = fill("topic.html", pager=frame.pager(prev_name, next_name), title=esc(topic.title),
                summary=esc(topic.summary), apis=frame.codes(topic.apis, ", "), columns=_columns(site, topic),
                trace=esc(read_text(catalog.expected_path(topic.name))), own_traces=_own_traces(catalog, topic),
                matrix=topic_matrix(site.table, topic.name), hazards=_related(site.related[topic.name]))
    return site.page(topic.title, body, 1, frame.sibling_keys("topic"), frame.nav(prev_name, next_name))


def _columns(site, topic):
    """A section per style: its idiom, why its trace differs if it does, its code."""
    styles = site.catalog.styles
    sources = [read_text(site.catalog.variant_path(topic.name, style.name)) for style in styles]
    columns = aligned.html(sources, [site.hl.tokens(source) for source in sources])
    sections = []
    for style, code in zip(styles, columns):
        note = topic.style_traces.get(style.name)
        sections.append(fill(
            "topic_column.html", name=esc(style.name), idiom=esc(style.idiom), code=code,
            note='<p class="note">This style differs on purpose: {}</p>'.format(esc(note)) if note else ""))
    return "\n".join(sections)


def _own_traces(catalog, topic):
    """The traces of the styles that print their own (each after a newline), in the styles' order."""
    out = ""
    for style in catalog.styles:
        if style.name in topic.style_traces:
            out += "\n" + fill("topic_own_trace.html", style=esc(style.name),
                               why=esc(topic.style_traces[style.name]),
                               trace=esc(read_text(catalog.expected_path(topic.name, style.name))))
    return out


def _related(hazards):
    if not hazards:
        return "<p>No hazard in the catalogue names this topic.</p>"
    return "<ul>{}</ul>".format("".join('<li><a href="../hazards/{id}.html">{id} {name}</a>: {title}</li>'.format(
        id=esc(h.id), name=esc(h.name), title=esc(h.title)) for h in hazards))


def topic_matrix(table, name):
    """Topic *name*'s rows of the measured *table*: a row per style, a cell per Python."""
    if not table or name not in table["topics"]:
        return "<p>{}</p>".format(frame.NOT_MEASURED)
    pythons = table["pythons"]
    rows = "".join("<tr><th>{}</th>{}</tr>".format(
        frame.style_name(style), "".join(_cell(cells.get(python["minor"])) for python in pythons))
        for style, cells in table["topics"][name].items())
    return fill("topic_matrix.html", heads=frame.python_heads(pythons), rows=rows)


def _cell(cell):
    label = cell_label(cell)
    return '<td class="label-{}" title="{}">{}</td>'.format(label, esc(_detail(cell, label)), label)


def _detail(cell, label):
    """A cell's tooltip: how it differs, or the exception or warnings it recorded."""
    if not cell:
        return ""
    if label == "DIFFERS":
        return "\n".join(cell.get("problems") or [])
    return cell.get("error") or "; ".join(cell.get("warnings") or [])
