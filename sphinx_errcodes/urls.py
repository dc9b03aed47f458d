"""A short, permanent URL per code: ``<folder of its page>/code/<code>.html``.

Each code gets a tiny page of its own that sends the browser to the code's
entry at once with a ``meta refresh`` (no script needed), links to it for
whoever stays, points search engines at the entry (``rel="canonical"``) and
asks them not to index the page itself. ``errcodes.json`` gives each code
this URL as ``doc_url``, for an API server to send in its error responses.

The pages are plain strings written straight to files (see
:mod:`sphinx_errcodes.pages`), not pages rendered through the theme's
templates: at 10,000 codes the theme's page would cost more than the whole
rest of the build (benchmarks/build/README.md), and ``singlehtml`` does not
collect extension pages at all.

Configuration (``conf.py``):

``errcodes_code_urls`` (default ``False``)
    Write a page per code and give each code ``doc_url`` in errcodes.json.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
from html import escape

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.util import logging

from sphinx_errcodes.backlinks import target_uri
from sphinx_errcodes.catalog import ErrorCode
from sphinx_errcodes.directive import catalog_path
from sphinx_errcodes.domain import ErrorCodesDomain
from sphinx_errcodes.translation import _, __

logger = logging.getLogger(__name__)

CODE_FOLDER = "code"
# Every page the extension writes carries this line, so that it never removes a file it did not write.
GENERATOR = '<meta name="generator" content="sphinx-errcodes">'

# Names that Windows keeps for devices, whatever the case and whatever follows a dot ("nul.txt").
_WINDOWS_DEVICES = frozenset({"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(10)), *(f"LPT{n}" for n in range(10))})
_SAFE = re.compile(r"[A-Za-z0-9_.\-]")
# Long enough for any real code; a file name may have 255 bytes, and ".html" follows.
LONGEST_NAME = 150
_KEPT_OF_LONG_NAME = 100


def setup_code_urls(app: Sphinx) -> None:
    app.add_config_value("errcodes_code_urls", False, "html", types=frozenset({bool}))


def code_filename(code: str) -> str:
    """The name of a code's page, without ``.html``: the code itself when any file system takes it as it is.

    Otherwise, and the same for every catalog:

    - each character but ASCII letters, digits, ``_``, ``.`` and ``-`` is
      written ``~`` and the two hexadecimal digits of each of its UTF-8
      bytes (``/`` is ``~2F``, ``\\`` is ``~5C``, ``~`` is ``~7E``);
    - a ``.`` at the start or the end is written ``~2E``;
    - a name that Windows keeps for a device (``CON``, ``PRN``, ``AUX``,
      ``NUL``, ``COM0``-``COM9``, ``LPT0``-``LPT9``, in any case, alone or
      before a ``.``) has its first letter written that way: ``~43ON``;
    - a name longer than 150 characters keeps its first 100, then ``~~`` and
      32 hexadecimal digits of the SHA-256 of the code.

    ``~`` stands in no name but as the start of an escape, so no two codes
    get the same name.
    """
    name = "".join(character if _SAFE.fullmatch(character) else _escaped(character) for character in code)
    if name.startswith("."):
        name = "~2E" + name[1:]
    if name.endswith("."):
        name = name[:-1] + "~2E"
    if name.split(".", 1)[0].upper() in _WINDOWS_DEVICES:
        name = _escaped(name[0]) + name[1:]
    if len(name) > LONGEST_NAME:
        name = f"{name[:_KEPT_OF_LONG_NAME]}~~{hashlib.sha256(code.encode('utf-8')).hexdigest()[:32]}"
    return name


def _escaped(character: str) -> str:
    return "".join(f"~{byte:02X}" for byte in character.encode("utf-8"))


def code_pagename(docname: str, code: str) -> str:
    """The page name of a code's page, beside the document that renders the code."""
    return posixpath.join(posixpath.dirname(docname), CODE_FOLDER, code_filename(code))


def code_urls(builder: Builder, domain: ErrorCodesDomain) -> dict[str, str]:
    """code -> the URL of its page, relative to the output root (``code/36.html``, ``code/36/`` under dirhtml)."""
    return {code: url_of_page(builder, code_pagename(docname, code)) for code, (docname, _error_code) in domain.codes.items()}


