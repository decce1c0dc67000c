"""The page templates, ``templates/*.html``, filled by ``string.Template``.

    >>> fill("hazard_probe.html", id="AR101", code="...").splitlines()[1]
    '<p><code>probes/AR101.py</code>, run on every interpreter by the test suite:</p>'

A template is HTML with ``$name`` placeholders (``$$`` is a dollar sign), and
two rules that keep the files readable: a backslash at the end of a line joins
it to the next, so a long HTML line wraps in the file and not in the page; and
the file's last newline is not part of the template, so a fragment fills in
mid-line. Values are put in as given: escaping them is the caller's job.
"""

import html
import string
from pathlib import Path

from asyncio_rosetta.data import read_text

__all__ = ["TEMPLATES", "esc", "fill", "placeholders"]

TEMPLATES = Path(__file__).resolve().parent / "templates"

# name: (Template, its placeholder names); each file is read once per process.
_loaded = {}


def esc(text):
    """*text* as HTML text or attribute value."""
    return html.escape(str(text), quote=True)


def _load(name):
    if name not in _loaded:
        text = read_text(TEMPLATES / name)
        if text.endswith("\n"):
            text = text[:-1]
        template = string.Template(text.replace("\\\n", ""))
        names = []
        for match in template.pattern.finditer(template.template):
            if match.group("invalid") is not None:
                raise ValueError("{}: a $ that is neither $$ nor a placeholder, at {}".format(
                    name, match.start("invalid")))
            found = match.group("named") or match.group("braced")
            if found and found not in names:
                names.append(found)
        _loaded[name] = template, names
    return _loaded[name]


def placeholders(name):
    """The placeholder names of template *name*, in order of first use."""
    return list(_load(name)[1])


def fill(_name, **values):
    """Template *_name* with *values* put in. Each placeholder needs a value and each
    value a placeholder: a typo fails the build instead of leaving ``$title`` on a page.
    (The underscore leaves ``name`` free for a placeholder.)"""
    template, names = _load(_name)
    unused = sorted(set(values) - set(names))
    if unused:
        raise TypeError("{} has no placeholder {}".format(_name, ", ".join(unused)))
    return template.substitute(values)
