"""The one Jinja2 environment (autoescape on) that renders every HTML page and email from templates/."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from monitor.timeutil import readable
from monitor.views import wording
from monitor.views.formats import SCRIPT_SCHEME


def when(value: str | None) -> Markup:
    """`{{ at|when }}`: a stored time for people, machine-readable in its <time datetime>; nothing for None."""
    if not value:
        return Markup("")
    return Markup('<time datetime="{}">{}</time>').format(value, readable(value))


def inert(text: str) -> Markup:
    """`{{ text|inert }}`: page text escaped as autoescape escapes it, and the colon of a script scheme
    ("javascript:") written as &#58;, so the scheme never appears literally in a page (a reader who copies
    the text, or a mail client that links it, gets no live link)."""
    parts, at = [], 0
    for m in SCRIPT_SCHEME.finditer(text):
        parts.append(escape(text[at:m.start()] + m.group(1)))
        at = m.end()
    parts.append(escape(text[at:]))
    return Markup("&#58;").join(parts)


_env = Environment(loader=PackageLoader("monitor.views", "templates"), autoescape=True, undefined=StrictUndefined,
                   trim_blocks=True, lstrip_blocks=True)
_env.globals.update(pair_place=wording.pair_place, spans=wording.spans, question_titles=wording.QUESTION_TITLES)
_env.filters.update(when=when, inert=inert)


def render(template: str, context: dict) -> str:
    return _env.get_template(template).render(context)
