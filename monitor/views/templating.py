"""The one Jinja2 environment (autoescape on) that renders every HTML page and email from templates/."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from monitor.timeutil import readable
from monitor.views import wording


def when(value: str | None) -> Markup:
    """`{{ at|when }}`: a stored time for people, machine-readable in its <time datetime>; nothing for None."""
    if not value:
        return Markup("")
    return Markup('<time datetime="{}">{}</time>').format(value, readable(value))


_env = Environment(loader=PackageLoader("monitor.views", "templates"), autoescape=True, undefined=StrictUndefined,
                   trim_blocks=True, lstrip_blocks=True)
_env.globals.update(pair_place=wording.pair_place, spans=wording.spans, question_titles=wording.QUESTION_TITLES)
_env.filters["when"] = when


def render(template: str, context: dict) -> str:
    return _env.get_template(template).render(context)
