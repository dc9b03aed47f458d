"""``errcodes.json``: the catalog for machines, written by the HTML builders.

SDK authors and support tooling read this file instead of scraping HTML. Its
shape is described by ``errcodes.schema.json`` beside this module, and
:data:`FORMAT_VERSION` changes whenever that shape changes incompatibly.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from urllib.parse import urljoin
from pathlib import Path

from sphinx.application import Sphinx

from sphinx_errcodes.backlinks import backlinks_from, target_uri
from sphinx_errcodes.catalog import SHARED_CODES_SHOWN
from sphinx_errcodes.columns import CODE_SCHEMA, OPTIONAL_COLUMNS, Column, columns_with
from sphinx_errcodes.domain import ErrorCodesDomain, Placed
from sphinx_errcodes.catalogs import DEFAULT
from sphinx_errcodes.html import makes_website
from sphinx_errcodes.nodes import Entry
from sphinx_errcodes.rendered import kept_explanations
from sphinx_errcodes.unchanged import may_keep
from sphinx_errcodes.urls import code_urls

# 2: the optional columns and extra (version 1 allowed no other keys).
# 3: the catalog's name (several catalogs write a file each), the language, and doc_url.
FORMAT_VERSION = 3
FILENAME = "errcodes.json"
SCHEMA = Path(__file__).with_name("errcodes.schema.json")


def filename_of(catalog: str) -> str:
    """``errcodes.json`` for the catalog of errcodes_file, ``errcodes-spot.json`` for the catalog spot."""
    return FILENAME if catalog == DEFAULT else f"errcodes-{catalog}.json"


def catalogs_as_json(app: Sphinx) -> dict[str, dict]:
    """Each catalog's codes as its pages show them, by catalog: categories in catalog order, codes sorted inside each.

    Links between pages and explanations are worked out once for all catalogs.
    """
    domain: ErrorCodesDomain = app.env.domains[ErrorCodesDomain.name]
    columns = columns_with(app.config.errcodes_extra_columns)
    mentioned, returned = backlinks_from(app.builder, domain, None)
    explanations = kept_explanations(app, domain)
    base = app.config.html_baseurl.rstrip("/") + "/" if app.config.html_baseurl else ""

    def url(uri: str) -> str:
        return urljoin(base, uri) if base else uri

    def catalog_as_json(catalog: str, places: Mapping[str, Placed]) -> dict:
        doc_urls = code_urls(app.builder, domain, catalog) if app.config.errcodes_code_urls else {}
        explained = explanations.get(catalog, {})

        def sections(code: str) -> dict[str, list[dict]]:
            return {key: [{"url": url(href), "title": title} for href, title in links.get((catalog, code), [])] for key, links in (("returned_by", returned), ("referenced_by", mentioned))}

        return {
            "version": FORMAT_VERSION,
            "catalog": catalog,
            "language": app.config.language or "en",
            "codes": [
                _code_as_json(
                    entry,
                    category.title,
                    url(target_uri(app.builder, None, docname, entry.anchor)),
                    url(doc_urls[entry.code.code]) if doc_urls else None,
                    columns,
                    sections(entry.code.code),
                    explained.get(entry.code.code),
                )
                for docname, renderings in sorted(domain.renderings.items())
                for rendering in renderings
                if rendering.catalog == catalog
                for category in rendering.categories
                for entry in category.entries
                if places[entry.code.code].docname == docname
            ],
        }

    return {catalog: catalog_as_json(catalog, places) for catalog, places in domain.placed.items() if places}


def _code_as_json(entry: Entry, category: str, url: str, doc_url: str | None, columns: Mapping[str, Column], sections: dict[str, list[dict]], explanation: dict | None) -> dict:
    code = entry.code
    shared = entry.same_message_as
    data = {"code": code.code, "category": category, "description": code.description, "url": url}
    if doc_url is not None:
        data["doc_url"] = doc_url
    extra = {}
    for column in columns.values():
        value = code.value(column)
        if column.declared_by_project:
            if value != column.empty:
                extra[column.name] = value
        elif value != column.empty or column.name in ALWAYS_PRESENT:
            data[column.name] = list(value) if isinstance(value, tuple) else value
    if extra:
        data["extra"] = extra
    if explanation:
        data["explanation"] = explanation
    data["same_message_as"] = list(shared.codes) if shared else []
    data["same_message_count"] = shared.total if shared else 0
    data.update(sections)
    return data


# Present in every code, empty or not: they were from the first version of the format.
ALWAYS_PRESENT = ("see_also",)


SECTIONS = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["url", "title"],
        "additionalProperties": False,
        "properties": {"url": {"type": "string"}, "title": {"type": "string"}},
    },
}


def schema() -> dict:
    """The JSON Schema of errcodes.json, made from the column declarations; the package ships it as errcodes.schema.json."""
    columns = {column.name: dict(column.schema) for column in OPTIONAL_COLUMNS}
    code = {"description": "The code exactly as written in the catalog.", **CODE_SCHEMA}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "errcodes.json",
        "description": "The error-code catalog of a Sphinx site built with sphinx-errcodes.",
        "type": "object",
        "required": ["version", "catalog", "language", "codes"],
        "additionalProperties": False,
        "properties": {
            "version": {"description": "Format version; changes when this schema changes incompatibly.", "const": FORMAT_VERSION},
            "language": {
                "description": "The site's language (Sphinx's language setting): descriptions and categories are in it where the project translates them.",
                "type": "string",
            },
            "catalog": {
                "description": "The catalog's name: 'default' for errcodes_file (in errcodes.json), else its name in errcodes_catalogs (in errcodes-<name>.json).",
                "type": "string",
            },
            "codes": {
                "description": "Every code, in the order of the reference page: categories in catalog order, codes sorted inside each.",
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["code", "category", "description", "url", *ALWAYS_PRESENT, "same_message_as", "same_message_count", "returned_by", "referenced_by"],
                    "additionalProperties": False,
                    "properties": {
                        "code": code,
                        "category": {"type": "string"},
                        "description": {"description": "Plain text, exactly as written in the catalog.", "type": "string"},
                        "url": {"description": "The code's entry: absolute when html_baseurl is set, else relative to the folder of this file.", "type": "string"},
                        "doc_url": {"description": "The code's own page, which leads to its entry (errcodes_code_urls): absolute when html_baseurl is set, else relative to the folder of this file.", "type": "string"},
                        **columns,
                        "explanation": {
                            "description": "The code's explanation file, rendered: HTML (its links relative to the reference page) and plain text.",
                            "type": "object",
                            "required": ["html", "text"],
                            "additionalProperties": False,
                            "properties": {"html": {"type": "string"}, "text": {"type": "string"}},
                        },
                        "extra": {
                            "description": "The project's own columns (errcodes_extra_columns) that have a value, by column name.",
                            "type": "object",
                            "additionalProperties": {"type": "string"},
                        },
                        "same_message_as": {
                            "description": "Other codes with exactly the same description: the first 10, in code order.",
                            "type": "array",
                            "maxItems": SHARED_CODES_SHOWN,
                            "items": {"type": "string"},
                        },
                        "same_message_count": {"description": "How many other codes have exactly the same description.", "type": "integer", "minimum": 0},
                        "returned_by": {"description": "The sections whose errcodes-returned lists this code.", **SECTIONS},
                        "referenced_by": {"description": "The sections that mention this code with :errcode: (and do not list it as returned).", **SECTIONS},
                    },
                },
            },
        },
    }


def write_catalog_json(app: Sphinx, exception: Exception | None) -> None:
    """Write a file per catalog beside the pages of a website; remove those of catalogs the site no longer shows."""
    if exception is not None or not makes_website(app.builder):
        return
    outdir = Path(app.outdir)
    domain: ErrorCodesDomain = app.env.domains[ErrorCodesDomain.name]
    if may_keep(app, [outdir / filename_of(catalog) for catalog, places in domain.placed.items() if places], as_pages_show=True):
        return
    shown = catalogs_as_json(app)
    for path in [outdir / FILENAME, *outdir.glob("errcodes-*.json")]:
        if path.name not in {filename_of(catalog) for catalog in shown}:
            path.unlink(missing_ok=True)
    for catalog, data in shown.items():
        path = outdir / filename_of(catalog)
        # Compact, because indenting makes json use its slow pure-Python encoder;
        # written only when it changed, so rebuilds leave it (and its mtime) alone.
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
