"""The ``error-codes`` directive: a catalog (or some of its categories), one section per category.

The catalogs themselves are configured in :mod:`sphinx_errcodes.catalogs`.

Configuration (``conf.py``):

``errcodes_extra_columns`` (default ``{}``)
    The project's own columns of the catalog, each with its label:
    ``{"owner": "Owning team"}``.
"""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util import logging
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.docutils import SphinxDirective

from sphinx_errcodes.catalog import BUILT_IN_COLUMNS, ErrorCode, anchor_for, codes_sharing_description, group_by_category, read_catalog
from sphinx_errcodes.catalogs import DEFAULT, catalog_paths, site_default_catalog
from sphinx_errcodes.changes import warn_incompatible_changes
from sphinx_errcodes.domain import Category, Rendering
from sphinx_errcodes.explanations import explanation_files, explanations_of
from sphinx_errcodes.nodes import Entry, error_code_list_of, exactly_as_written
from sphinx_errcodes.translated import messages_for_extraction, translated, translation_of
from sphinx_errcodes.translation import __

logger = logging.getLogger(__name__)


def setup_directive(app: Sphinx) -> None:
    app.add_config_value("errcodes_extra_columns", {}, "env", types=frozenset({dict}))
    # After Sphinx has checked the setting's type (priority 800), and said so when it is wrong.
    app.connect("config-inited", check_extra_columns, priority=810)
    app.add_directive("error-codes", ErrorCodesDirective)


def check_extra_columns(app: Sphinx, config: Config) -> None:
    """Keep the declarations that can be columns: a lower-case name that no built-in column has, and a text label."""
    declared = config.errcodes_extra_columns
    if not isinstance(declared, dict):  # Sphinx has said so
        config.errcodes_extra_columns = {}
        return
    kept = {}
    for name, label in declared.items():
        if not isinstance(name, str) or not isinstance(label, str) or not name.strip() or not label.strip():
            problem = __("give each column a name and a label, both text, such as {'owner': 'Owning team'}")
        elif name.strip().lower() in BUILT_IN_COLUMNS:
            problem = __("%r is a built-in column; give your column another name") % name
        elif name.strip().lower() in kept:
            problem = __("the column %r is declared more than once (names are not case-sensitive); keep one") % name.strip().lower()
        else:
            kept[name.strip().lower()] = label.strip()
            continue
        logger.warning(__("errcodes_extra_columns: %r: %s"), name, problem, type="errcodes", subtype="config")
    config.errcodes_extra_columns = kept


def _anchor_prefix(text: str) -> str:
    prefix = text.strip()
    if not prefix or nodes.make_id(prefix) != prefix:
        raise ValueError(__("an anchor prefix is lower-case letters, digits and '-', such as 'futures'"))
    return prefix


def _prefixed(prefix: str, anchor: str) -> str:
    return f"{prefix}-{anchor}" if prefix else anchor


