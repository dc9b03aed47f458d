"""The previous release in the build: the guard that keeps published codes, and the ``error-codes-changes`` directive.

Configuration (``conf.py``):

``errcodes_previous`` (default ``None``)
    The ``errcodes.json`` that the previous release published, relative to
    the folder of ``conf.py`` (fetching it is the project's job). The page
    that renders the catalog warns for every incompatible change (see
    :mod:`~sphinx_errcodes.releases`): a published code missing from the
    catalog, a retired code given another meaning. ``error-codes-changes``
    lists every change.

Both files are dependencies of the pages that compare them: editing either
reads those pages again.
"""

from __future__ import annotations

import os
from itertools import groupby
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sphinx_errcodes.catalog import read_catalog
from sphinx_errcodes.directive import catalog_path
from sphinx_errcodes.domain import ErrorCodesDomain, link_to_code
from sphinx_errcodes.releases import Change, compare, described, heading, nothing_changed, problems_of, read_release
from sphinx_errcodes.translation import _, __

logger = logging.getLogger(__name__)


class error_code_changes(nodes.General, nodes.Element):
    """The changes between the previous release and the catalog: ``node['changes']``, a list of :class:`~sphinx_errcodes.releases.Change`.

    Replaced by lists when the page is resolved, once every code's entry is known.
    """


def setup_changes(app: Sphinx) -> None:
    app.add_config_value("errcodes_previous", None, "env", types=frozenset({str, type(Path()), type(None)}))
    app.connect("config-inited", resolve_previous_path, priority=810)
    app.add_directive("error-codes-changes", ErrorCodesChangesDirective)
    app.add_node(error_code_changes)
    app.connect("doctree-read", warn_incompatible_changes)
    # Like the errcodes-returned tables: before the backlinks and the expansion for other builders.
    app.connect("doctree-resolved", make_lists, priority=300)


def resolve_previous_path(app: Sphinx, config: Config) -> None:
    """``errcodes_previous`` is relative to the folder of conf.py, like ``errcodes_file``."""
    value = config.errcodes_previous
    if isinstance(value, (str, os.PathLike)) and os.fspath(value):
        config.errcodes_previous = os.path.normpath(os.path.join(app.confdir, value))
    else:
        config.errcodes_previous = None


def previous_path(config: Config) -> Path | None:
    return Path(config.errcodes_previous) if config.errcodes_previous else None


def warn_incompatible_changes(app: Sphinx, doctree: nodes.document) -> None:
    """On the page that renders the catalog: the previous release's problems, and every incompatible change at the catalog."""
    domain: ErrorCodesDomain = app.env.domains[ErrorCodesDomain.name]
    rendering = domain.rendering_on(app.env.docname)
    previous = previous_path(app.config)
    catalog = catalog_path(app.config)
    if rendering is None or previous is None or catalog is None:
        return
    app.env.note_dependency(previous)
    published, problems = read_release(previous)
    # A problem of a whole file is reported, like the catalog's, at the directive that renders the catalog.
    directive = (app.env.docname, rendering.line)
    for problem in problems:
        logger.warning(__("%s (errcodes_previous in conf.py)") % problem, location=directive, type="errcodes", subtype="previous")
    if published is None:
        return
    current = list(rendering.codes())
    for problem in problems_of(compare(published, current), current, str(catalog), str(previous), __):
        logger.warning(problem.message, location=problem.location if problem.line else directive, type="errcodes", subtype="release")


class ErrorCodesChangesDirective(SphinxDirective):
    """The changes from ``errcodes_previous`` to ``errcodes_file``, by kind."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        previous, catalog = previous_path(self.config), catalog_path(self.config)
        if previous is None or catalog is None:
            setting = "errcodes_previous" if previous is None else "errcodes_file"
            self._warn(__("the error-codes-changes directive compares the previous release with the catalog: set %s in conf.py") % setting, "config")
            return []
        self.env.note_dependency(previous)
        self.env.note_dependency(catalog)
        published, problems = read_release(previous)
        codes, catalog_problems = read_catalog(catalog, self.config.errcodes_extra_columns)
        # A problem of line 0 is one of the whole catalog; the previous release's are all of line 0, and fatal only without codes.
        unreadable = (problems if published is None else []) + [problem for problem in catalog_problems if not problem.line]
        if unreadable:
            # Each file's own problems are reported where the catalog is rendered.
            self._warn(__("the changes cannot be listed: %s") % unreadable[0], "previous")
            return []
        node = error_code_changes(changes=compare(published, codes))
        self.set_source_info(node)
        return [node]

    def _warn(self, message: str, subtype: str) -> None:
        logger.warning(message, location=self.get_location(), type="errcodes", subtype=subtype)


def make_lists(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    domain: ErrorCodesDomain = app.env.domains[ErrorCodesDomain.name]
    for node in list(doctree.findall(error_code_changes)):
        container = nodes.container(classes=["errcodes-changes"])
        if not node["changes"]:
            container += nodes.paragraph("", nothing_changed(_))
        for kind, changes in groupby(node["changes"], key=lambda change: change.kind):
            container += nodes.rubric("", heading(kind, _), classes=["errcodes-changes-heading"])
            container += nodes.bullet_list("", *(_item(app, docname, domain, change) for change in changes), classes=[f"errcodes-changes-{kind.replace('_', '-')}"])
        node.replace_self(container)


def _item(app: Sphinx, docname: str, domain: ErrorCodesDomain, change: Change) -> nodes.list_item:
    """The code, linked to its entry (a deleted code has none), then what changed.

    The links are made here, not through the role: the list may name retired
    codes without the role's warning about them.
    """
    text, replacement = described(change, _)
    paragraph = nodes.paragraph("", "", _code(app, docname, domain, change.code), nodes.Text(f" \N{EM DASH} {text}"))
    if replacement:
        before, _code_here, after = replacement.partition("%s")
        paragraph += [nodes.Text(f" \N{EM DASH} {before}"), _code(app, docname, domain, change.replaced_by), nodes.Text(after)]
    return nodes.list_item("", paragraph)


def _code(app: Sphinx, docname: str, domain: ErrorCodesDomain, code: str) -> nodes.Node:
    literal = nodes.literal(code, code, classes=["errcodes-code"])
    found = domain.find(code)
    if found is None or found[1].code != code:
        return literal
    return link_to_code(app.builder, docname, found[0], found[1], literal)
