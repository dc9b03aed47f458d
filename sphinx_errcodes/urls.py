"""A short, permanent URL per code: ``<folder of its page>/code/<code>.html``.

A code of a named catalog (``errcodes_catalogs``) is at
``<folder of its page>/code/<catalog>/<code>.html``, so that the same code in
two catalogs gets two pages.

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
from typing import NamedTuple

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.util import logging

from sphinx_errcodes.backlinks import page_url, target_uri
from sphinx_errcodes.catalog import ErrorCode
from sphinx_errcodes.catalogs import DEFAULT, catalog_paths
from sphinx_errcodes.domain import ErrorCodesDomain
from sphinx_errcodes.translation import _, __

logger = logging.getLogger(__name__)

CODE_FOLDER = "code"
# Every page the extension writes carries this line, so that it never removes a file it did not write.
GENERATOR = '<meta name="generator" content="sphinx-errcodes">'

# Names that Windows keeps for devices, whatever the case and whatever follows a dot ("nul.txt").
_WINDOWS_DEVICES = frozenset({"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(10)), *(f"LPT{n}" for n in range(10))})
# Long enough for any real code; a file name may have 255 bytes, and ".html" follows.
LONGEST_NAME = 150
_KEPT_OF_LONG_NAME = 100
_SAFE = re.compile(r"[A-Za-z0-9_.\-]")
# A name that needs no escape: safe characters, no dot at either end, short enough.
_PLAIN = re.compile(rf"(?!\.)[A-Za-z0-9_.\-]{{1,{LONGEST_NAME}}}(?<!\.)")
# The name of no document, to ask a builder how it lays out pages.
_PROBE = "errcodes-probe"


def setup_code_urls(app: Sphinx) -> None:
    # Nothing Sphinx writes depends on it: the pages and errcodes.json are written anew by every build.
    app.add_config_value("errcodes_code_urls", False, "", types=frozenset({bool}))


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
    if _PLAIN.fullmatch(code) and not _is_device(code):
        return code
    name = "".join(character if _SAFE.fullmatch(character) else _escaped(character) for character in code)
    if name.startswith("."):
        name = "~2E" + name[1:]
    if name.endswith("."):
        name = name[:-1] + "~2E"
    if _is_device(name):
        name = _escaped(name[0]) + name[1:]
    if len(name) > LONGEST_NAME:
        name = f"{name[:_KEPT_OF_LONG_NAME]}~~{hashlib.sha256(code.encode('utf-8')).hexdigest()[:32]}"
    return name


def _is_device(name: str) -> bool:
    return name.split(".", 1)[0].upper() in _WINDOWS_DEVICES


def _escaped(character: str) -> str:
    return "".join(f"~{byte:02X}" for byte in character.encode("utf-8"))


class Layout(NamedTuple):
    """How a builder lays out a page that is not a document: its URL and its file, each the page's name and this."""

    url_suffix: str  # ".html", or "/" under dirhtml (html_link_suffix when set)
    file_suffix: str  # ".html", or "/index.html" under dirhtml


def layout_of(builder: Builder) -> Layout:
    """Asked of the builder once, for a name of no document: naming 10,000 pages one by one costs more than writing them."""
    return Layout(url_of_page(builder, _PROBE).removeprefix(_PROBE), file_of_page(builder, _PROBE).removeprefix(_PROBE))


def code_page_url(docname: str, catalog: str, code: str, layout: Layout) -> str:
    """The URL of a code's page, relative to the output root (``code/36.html``, ``code/36/`` under dirhtml)."""
    return _code_folder(posixpath.dirname(docname), catalog) + code_filename(code) + layout.url_suffix


def _code_folder(folder: str, catalog: str) -> str:
    within = CODE_FOLDER if catalog == DEFAULT else f"{CODE_FOLDER}/{catalog}"
    return f"{folder}/{within}/" if folder else f"{within}/"


def code_urls(builder: Builder, domain: ErrorCodesDomain, catalog: str) -> dict[str, str]:
    """code -> the URL of its page, relative to the output root, for the codes of a catalog."""
    layout = layout_of(builder)
    return {code: code_page_url(place.docname, catalog, code, layout) for code, place in domain.placed[catalog].items()}


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


