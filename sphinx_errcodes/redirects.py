"""Moved pages: a page's old address leads to its new one, fragment and all.

A moved page keeps its old file, now a small page that sends the browser on
at once, keeping the query and the fragment (``errors.html#code-36`` to
``reference/errors.html#code-36``), without any server configuration. A
fragment that names a code or a category of the catalog (``#code-36``,
``#category-funds``) goes to the page that shows that code or category now,
looked up in a map written at build time (``_static/errcodes-anchors.js``:
catalog -> anchor -> page) among the catalogs that the new page shows, so
that a catalog split over several pages still lands each code on its own
page; any other fragment goes to the new page. The
fragment is only known to a script: without one, the page links to the new
page, and the old ``code/<code>.html`` pages of a reference page that moved
to another folder keep working (they need no script).

Configuration (``conf.py``):

``errcodes_moved_pages`` (default ``{}``)
    The old name of each moved document -> its name now, both as Sphinx names
    documents (no suffix, ``/`` between folders):
    ``{"errors": "reference/errors"}``.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
from collections.abc import Mapping
from html import escape
from pathlib import Path
from typing import NamedTuple

from sphinx.application import Sphinx
from sphinx.util import logging

from sphinx_errcodes.backlinks import page_url
from sphinx_errcodes.domain import ErrorCodesDomain, Placed, Rendering
from sphinx_errcodes.translation import _, __
from sphinx_errcodes.urls import GENERATOR, file_of_page, html_language, relative_url, url_of_page

logger = logging.getLogger(__name__)

ANCHORS = "_static/errcodes-anchors.js"
SCRIPT = "_static/errcodes-moved.js"
SCRIPT_SOURCE = Path(__file__).parent / "static" / "errcodes-moved.js"


class Move(NamedTuple):
    old: str  # the document's name before it moved; no document has it now
    new: str  # a document of the project


def setup_moved_pages(app: Sphinx) -> None:
    # Nothing Sphinx writes depends on it: the pages it names are written anew by every build.
    app.add_config_value("errcodes_moved_pages", {}, "", types=frozenset({dict}))


def checked_moves(app: Sphinx) -> list[Move]:
    """The moves of ``errcodes_moved_pages`` that can be written; each other one is warned about."""
    setting = app.config.errcodes_moved_pages
    if not isinstance(setting, dict):  # Sphinx has said so
        return []
    documents = app.env.all_docs
    suffixes = (*app.config.source_suffix, app.builder.out_suffix)
    taken = {"genindex", "search", *app.config.html_additional_pages, *(name for name, *_rest in getattr(app.builder, "domain_indices", ()))}
    moves = []
    for old, new in setting.items():
        if not (_is_document_name(old) and _is_document_name(new)):
            problem = __("give the old and the new name of the document, as Sphinx names documents (relative to the source folder, with '/'), such as {'errors': 'reference/errors'}")
        elif old.endswith(suffixes) or new.endswith(suffixes):
            problem = __("write document names without their suffix: 'errors', not 'errors.rst' or 'errors.html'")
        elif old in documents:
            problem = __("%r is still a document, so its page is not replaced; delete the document or remove the entry") % old
        elif old in taken:
            problem = __("%r is a page that Sphinx writes; remove the entry") % old
        elif new not in documents:
            later = setting.get(new)
            problem = (__("%r is not a document: it moved to %r; write that") % (new, later)) if isinstance(later, str) else (__("%r is not a document; name the document the page moved to") % new)
        else:
            moves.append(Move(old, new))
            continue
        logger.warning(__("errcodes_moved_pages: %r: %s"), old, problem, type="errcodes", subtype="config")
    return moves


def _is_document_name(name: object) -> bool:
    """A name as Sphinx names documents: folders and the name, joined by ``/``, inside the source folder."""
    return isinstance(name, str) and "\\" not in name and all(part not in ("", ".", "..") for part in name.split("/"))


def folders_of_moved_catalogs(app: Sphinx, moves: list[Move]) -> set[str]:
    """The old folders of moved pages that now show codes: their ``code/<code>.html`` pages were in use."""
    domain: ErrorCodesDomain = app.env.domains[ErrorCodesDomain.name]
    showing_codes = {place.docname for codes in domain.placed.values() for place in codes.values()}
    return {posixpath.dirname(move.old) for move in moves if move.new in showing_codes}


def moved_pages(app: Sphinx, moves: list[Move], taken_files: set[str]) -> dict[str, str]:
    """file -> text of each moved page, relative to the output root, and of the map of anchors they share."""
    builder = app.builder
    placed: dict[str, Move] = {}  # file -> the move it is the old page of
    for move in moves:
        file = file_of_page(builder, move.old)
        if file in taken_files or file in placed:
            logger.warning(__("errcodes_moved_pages: %r: its page %s is already the page of a code or of another moved page; remove the entry"), move.old, file, type="errcodes", subtype="config")
        else:
            placed[file] = move
    if not placed:
        return {}
    domain: ErrorCodesDomain = app.env.domains[ErrorCodesDomain.name]
    anchors = _anchors_script(app)
    versions = {ANCHORS: _version(anchors), SCRIPT: _version(SCRIPT_SOURCE.read_text(encoding="utf-8"))}
    base = app.config.html_baseurl.rstrip("/") + "/" if app.config.html_baseurl else ""
    pages = {}
    for file, move in placed.items():
        here, new = url_of_page(builder, move.old), _url_of_document(builder, move.new)
        title = app.env.titles[move.new].astext() if move.new in app.env.titles else move.new
        scripts = {script: f"{relative_url(here, script)}?v={version}" for script, version in versions.items()}
        catalogs = sorted({rendering.catalog for rendering in domain.renderings.get(move.new, [])})
        pages[file] = _moved_page(relative_url(here, new), base + new if base else "", title, scripts, catalogs, app.config.language)
    pages[ANCHORS] = anchors
    return pages


def _url_of_document(builder, docname: str) -> str:
    """A document's URL from the output root; under singlehtml, the root page and the document's anchor on it."""
    uri = builder.get_target_uri(docname)
    return page_url(builder, docname) + (uri[uri.index("#") :] if "#" in uri else "")


def anchor_pages(renderings: Mapping[str, list[Rendering]], placed: Mapping[str, Mapping[str, Placed]]) -> dict[str, dict[str, str]]:
    """catalog -> anchor -> the document that shows it, for every code and category.

    A code's anchor goes where links to the code go (``placed``, the
    domain's); a category rendered on several pages goes to the first of
    them by name, as a code rendered twice does.
    """
    anchors: dict[str, dict[str, str]] = {}
    for docname in sorted(renderings, reverse=True):
        for rendering in renderings[docname]:
            anchors.setdefault(rendering.catalog, {}).update((category.anchor, docname) for category in rendering.categories)
    for catalog, codes in placed.items():
        anchors.setdefault(catalog, {}).update((place.anchor, place.docname) for place in codes.values())
    return {catalog: dict(sorted(found.items())) for catalog, found in sorted(anchors.items())}


def _anchors_script(app: Sphinx) -> str:
    """``window.errcodesAnchors``: the pages (from the output root), and for each catalog the number of the page of each anchor."""
    domain: ErrorCodesDomain = app.env.domains[ErrorCodesDomain.name]
    anchors = anchor_pages(domain.renderings, domain.placed)
    urls = {docname: page_url(app.builder, docname) for docname in sorted({docname for found in anchors.values() for docname in found.values()})}
    pages = list(dict.fromkeys(urls.values()))  # under singlehtml, every document is one page
    numbers = {url: number for number, url in enumerate(pages)}
    data = {"pages": pages, "catalogs": {catalog: {anchor: numbers[urls[docname]] for anchor, docname in found.items()} for catalog, found in anchors.items()}}
    return f"// Written by sphinx-errcodes: where each code and category of the catalog is shown.\nwindow.errcodesAnchors = {json.dumps(data, separators=(',', ':'))};\n"


def _version(text: str) -> str:
    """A checksum for ``?v=``, so that a browser does not keep an old copy, as Sphinx does for its assets."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def _moved_page(new: str, absolute_new: str, title: str, scripts: dict[str, str], catalogs: list[str], language: str | None) -> str:
    href = escape(new)
    link = f'<a href="{href}">{escape(title)}</a>'
    heading = escape(_("Moved: %s") % title)
    moved = escape(_("This page has moved to %s.")).replace("%s", link)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(html_language(language))}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        f"{GENERATOR}\n"
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{escape(absolute_new) or href}">\n'
        f"<title>{heading}</title>\n"
        f'<script src="{escape(scripts[ANCHORS])}"></script>\n'
        f'<script src="{escape(scripts[SCRIPT])}" data-errcodes-moved-to="{href}" data-errcodes-catalogs="{escape(" ".join(catalogs))}"></script>\n'
        "</head>\n"
        "<body>\n"
        f"<p>{moved}</p>\n"
        "</body>\n"
        "</html>\n"
    )
