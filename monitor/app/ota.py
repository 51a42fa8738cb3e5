"""Turns Open Terms Archive declaration files (their public JSON format) into `[[documents]]` entries of config.toml.

`import_declarations` is pure, on (file name, text) pairs; `import_files` reads the files for it.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import soupsieve
import tomli_w

from monitor.config import default_format
from monitor.errors import TermwatchError
from monitor.names import slug, unique

# Open Terms Archive's terms types written for business customers or developers rather than end users
# (from the "audience" of each type in github.com/OpenTermsArchive/terms-types); every other type is consumer.
COMMERCIAL_TYPES = frozenset({
    "Commercial Terms", "Developer Terms", "Data Processor Agreement", "Data Controller Agreement",
    "User Consent Policy", "Business Privacy Policy", "Platform to Business Notice", "Business Mediation Policy",
    "Premium Partner Conditions", "Marketplace Sellers Conditions", "Review Guidelines", "Brand Guidelines",
})

# Open Terms Archive's names for types that the shipped config.toml names otherwise; other types keep their name.
TYPE_NAMES = {"Data Processor Agreement": "Data Processing Addendum", "Acceptable Use Policy": "Usage Policy"}

HEADER = (
    "# Imported from Open Terms Archive declarations by `termwatch import-ota`.\n"
    "# Keep the attribution their collection's licence asks for (most collections: ODC-By 1.0).\n"
    "# Check audience and vendor, then tune select/remove with `termwatch extract ID`.\n"
)


@dataclass
class Imported:
    """The documents found so far (in file order) and one warning line per part that could not be kept."""

    documents: list[tuple[str, dict]] = field(default_factory=list)  # (comment, [[documents]] entry)
    warnings: list[str] = field(default_factory=list)

    def toml(self) -> str:
        blocks = [f"# {comment}\n" + tomli_w.dumps({"documents": [doc]}) for comment, doc in self.documents]
        return HEADER + "\n" + "\n".join(blocks)


def css_selectors(value, key: str = "select", where: str = "", warnings: list[str] | None = None) -> list[str]:
    """CSS selectors kept from an OTA select/remove value (a string, a range object or a list of them, or
    None); what is skipped is said in `warnings`."""
    warnings = [] if warnings is None else warnings
    kept = []
    for item in () if value is None else value if isinstance(value, list) else [value]:
        if isinstance(item, dict):
            warnings.append(f"{where}: {key} range selector {json.dumps(item)} skipped (termwatch selects with "
                            "CSS selectors only); check the text with `termwatch extract`")
            continue
        try:
            soupsieve.compile(item)
        except Exception:  # soupsieve raises SelectorSyntaxError, and TypeError/ValueError for odd values
            warnings.append(f"{where}: {key} selector {item!r} skipped: not a CSS selector termwatch can use")
            continue
        kept.append(item)
    return kept


def _source(part: dict, where: str, warnings: list[str]) -> dict | None:
    """The url, select, remove (and render) of one source document; None, with a warning, when it cannot be
    watched."""
    url = part.get("fetch")
    if not isinstance(url, str) or (parts := urlsplit(url)).scheme not in ("http", "https") or not parts.netloc:
        warnings.append(f"{where}: skipped: \"fetch\" is {url!r}, not an http(s) URL")
        return None
    if part.get("filter"):
        names = ", ".join(part["filter"]) if isinstance(part["filter"], list) else str(part["filter"])
        warnings.append(f"{where}: filter {names} skipped (Open Terms Archive's JavaScript filters do not run "
                        "here); add remove selectors if the page shows noise")
    fields: dict = {"url": url}
    if default_format(url) == "pdf":
        # termwatch reads a PDF whole; selectors would make the config invalid.
        if part.get("select") or part.get("remove"):
            warnings.append(f"{where}: select/remove skipped: {url} is a PDF, which is read whole")
        return fields
    if part.get("executeClientScripts"):
        fields["render"] = "browser"
    for key in ("select", "remove"):
        kept = css_selectors(part.get(key, []), key, where, warnings)
        if kept:
            fields[key] = kept
    return fields


def _declaration(name: str, text: str) -> tuple[str, dict]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise TermwatchError(f"{name}: not valid JSON ({err.msg} at line {err.lineno}); "
                             "give an Open Terms Archive declaration file") from None
    if not isinstance(data, dict) or not isinstance(data.get("name"), str) or not data["name"].strip():
        raise TermwatchError(f'{name}: no service "name"; an Open Terms Archive declaration reads '
                             '{"name": …, "terms": {"Terms of Service": {"fetch": …, "select": …}}}')
    # "documents" is the older name of "terms".
    terms = data.get("terms", data.get("documents"))
    if not isinstance(terms, dict) or not all(isinstance(v, dict) for v in terms.values()):
        raise TermwatchError(f'{name}: no "terms" object of terms types; an Open Terms Archive declaration reads '
                             '{"name": …, "terms": {"Terms of Service": {"fetch": …, "select": …}}}')
    return data["name"].strip(), terms


def import_declarations(files: list[tuple[str, str]], vendor: str | None = None,
                        taken: set[str] | None = None) -> Imported:
    """Documents from (file name, JSON text) pairs; ids avoid `taken` and each other.

    Multi-source terms ("combine") become one document per page, since termwatch watches pages one by one.
    """
    taken = set(taken or ())
    result = Imported()
    for name, text in files:
        service, terms = _declaration(name, text)
        for terms_type, declaration in terms.items():
            shared = {k: v for k, v in declaration.items() if k != "combine"}
            parts = declaration.get("combine") or [declaration]
            if not isinstance(parts, list) or not all(isinstance(p, dict) for p in parts):
                result.warnings.append(f"{name}: {terms_type}: skipped: \"combine\" is not a list of sources")
                continue
            if len(parts) > 1:
                result.warnings.append(f"{name}: {terms_type}: combines {len(parts)} pages; each becomes its own "
                                       "document (termwatch watches pages one by one)")
            our_type = TYPE_NAMES.get(terms_type, terms_type)
            base = slug(f"{vendor or service} {our_type}") or "document"
            for i, part in enumerate(parts, start=1):
                where = f"{name}: {terms_type}" + (f" (page {i})" if len(parts) > 1 else "")
                found = _source(shared | part, where, result.warnings)
                if found is None:
                    continue
                doc = {"id": unique(f"{base}-{i}" if len(parts) > 1 else base, taken),
                       "vendor": vendor or service,
                       "audience": "commercial" if terms_type in COMMERCIAL_TYPES else "consumer",
                       "type": our_type, **found}
                result.documents.append((f"{name}: {service}, {terms_type}", doc))
    if not result.documents:
        raise TermwatchError(f"{', '.join(n for n, _ in files)}: no terms with an http(s) URL to import")
    return result


def import_files(paths: Sequence[Path], vendor: str | None, config: Path) -> Imported:
    """Read declaration files and import them, avoiding the document ids already in `config` (if it exists)."""
    try:
        documents = tomllib.loads(config.read_text(encoding="utf-8")).get("documents", [])
        taken = {d["id"] for d in documents if isinstance(d, dict) and isinstance(d.get("id"), str)}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, TypeError):
        taken = set()  # no readable config yet: no ids to avoid
    files = []
    for path in paths:
        try:
            files.append((str(path), path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as err:
            raise TermwatchError(
                f"{path}: cannot read it ({err}); give an Open Terms Archive declaration file") from None
    return import_declarations(files, vendor, taken)
