"""What every page shares: the frame around it (head, navigation, the measured line, the keys it
answers), the pager between topic or hazard pages, and small fragments several pages use."""

from asyncio_rosetta.publish.site.templates import esc, fill

__all__ = ["NOT_MEASURED", "NO_KEYS", "codes", "footer", "nav", "neighbours", "page", "pager", "python_heads",
           "sibling_keys", "style_name"]

NOT_MEASURED = "Not measured: this site was built without test results."
NO_KEYS = "none on this page"
_PLAIN = " Built without Pygments: code is not highlighted (pip install Pygments)."


def footer(table, highlighted):
    """The footer's line, as HTML: what the matrix shown was measured on, and whether code is highlighted."""
    if not table or not table["pythons"]:
        measured = "Not measured: built without test results (run the test suite, then site --results DIR)."
    else:
        pythons = table["pythons"]
        platforms = sorted({p["platform"] for p in pythons if p["platform"]})
        measured = "Measured on {} by the test suite{}.".format(
            ", ".join("{} {}".format(p["implementation"], p["version"]) for p in pythons),
            " ({})".format("; ".join(platforms)) if platforms else "")
    return esc(measured) + ("" if highlighted else esc(_PLAIN))


def page(title, body, depth, keys, measured, nav=None):
    """A whole page around *body*, *depth* folders below the site's root; *measured* is
    :func:`footer`'s line, *nav* its ``data-*`` links (prev, next, index) that site.js follows on a key."""
    attrs = "".join(' data-{}="{}"'.format(k, esc(v)) for k, v in sorted((nav or {}).items()) if v)
    # A file ends with a newline; the template's own last one is dropped (see templates).
    return fill("page.html", title=esc(title), up="../" * depth, attrs=attrs, body=body, measured=measured,
                keys=keys) + "\n"


def neighbours(names, index):
    """The names before and after *names[index]*, None at either end."""
    return (names[index - 1] if index > 0 else None,
            names[index + 1] if index + 1 < len(names) else None)


def nav(prev_name, next_name):
    """The ``data-*`` links of a topic or hazard page, for :func:`page`."""
    return {"prev": prev_name and prev_name + ".html", "next": next_name and next_name + ".html",
            "index": "../index.html"}


def sibling_keys(kind):
    """The keys of a topic or hazard page (*kind*), which move to its neighbours."""
    return ("<kbd>j</kbd>/<kbd>&rarr;</kbd> next {}, <kbd>k</kbd>/<kbd>&larr;</kbd> previous, "
            "<kbd>u</kbd> index").format(kind)


def pager(prev_name, next_name):
    """Links to the pages before and after; an empty span keeps the other link on its side."""
    return '<nav class="pager">{}{}</nav>'.format(
        '<a rel="prev" href="{0}.html">&larr; {0}</a>'.format(esc(prev_name)) if prev_name else "<span></span>",
        '<a rel="next" href="{0}.html">{0} &rarr;</a>'.format(esc(next_name)) if next_name else "<span></span>")


def codes(items, sep=""):
    """Each of *items* as ``<code>``, joined by *sep*."""
    return sep.join("<code>{}</code>".format(esc(item)) for item in items)


def python_heads(pythons):
    """A measured table's column heads: one per interpreter."""
    return "".join("<th>{}</th>".format(esc(p["version"])) for p in pythons)


def style_name(name):
    """A style's name as code that may break after an underscore (a narrow first column, nothing cut off):
    ``generator_<wbr>coroutine``."""
    return "<code>{}</code>".format("_<wbr>".join(esc(part) for part in name.split("_")))
