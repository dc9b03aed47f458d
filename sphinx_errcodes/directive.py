"""The ``error-codes`` directive: the whole catalog, one section per category.

Configuration (``conf.py``):

``errcodes_file`` (default ``None``)
    The CSV catalog, relative to the folder of ``conf.py``.
``errcodes_extra_columns`` (default ``{}``)
    The project's own columns of the catalog, each with its label:
    ``{"owner": "Owning team"}``.
"""

from __future__ import annotations

import os
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.docutils import SphinxDirective

from sphinx_errcodes.catalog import BUILT_IN_COLUMNS, ErrorCode, codes_sharing_description, group_by_category, read_catalog
from sphinx_errcodes.domain import Category, Rendering
from sphinx_errcodes.explanations import explanation_files, explanations_of
from sphinx_errcodes.nodes import Entry, error_code_list_of, exactly_as_written
from sphinx_errcodes.translation import __

logger = logging.getLogger(__name__)


def setup_directive(app: Sphinx) -> None:
    app.add_config_value("errcodes_file", None, "env", types=frozenset({str, type(Path()), type(None)}))
    # After Sphinx has checked the setting's type (priority 800), and said so when it is wrong.
    app.add_config_value("errcodes_extra_columns", {}, "env", types=frozenset({dict}))
    app.connect("config-inited", resolve_catalog_path, priority=810)
    app.connect("config-inited", check_extra_columns, priority=810)
    app.add_directive("error-codes", ErrorCodesDirective)


def resolve_catalog_path(app: Sphinx, config: Config) -> None:
    """``errcodes_file`` is relative to the folder of conf.py, like Sphinx's own path settings."""
    value = config.errcodes_file
    if not isinstance(value, (str, os.PathLike)) or not os.fspath(value):
        return
    if "\x00" in os.fspath(value):
        logger.warning(__("errcodes_file %r contains a NUL character, which no file name can hold; write the path of the CSV catalog"), value, type="errcodes", subtype="config")
        config.errcodes_file = None
        return
    # No look at the file system here: a missing or unreadable catalog is reported where it is read.
    config.errcodes_file = os.path.normpath(os.path.join(app.confdir, value))


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


def catalog_path(config: Config) -> Path | None:
    """The catalog's absolute path; ``None`` when errcodes_file is unset or not a path (Sphinx has said so)."""
    value = config.errcodes_file
    return Path(value) if isinstance(value, str) and value else None


class ErrorCodesDirective(SphinxDirective):
    """Render every code of ``errcodes_file``."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        path = catalog_path(self.config)
        if path is None:
            self._warn(__("the error-codes directive needs a catalog: set errcodes_file in conf.py to the path of a CSV file"), "config")
            return []
        domain = self.env.domains["errcodes"]
        docname = self.env.docname
        earlier = domain.rendering_on(docname)
        if earlier is not None:
            self._warn(__("the catalog is already rendered on this page, at line %d; remove this error-codes directive") % earlier.line, "duplicate")
            return []
        self.env.note_dependency(path)
        codes, problems = read_catalog(path, self.config.errcodes_extra_columns)
        for problem in problems:
            # A problem of the whole file (it is missing, say) comes from the setting that names it.
            message = problem.message if problem.line else f"{problem.message} (errcodes_file in conf.py)"
            logger.warning(
                message,
                location=problem.location if problem.line else self.get_location(),
                type="errcodes",
                subtype="catalog",
            )
        shared = codes_sharing_description(codes)
        # Noted before the explanations are parsed: one that holds this directive is told the page has it.
        domain.note_rendering(docname, Rendering(self.lineno, []))
        explanations = explanations_of(self, codes)
        categories = [
            Category(title, anchor, [Entry(code, shared.get(code.code)) for code in members])
            for (title, members), anchor in _with_anchors(group_by_category(codes))
        ]
        domain.note_rendering(docname, Rendering(self.lineno, categories, frozenset(explanations), explanation_files(self.config)))
        # Every list of the catalog sizes its code column alike, so that the messages line up.
        widths = (max((len(code.code) for code in codes), default=0), max((len(code.fields.get("name", "")) for code in codes), default=0))
        return [_section(category, widths, explanations) for category in categories]

    def _warn(self, message: str, subtype: str) -> None:
        logger.warning(message, location=self.get_location(), type="errcodes", subtype=subtype)


def _section(category: Category, widths: tuple[int, int], explanations: dict[str, nodes.Element]) -> nodes.section:
    section = nodes.section(ids=[category.anchor], classes=["errcodes-category"])
    section += exactly_as_written(nodes.title(category.title, category.title))
    section += addnodes.index(entries=[_index_entry(entry.code) for entry in category.entries])
    section += error_code_list_of(category.entries, widths, explanations)
    return section


def _with_anchors(groups):
    """Pair each category with a unique ``category-…`` id."""
    taken: set[str] = set()
    for number, group in enumerate(groups, start=1):
        anchor = base = f"category-{nodes.make_id(group[0]) or number}"
        suffix = 1
        while anchor in taken:
            suffix += 1
            anchor = f"{base}-{suffix}"
        taken.add(anchor)
        yield group, anchor


def _index_entry(code: ErrorCode) -> tuple[str, str, str, str, None]:
    """A code is found in the general index and the search page by its number and by its message.

    One main entry, the code with its message as sub-entry: Sphinx splits an
    entry at its first ``;`` only, so a message with semicolons stays whole,
    and both parts become search terms. The bare code is matched exactly by
    the search page (``-99`` too, which its object search cannot tell from
    ``99``), and a main entry ranks above full-text hits that only know the page.
    """
    text = f"{code.code}; {code.description}" if code.description else code.code
    return ("single", text, code.anchor, "main", None)
