"""The reference page's script and stylesheet, and the filter box they drive.

``static/errcodes.css`` styles the entries; ``static/errcodes.js`` adds the
filter box and the "Copy link" buttons. Both are plain files copied to
``_static/`` and linked only from pages that show the catalog (like
``sphinx.ext.mathjax`` does for equations). The page is complete without the
script: the controls are in the markup from the start, so nothing moves when
the script runs, and the stylesheet hides them when scripting is off.

Configuration (``conf.py``):

``errcodes_filter`` (default ``True``)
    Show the filter box above the catalog.
``errcodes_copy_link`` (default ``True``)
    Give every entry a button that copies the link to it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.util.fileutil import copy_asset_file

from sphinx_errcodes.html import makes_website, visit_error_code_filter
from sphinx_errcodes.nodes import error_code_list
from sphinx_errcodes.translation import script_words

STATIC = Path(__file__).parent / "static"


class error_code_filter(nodes.General, nodes.Element):
    """The filter box; ``node['total']`` is the number of codes on the page.

    Added to a resolved doctree for scripted HTML output only, so it is never
    pickled nor seen by another builder.
    """


def setup_assets(app: Sphinx) -> None:
    app.add_config_value("errcodes_filter", True, "html", types=frozenset({bool}))
    app.add_config_value("errcodes_copy_link", True, "html", types=frozenset({bool}))
    app.add_node(error_code_filter, html=(visit_error_code_filter, None))
    app.connect("write-started", copy_static_files)
    app.connect("doctree-resolved", insert_filter)
    app.connect("html-page-context", link_assets)


def copy_static_files(app: Sphinx, builder: Builder) -> None:
    """Copy the script and stylesheet to ``_static/`` for the HTML builders.

    Not through ``html_static_path``: changing the user's setting would make
    every rebuild report a changed configuration and rewrite every page.
    Before any page is written, because a page links an asset with a
    ``?v=`` checksum of the copy it finds in the output; copied later, a
    clean build's links would have none and an incremental build's would.
    It is also before EPUB lists the files of its package.
    """
    if not isinstance(builder, StandaloneHTMLBuilder):
        return
    static = Path(builder.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    for path in STATIC.iterdir():
        copy_asset_file(path, static, force=True)


def insert_filter(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Put the filter box right before the first category of the catalog."""
    if not (app.config.errcodes_filter and makes_website(app.builder)):
        return
    lists = list(doctree.findall(error_code_list))
    if not lists:
        return
    first = lists[0].parent if isinstance(lists[0].parent, nodes.section) else lists[0]
    first.parent.insert(first.parent.index(first), error_code_filter(total=sum(len(node["entries"]) for node in lists)))


def link_assets(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None) -> None:
    """Link the stylesheet, and the script if it has work to do, from pages that show codes."""
    if app.builder.format != "html":
        return
    shows_codes = doctree is not None and next(doctree.findall(error_code_list), None) is not None
    if not (shows_codes or app.registry.html_assets_policy == "always"):
        return
    app.builder.add_css_file("errcodes.css")
    if makes_website(app.builder) and (app.config.errcodes_filter or app.config.errcodes_copy_link):
        # The script's words, translated, in an attribute of its own tag: it writes no text of its own.
        app.builder.add_js_file("errcodes.js", defer="defer", **{"data-errcodes-words": script_words(app.config.language)})
