"""A Sphinx extension that renders a CSV catalog of API error codes.

``setup()`` only wires the parts together; each part lives in its own module.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from sphinx_errcodes.assets import setup_assets
from sphinx_errcodes.catalogs import setup_catalogs
from sphinx_errcodes.columns import columns_with
from sphinx_errcodes.backlinks import reference_pages_to_rewrite, remember_references, resolve_code_lists
from sphinx_errcodes.changes import setup_changes
from sphinx_errcodes.directive import setup_directive
from sphinx_errcodes.domain import ErrorCodeRole, ErrorCodesDomain, RoleLines, documents_to_reread, warn_anchors_shared_on_one_page, warn_unknown_code
from sphinx_errcodes.explanations import setup_explanations
from sphinx_errcodes.export import write_catalog_json
from sphinx_errcodes.html import visit_error_code_list
from sphinx_errcodes.ids import EntriesKeepTheirIds
from sphinx_errcodes.nodes import error_code_list, expand_to_definition_list
from sphinx_errcodes.pages import finish_writing_pages, start_writing_pages
from sphinx_errcodes.redirects import setup_moved_pages
from sphinx_errcodes.rendered import setup_rendered
from sphinx_errcodes.returned import setup_returned
from sphinx_errcodes.search import restore_search_entries
from sphinx_errcodes.translated import catalog_message
from sphinx_errcodes.translation import setup_translation
from sphinx_errcodes.unchanged import setup_unchanged
from sphinx_errcodes.urls import setup_code_urls

__version__ = "0.1.0"


def expand_for_other_builders(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if app.builder.format == "html":
        return
    columns = columns_with(app.config.errcodes_extra_columns)
    for node in list(doctree.findall(error_code_list)):
        node.replace_self(expand_to_definition_list(node, columns))


def setup(app: Sphinx) -> dict:
    setup_translation(app)
    app.add_config_value("errcodes_backlinks", True, "env", types=frozenset({bool}))
    setup_catalogs(app)
    setup_directive(app)
    setup_explanations(app)
    setup_returned(app)
    setup_changes(app)
    setup_code_urls(app)
    setup_moved_pages(app)
    app.add_domain(ErrorCodesDomain)
    app.add_role("errcode", ErrorCodeRole(warn_dangling=True))
    app.add_transform(RoleLines)
    app.add_transform(EntriesKeepTheirIds)
    app.add_node(error_code_list, html=(visit_error_code_list, None))
    # Only for builders that extract messages, which write no page (see translated.py).
    app.add_node(catalog_message)
    # The lists' links first: the expansion for non-HTML builders renders them.
    app.connect("doctree-resolved", resolve_code_lists, priority=400)
    app.connect("doctree-resolved", expand_for_other_builders)
    app.connect("warn-missing-reference", warn_unknown_code)
    app.connect("write-started", warn_anchors_shared_on_one_page)
    app.connect("env-get-outdated", documents_to_reread)
    app.connect("env-get-outdated", remember_references)
    app.connect("env-get-updated", reference_pages_to_rewrite)
    app.connect("html-collect-pages", restore_search_entries)
    app.connect("build-finished", write_catalog_json)
    # Worked out once the sources are read, written beside Sphinx's own writing.
    app.connect("write-started", start_writing_pages)
    app.connect("build-finished", finish_writing_pages)
    setup_unchanged(app)
    setup_rendered(app)
    setup_assets(app)
    return {
        "version": __version__,
        "env_version": ErrorCodesDomain.data_version,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
