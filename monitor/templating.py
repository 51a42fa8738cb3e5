"""The one Jinja2 environment (autoescape on) that renders every HTML page and email from templates/."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined

from monitor import describe

_env = Environment(loader=PackageLoader("monitor", "templates"), autoescape=True, undefined=StrictUndefined,
                   trim_blocks=True, lstrip_blocks=True)
_env.globals.update(pair_place=describe.pair_place, spans=describe.spans, question_titles=describe.QUESTION_TITLES)


def render(template: str, context: dict) -> str:
    return _env.get_template(template).render(context)
