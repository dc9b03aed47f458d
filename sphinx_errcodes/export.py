"""``errcodes.json``: the catalog for machines, written by the HTML builders.

SDK authors and support tooling read this file instead of scraping HTML. Its
shape is described by ``errcodes.schema.json`` beside this module, and
:data:`FORMAT_VERSION` changes whenever that shape changes incompatibly.
"""

from __future__ import annotations

import json
from urllib.parse import urljoin
from pathlib import Path

from sphinx.application import Sphinx

from sphinx_errcodes.backlinks import backlinks_from, target_uri
from sphinx_errcodes.catalog import codes_sharing_description, group_by_category
from sphinx_errcodes.domain import ErrorCodesDomain
from sphinx_errcodes.html import makes_website

FORMAT_VERSION = 1
FILENAME = "errcodes.json"
SCHEMA = Path(__file__).with_name("errcodes.schema.json")


def catalog_as_json(app: Sphinx) -> dict:
    domain: ErrorCodesDomain = app.env.domains[ErrorCodesDomain.name]
    codes = sorted((code for _, code in domain.codes.values()), key=lambda code: code.line)
    shared = codes_sharing_description(codes)
    backlinks = backlinks_from(app.builder, domain, None)
    base = app.config.html_baseurl.rstrip("/") + "/" if app.config.html_baseurl else ""

    def url(uri: str) -> str:
        return urljoin(base, uri) if base else uri

    return {
        "version": FORMAT_VERSION,
        "codes": [
            {
                "code": code.code,
                "category": category,
                "description": code.description,
                "url": url(target_uri(app.builder, None, domain.codes[code.code][0], code.anchor)),
                "same_message_as": list(shared[code.code].codes) if code.code in shared else [],
                "same_message_count": shared[code.code].total if code.code in shared else 0,
                "see_also": list(code.see_also),
                "referenced_by": [{"url": url(href), "title": title} for href, title in backlinks.get(code.code, [])],
            }
            for category, members in group_by_category(codes)
            for code in members
        ],
    }


def write_catalog_json(app: Sphinx, exception: Exception | None) -> None:
    """Write the file beside the pages of a website; remove it when the site no longer shows a catalog."""
    if exception is not None or not makes_website(app.builder):
        return
    path = Path(app.outdir) / FILENAME
    if not app.env.domains[ErrorCodesDomain.name].codes:
        path.unlink(missing_ok=True)
        return
    # Compact, because indenting makes json use its slow pure-Python encoder;
    # written only when it changed, so rebuilds leave it (and its mtime) alone.
    text = json.dumps(catalog_as_json(app), ensure_ascii=False, separators=(",", ":")) + "\n"
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
