"""The previous release in the build: the guard that keeps published codes, and the ``error-codes-changes`` directive.

Configuration (``conf.py``):

``errcodes_previous`` (default ``None``)
    The ``errcodes.json`` that the previous release published, relative to
    the folder of ``conf.py`` (fetching it is the project's job); with
    several catalogs, one file per catalog, ``{"spot": "previous/errcodes-spot.json"}``.
    The directive that renders a catalog warns for every incompatible change (see
    :mod:`~sphinx_errcodes.releases`): a published code missing from the
    catalog, a retired code given another meaning. ``error-codes-changes``
    lists every change.

Both files are dependencies of the pages that compare them: editing either
reads those pages again.
"""

from __future__ import annotations

from itertools import groupby
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sphinx_errcodes.catalog import ErrorCode, read_catalog
from sphinx_errcodes.catalogs import catalog_paths, path_for, resolve_per_catalog, site_default_catalog
from sphinx_errcodes.domain import ErrorCodesDomain, Placed, link_to_code
from sphinx_errcodes.releases import Change, compare, described, heading, nothing_changed, problems_of, read_release
from sphinx_errcodes.translation import _, __

logger = logging.getLogger(__name__)


class error_code_changes(nodes.General, nodes.Element):
    """The changes between the previous release and the catalog: ``node['changes']``, a list of :class:`~sphinx_errcodes.releases.Change`.

    Replaced by lists when the page is resolved, once every code's entry is known.
    """


def setup_changes(app: Sphinx) -> None:
    app.add_config_value("errcodes_previous", None, "env", types=frozenset({str, type(Path()), dict, type(None)}))
    # After the catalogs are known (810).
    app.connect("config-inited", resolve_previous_paths, priority=811)
    app.add_directive("error-codes-changes", ErrorCodesChangesDirective)
    app.add_node(error_code_changes)
    # Like the errcodes-returned tables: before the backlinks and the expansion for other builders.
    app.connect("doctree-resolved", make_lists, priority=300)


def resolve_previous_paths(app: Sphinx, config: Config) -> None:
    """``errcodes_previous`` is relative to the folder of conf.py, like ``errcodes_file``; one per catalog when the site has several."""
    resolve_per_catalog(app, config, "errcodes_previous", "previous/errcodes-spot.json")


def warn_incompatible_changes(directive: SphinxDirective, catalog: str, codes: list[ErrorCode]) -> None:
    """Where a catalog is rendered: the previous release's problems, and every incompatible change at the catalog."""
    previous = path_for(directive.config, "errcodes_previous", catalog)
    if previous is None:
        return
    directive.env.note_dependency(previous)
    published, problems = read_release(previous)
    # A problem of a whole file is reported, like the catalog's, at the directive that renders the catalog.
    for problem in problems:
        logger.warning(__("%s (errcodes_previous in conf.py)") % problem, location=directive.get_location(), type="errcodes", subtype="previous")
    if published is None:
        return
    path = catalog_paths(directive.config)[catalog]
    for problem in problems_of(compare(published, codes), codes, str(path), str(previous), __):
        logger.warning(problem.message, location=problem.location if problem.line else directive.get_location(), type="errcodes", subtype="release")


class ErrorCodesChangesDirective(SphinxDirective):
    """The changes from ``errcodes_previous`` to a catalog (the default one without an argument), by kind."""

    has_content = False
    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        catalog = self.arguments[0] if self.arguments else site_default_catalog(self.config)
        catalogs = catalog_paths(self.config)
        if catalog not in catalogs:
            self._warn(__("the error-codes-changes directive needs a catalog of this site (%s): name one, or set errcodes_file") % (", ".join(catalogs) or __("it has none")), "config")
            return []
        previous, path = path_for(self.config, "errcodes_previous", catalog), catalogs[catalog]
        if previous is None:
            self._warn(__("the error-codes-changes directive compares the previous release with the catalog: set errcodes_previous in conf.py"), "config")
            return []
        self.env.note_dependency(previous)
        self.env.note_dependency(path)
        published, problems = read_release(previous)
        codes, catalog_problems = read_catalog(path, self.config.errcodes_extra_columns)
        # A problem of line 0 is one of the whole catalog; the previous release's are all of line 0, and fatal only without codes.
        unreadable = (problems if published is None else []) + [problem for problem in catalog_problems if not problem.line]
        if unreadable:
            # Each file's own problems are reported where the catalog is rendered.
            self._warn(__("the changes cannot be listed: %s") % unreadable[0], "previous")
            return []
        node = error_code_changes(catalog=catalog, changes=compare(published, codes))
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
            places = domain.placed.get(node["catalog"], {})
            container += nodes.bullet_list("", *(_item(app, docname, places, change) for change in changes), classes=[f"errcodes-changes-{kind.replace('_', '-')}"])
        node.replace_self(container)


def _item(app: Sphinx, docname: str, places: dict[str, Placed], change: Change) -> nodes.list_item:
    """The code, linked to its entry (a deleted code has none), then what changed.

    The links are made here, not through the role: the list may name retired
    codes without the role's warning about them.
    """
    text, replacement = described(change, _)
    paragraph = nodes.paragraph("", "", _code(app, docname, places, change.code), nodes.Text(f" \N{EM DASH} {text}"))
    if replacement:
        before, _code_here, after = replacement.partition("%s")
        paragraph += [nodes.Text(f" \N{EM DASH} {before}"), _code(app, docname, places, change.replaced_by), nodes.Text(after)]
    return nodes.list_item("", paragraph)


def _code(app: Sphinx, docname: str, places: dict[str, Placed], code: str) -> nodes.Node:
    literal = nodes.literal(code, code, classes=["errcodes-code"])
    place = places.get(code)
    return literal if place is None else link_to_code(app.builder, docname, place, literal)