def url_of_page(builder: Builder, pagename: str) -> str:
    """The URL of a page that is not a document, relative to the output root, as the builder writes it."""
    # Every HTML builder names such a page as it names a document of its own folder (singlehtml: "name.html").
    return builder.get_target_uri(pagename)


def file_of_page(builder: Builder, pagename: str) -> str:
    """The file of a page that is not a document, relative to the output root, with ``/``."""
    return os.path.relpath(os.fspath(builder.get_outfilename(pagename)), builder.outdir).replace(os.sep, "/")


def relative_url(from_url: str, to_url: str) -> str:
    """``to_url`` as a link on the page at ``from_url``; both relative to the output root, ``to_url`` maybe with a fragment."""
    path, hash_, fragment = to_url.partition("#")
    relative = posixpath.relpath(path or ".", from_url.rpartition("/")[0] or ".")
    if relative == "." or (path.endswith("/") and not relative.endswith("/")):
        relative += "/"
    return relative + hash_ + fragment


def code_pages(app: Sphinx, folders: dict[str, str] | None = None) -> dict[str, str]:
    """file -> HTML of every code's page, relative to the output root.

    ``folders`` adds folders (a moved page's, see redirects.py) whose pages
    of every code lead to where each code is now: folder -> why, for the
    warnings.
    """
    if not app.config.errcodes_code_urls:
        return {}
    builder = app.builder
    domain: ErrorCodesDomain = app.env.domains[ErrorCodesDomain.name]
    _warn_names_equal_but_for_case(app, domain)
    base = app.config.html_baseurl.rstrip("/") + "/" if app.config.html_baseurl else ""
    pages: dict[str, str] = {}
    for code, (docname, error_code) in domain.codes.items():
        entry = target_uri(builder, None, docname, error_code.anchor)
        for folder in {posixpath.dirname(docname), *(folders or ())}:
            pagename = posixpath.join(folder, CODE_FOLDER, code_filename(code))
            if pagename in app.env.all_docs:
                logger.warning(
                    __("errcodes_code_urls: the page of code %s would be written over the document %s; rename the document"),
                    code,
                    pagename,
                    type="errcodes",
                    subtype="code-url",
                )
                continue
            pages[file_of_page(builder, pagename)] = code_page(error_code, relative_url(url_of_page(builder, pagename), entry), base + entry if base else "", app.config.language)
    return pages


def code_page(code: ErrorCode, entry: str, absolute_entry: str, language: str | None) -> str:
    """The tiny page of one code: ``entry`` is the link to its entry from the page, ``absolute_entry`` that link with html_baseurl."""
    href = escape(entry)
    title = escape(_("Error code %s: %s") % (code.code, code.description)) if code.description else escape(_("Error code %s") % code.code)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(language or "en")}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        f"{GENERATOR}\n"
        '<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        f'<link rel="canonical" href="{escape(absolute_entry) or href}">\n'
        f"<title>{title}</title>\n"
        "</head>\n"
        "<body>\n"
        f'<p><a href="{href}"><code>{escape(code.code)}</code> {escape(code.description)}</a></p>\n'
        "</body>\n"
        "</html>\n"
    )


def _warn_names_equal_but_for_case(app: Sphinx, domain: ErrorCodesDomain) -> None:
    """Two codes whose pages differ only in case are one file where case is ignored (Windows, macOS)."""
    seen: dict[tuple[str, str], str] = {}
    path = catalog_path(app.config)
    for code, (docname, error_code) in sorted(domain.codes.items(), key=lambda item: item[1][1].line):
        key = (posixpath.dirname(docname).lower(), code_filename(code).lower())
        if key in seen:
            logger.warning(
                __("errcodes_code_urls: codes %s and %s differ only in case, so their pages are one file on a file system that ignores case (Windows, macOS): build on another, or rename one code"),
                seen[key],
                code,
                location=f"{path}:{error_code.line}" if path is not None and error_code.line else None,
                type="errcodes",
                subtype="code-url",
            )
        else:
            seen[key] = code