class ErrorCodesDirective(SphinxDirective):
    """Render a catalog: ``.. error-codes:: futures``, or the site's default catalog without an argument.

    ``:categories:`` renders only those (separated by commas or line
    breaks; a line that is a category's name is taken whole), so that a
    catalog may be split over pages; ``:anchor-prefix:``
    lets two catalogs share a page.
    """

    has_content = False
    optional_arguments = 1
    option_spec = {"categories": directives.unchanged_required, "anchor-prefix": _anchor_prefix}

    def run(self) -> list[nodes.Node]:
        catalogs = catalog_paths(self.config)
        catalog = self.arguments[0] if self.arguments else site_default_catalog(self.config)
        if not catalogs:
            self._warn(__("the error-codes directive needs a catalog: set errcodes_file (or errcodes_catalogs) in conf.py to the path of a CSV file"), "config")
            return []
        if catalog is None:
            self._warn(__("this site has several catalogs (%s): name the one to render, such as '.. error-codes:: %s'") % (", ".join(catalogs), next(iter(catalogs))), "config")
            return []
        if catalog not in catalogs:
            self._warn(__("no catalog is named %r: the catalogs of errcodes_file and errcodes_catalogs are %s") % (catalog, ", ".join(catalogs)), "config")
            return []
        domain = self.env.domains["errcodes"]
        docname = self.env.docname
        prefix = self.options.get("anchor-prefix", "")
        path = catalogs[catalog]
        self.env.note_dependency(path)
        codes, problems = read_catalog(path, self.config.errcodes_extra_columns)
        groups = group_by_category(codes)
        anchored = list(_with_anchors(groups, prefix))
        # A file that cannot be read has no categories to check, nor codes to compare.
        unreadable = not codes and any(not problem.line for problem in problems)
        wanted = self._categories([title for title, _members in groups], catalog, unreadable)
        if wanted is not None:
            anchored = sorted((item for item in anchored if item[0][0] in wanted), key=lambda item: wanted.index(item[0][0]))
        # A catalog split over pages is reported once: by the page that renders its first category.
        reports = wanted is None or not groups or groups[0][0] in wanted
        if reports:
            self._report(problems, catalog)
            if not unreadable:
                warn_incompatible_changes(self, catalog, codes)
        if self._clashes(domain.renderings_on(docname), catalog, prefix, [title for (title, _members), _anchor in anchored]):
            return []
        shared = codes_sharing_description(codes)
        # Anchors and everything else above are worked out from the catalog as written, whatever the language.
        translate = translation_of(self.env, docname)
        categories = [
            Category(
                title,
                translate(title) if translate else title,
                anchor,
                [Entry(translated(code, translate), shared.get(code.code), _prefixed(prefix, anchor_for(code.code))) for code in members],
            )
            for (title, members), anchor in anchored
        ]
        rendering = Rendering(self.lineno, catalog, categories, prefix, tuple(title for title, _ in groups))
        # Noted before the explanations are parsed: one that holds this directive is told the page has it.
        domain.note_rendering(docname, rendering)
        anchors = {entry.code.code: entry.anchor for category in categories for entry in category.entries}
        explanations = explanations_of(self, catalog, codes, anchors, reports)
        explained = rendering._replace(explained=frozenset(explanations), explanation_files=explanation_files(self.config, catalog))
        domain.note_rendering(docname, explained, replacing=rendering)
        # Every list of the catalog sizes its code column alike, so that the messages line up.
        widths = (max((len(code.code) for code in codes), default=0), max((len(code.fields.get("name", "")) for code in codes), default=0))
        sections = []
        for category, ((_title, written), _anchor) in zip(categories, anchored):
            section = _section(category, written, catalog, widths, explanations)
            section += messages_for_extraction(self.env, path, written)
            sections.append(section)
        return sections

    def _clashes(self, earlier: list[Rendering], catalog: str, prefix: str, titles: list[str]) -> bool:
        """Whether an earlier directive on the page renders entries with the same anchors; the build is told so."""
        for rendering in earlier:
            if rendering.prefix != prefix:
                continue
            if rendering.catalog != catalog:
                self._warn(
                    __("catalog %s is rendered on this page at line %d with the same anchors; give each error-codes directive its own :anchor-prefix:")
                    % (rendering.catalog, rendering.line),
                    "duplicate",
                )
                return True
            if {category.name for category in rendering.categories} & set(titles):
                self._warn(__("the catalog is already rendered on this page, at line %d; remove this error-codes directive") % rendering.line, "duplicate")
                return True
        return False

    def _categories(self, titles: list[str], catalog: str, unreadable: bool) -> list[str] | None:
        """The categories that ``:categories:`` names, in its order; ``None`` without the option (every one)."""
        if "categories" not in self.options:
            return None
        # A line that is a category's name is taken whole, so that a name with a comma can be given.
        named = [part.strip() for line in self.options["categories"].splitlines() for part in ([line] if line.strip() in titles else line.split(","))]
        wanted = []
        for title in filter(None, named):
            if title in titles:
                wanted += [title] if title not in wanted else []
            elif not unreadable:
                self._warn(__("catalog %s has no category %r; its categories are %s") % (catalog, title, ", ".join(map(repr, titles))), "categories")
        return wanted

    def _report(self, problems, catalog: str) -> None:
        setting = "errcodes_file" if catalog == DEFAULT else f"errcodes_catalogs[{catalog!r}]"
        for problem in problems:
            # A problem of the whole file (it is missing, say) comes from the setting that names it.
            logger.warning(
                problem.message if problem.line else f"{problem.message} ({setting} in conf.py)",
                location=problem.location if problem.line else self.get_location(),
                type="errcodes",
                subtype="catalog",
            )

    def _warn(self, message: str, subtype: str) -> None:
        logger.warning(message, location=self.get_location(), type="errcodes", subtype=subtype)


def _section(category: Category, written: list[ErrorCode], catalog: str, widths: tuple[int, int], explanations: dict[str, nodes.Element]) -> nodes.section:
    """A category's section; ``written`` are its codes as the catalog has them, whose messages the search finds in any language."""
    section = nodes.section(ids=[category.anchor], classes=["errcodes-category"])
    section += exactly_as_written(nodes.title(category.title, category.title))
    section += addnodes.index(entries=[_index_entry(entry) for entry in category.entries])
    section += error_code_list_of(category.entries, catalog, widths, explanations, [code.description for code in written])
    return section


def _with_anchors(groups, prefix: str):
    """Pair each category with a unique ``category-…`` id, the same on whichever page the category is rendered."""
    taken: set[str] = set()
    for number, group in enumerate(groups, start=1):
        anchor = base = _prefixed(prefix, f"category-{nodes.make_id(group[0]) or number}")
        suffix = 1
        while anchor in taken:
            suffix += 1
            anchor = f"{base}-{suffix}"
        taken.add(anchor)
        yield group, anchor


def _index_entry(entry: Entry) -> tuple[str, str, str, str, None]:
    """A code is found in the general index and the search page by its number and by its message.

    One main entry, the code with its message as sub-entry: Sphinx splits an
    entry at its first ``;`` only, so a message with semicolons stays whole,
    and both parts become search terms. The bare code is matched exactly by
    the search page (``-99`` too, which its object search cannot tell from
    ``99``), and a main entry ranks above full-text hits that only know the page.
    """
    code = entry.code
    text = f"{code.code}; {code.description}" if code.description else code.code
    return ("single", text, entry.anchor, "main", None)
