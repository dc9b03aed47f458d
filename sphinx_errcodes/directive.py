"""The ``error-codes`` directive: the whole catalog, one section per category."""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sphinx_errcodes.catalog import ErrorCode, SharedMessage, codes_sharing_description, group_by_category, read_catalog
from sphinx_errcodes.nodes import make_error_code_list

logger = logging.getLogger(__name__)


class ErrorCodesDirective(SphinxDirective):
    """Render every code of ``errcodes_file``."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        if not self.config.errcodes_file:
            logger.warning(
                "the error-codes directive needs a catalog: set errcodes_file in conf.py",
                location=self.get_location(),
                type="errcodes",
                subtype="config",
            )
            return []
        path = Path(self.config.errcodes_file)
        self.env.note_dependency(path)
        codes, problems = read_catalog(path)
        for problem in problems:
            # A problem of the whole file (it is missing, say) comes from the setting that names it.
            message = problem.message if problem.line else f"{problem.message} (errcodes_file in conf.py)"
            logger.warning(
                message,
                location=problem.location if problem.line else self.get_location(),
                type="errcodes",
                subtype="catalog",
            )
        self.env.domains["errcodes"].note_codes(codes, self.env.docname, location=self.get_location())
        shared = codes_sharing_description(codes)
        return [_section(category, members, anchor, shared) for (category, members), anchor in _with_anchors(group_by_category(codes))]


def _section(category: str, codes: list[ErrorCode], anchor: str, shared: dict[str, SharedMessage]) -> nodes.section:
    section = nodes.section(ids=[anchor], classes=["errcodes-category"])
    section += nodes.title(category, category)
    section += addnodes.index(entries=[entry for code in codes for entry in _index_entries(code)])
    section += make_error_code_list(codes, shared)
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


def _index_entries(code: ErrorCode) -> list[tuple[str, str, str, str, None]]:
    """A code is found in the general index and the search page by its number and by its message.

    They are main entries: this is where the code is defined, and the search
    page ranks hits on main entries with the best, above full-text hits that
    only know the page. The message's sub-entry is the bare code, which the
    search page matches exactly (``-99`` too, which its object search cannot
    tell from ``99``).
    """
    entries = [("single", f"{code.code} (error code)", code.anchor, "main", None)]
    if code.description:
        entries.append(("single", f"{code.description}; {code.code}", code.anchor, "main", None))
    return entries