def code_pages(app: Sphinx, old_folders: set[str] = frozenset()) -> dict[str, str]:
    """file -> HTML of every code's page, relative to the output root.

    ``old_folders`` are folders of moved reference pages (see redirects.py):
    the pages of every code are written there too, leading to where each
    code is now.
    """
    if not app.config.errcodes_code_urls:
        return {}
    builder = app.builder
    domain: ErrorCodesDomain = app.env.domains[ErrorCodesDomain.name]
    _warn_names_equal_but_for_case(app, domain)
    layout = layout_of(builder)
    base = app.config.html_baseurl.rstrip("/") + "/" if app.config.html_baseurl else ""
    write = PageWriter(app.config.language)
    entry_pages: dict[tuple[str, str], str] = {}  # (code folder, docname) -> the link from the folder's code pages to the document
    pages: dict[str, str] = {}
    for catalog, code, place in ((catalog, code, place) for catalog, codes in domain.placed.items() for code, place in codes.items()):
        docname, error_code = place.docname, place.code
        name = code_filename(code)
        for folder in {posixpath.dirname(docname), *old_folders}:
            code_folder = _code_folder(folder, catalog)
            if (code_folder, docname) not in entry_pages:
                entry_pages[code_folder, docname] = relative_url(code_folder + _PROBE + layout.url_suffix, page_url(builder, docname))
            pagename = code_folder + name
            if pagename in app.env.all_docs:
                logger.warning(
                    __("errcodes_code_urls: the page of code %s would be written over the document %s; rename the document"),
                    code,
                    pagename,
                    type="errcodes",
                    subtype="code-url",
                )
                continue
            entry = f"{entry_pages[code_folder, docname]}#{place.anchor}"
            absolute = base + target_uri(builder, None, docname, place.anchor) if base else ""
            pages[pagename + layout.file_suffix] = write(error_code, entry, absolute)
    return pages


class PageWriter:
    """The tiny page of a code, its fixed parts made once for all codes."""

    def __init__(self, language: str | None) -> None:
        self.head = f'<!DOCTYPE html>\n<html lang="{escape(html_language(language))}">\n<head>\n<meta charset="utf-8">\n{GENERATOR}\n<meta name="robots" content="noindex">\n'
        self.title = _("Error code %s: %s")
        self.title_without_message = _("Error code %s")

    def __call__(self, code: ErrorCode, entry: str, absolute_entry: str) -> str:
        """``entry`` is the link to the code's entry from its page; ``absolute_entry`` the entry's URL with html_baseurl, if set."""
        href = escape(entry)
        title = self.title % (code.code, code.description) if code.description else self.title_without_message % code.code
        return (
            f"{self.head}"
            f'<meta http-equiv="refresh" content="0; url={href}">\n'
            f'<link rel="canonical" href="{escape(absolute_entry) or href}">\n'
            f"<title>{escape(title)}</title>\n"
            "</head>\n<body>\n"
            f'<p><a href="{href}"><code>{escape(code.code)}</code> {escape(code.description)}</a></p>\n'
            "</body>\n</html>\n"
        )


def html_language(language: str | None) -> str:
    """The ``lang`` of a page, as Sphinx writes it: ``zh-CN`` for the setting ``zh_CN``."""
    return (language or "en").replace("_", "-")


def _warn_names_equal_but_for_case(app: Sphinx, domain: ErrorCodesDomain) -> None:
    """Two codes whose pages differ only in case are one file where case is ignored (Windows, macOS)."""
    paths = catalog_paths(app.config)
    for catalog, codes in domain.placed.items():
        seen: dict[tuple[str, str], str] = {}
        for code, place in sorted(codes.items(), key=lambda item: item[1].code.line):
            key = (posixpath.dirname(place.docname).lower(), code_filename(code).lower())
            if key in seen:
                logger.warning(
                    __("errcodes_code_urls: codes %s and %s differ only in case, so their pages are one file on a file system that ignores case (Windows, macOS): build on another, or rename one code"),
                    seen[key],
                    code,
                    location=f"{paths[catalog]}:{place.code.line}" if catalog in paths and place.code.line else None,
                    type="errcodes",
                    subtype="code-url",
                )
            else:
                seen[key] = code
