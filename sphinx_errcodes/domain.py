"""The ``errcodes`` domain: codes as Sphinx objects, and the ``:errcode:`` role.

Registering each code as a domain object is what puts it in ``objects.inv``
(for intersphinx), in the general index and in the search page's object
results, which link straight to the code's anchor.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Set
from typing import Any, NamedTuple

from docutils import nodes
from sphinx import addnodes
from sphinx.domains import Domain, ObjType
from sphinx.roles import XRefRole
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from sphinx_errcodes.catalog import ErrorCode
from sphinx_errcodes.nodes import Entry, error_codes_returned
from sphinx_errcodes.translation import __

logger = logging.getLogger(__name__)


class Reference(NamedTuple):
    """A place where a page links to a code.

    The titles are taken when the page is read, so that a renamed section or
    page changes the references and the reference page is rewritten.
    """

    code: str
    section_id: str  # "" for text outside any section: the link goes to the page
    section_title: str
    page_title: str
    returned: bool = False  # listed by errcodes-returned, not only mentioned
    listed: bool = True  # False for an errcodes-returned table with :no-index:, which only follows the catalog


class Category(NamedTuple):
    title: str
    anchor: str
    entries: list[Entry]


class Rendering(NamedTuple):
    """What one ``error-codes`` directive renders, in page order, and where it stands.

    Worked out once when the page is read; the page and errcodes.json both
    follow it.
    """

    line: int
    categories: list[Category]
    explained: frozenset[str] = frozenset()  # the codes with an explanation, which lives in the page's doctree
    explanation_files: tuple[str, ...] = ()  # the folder's files when the page was read; another set re-reads it

    def codes(self) -> Iterator[ErrorCode]:
        return (entry.code for category in self.categories for entry in category.entries)


class ErrorCodeRole(XRefRole):
    """``:errcode:`36```, ``:errcode:`ENOENT``` (a code's name) and ``:errcode:`text <36>```.

    The code is shown in code font; text of the writer's own as ordinary text.
    """

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        self.refdomain, self.reftype = "errcodes", "code"
        if self.has_explicit_title:
            self.classes, self.innernodeclass = ["xref", "errcodes"], nodes.inline
        else:
            self.classes, self.innernodeclass = ["xref", "errcodes", "errcodes-code"], nodes.literal
        return self.create_non_xref_node() if self.disabled else self.create_xref_node()


class RoleLines(SphinxTransform):
    """Point each ``:errcode:`` at its own line, not at the first line of its paragraph as docutils does."""

    # Before the domains read the references (850).
    default_priority = 840

    def apply(self, **kwargs) -> None:
        searched_up_to: dict[int, int] = {}  # id of a paragraph -> where the next role of it is looked for
        for node in self.document.findall(addnodes.pending_xref):
            block = node.parent
            if node.get("refdomain") != ErrorCodesDomain.name or not isinstance(block, nodes.TextElement) or block.line is None:
                continue
            at = block.rawsource.find(node.rawsource, searched_up_to.get(id(block), 0))
            if at >= 0:
                searched_up_to[id(block)] = at + len(node.rawsource)
                node.line = block.line + block.rawsource.count("\n", 0, at)


class ErrorCodesDomain(Domain):
    name = "errcodes"
    # Search results name an object "<label> <type>": "Error code".
    label = "Error"
    object_types = {"code": ObjType("code", "code")}
    roles = {"code": ErrorCodeRole(warn_dangling=True)}
    initial_data: dict[str, Any] = {
        "renderings": {},  # docname -> Rendering: what each page renders
        "references": {},  # docname -> [Reference]
    }
    data_version = 3

    def __init__(self, env) -> None:
        super().__init__(env)
        # What the references were before this build read anything; see backlinks.py.
        self.references_before_reading: dict[str, list[Reference]] = dict(self.references)
        self._codes: dict[str, tuple[str, ErrorCode]] | None = None
        self._names: dict[str, str] = {}

    @property
    def renderings(self) -> dict[str, Rendering]:
        return self.data["renderings"]

    @property
    def references(self) -> dict[str, list[Reference]]:
        return self.data["references"]

    @property
    def codes(self) -> dict[str, tuple[str, ErrorCode]]:
        """code -> (docname, ErrorCode) of the page its links go to.

        Derived from :attr:`renderings` whenever they change, so that it never
        depends on the order in which pages were read, cleared or merged: a
        code that several pages render belongs to the first of them by name.
        """
        if self._codes is None:
            self._codes = {}
            for docname in sorted(self.renderings, reverse=True):
                self._codes.update((code.code, (docname, code)) for code in self.renderings[docname].codes())
            self._names = {code.fields["name"]: code.code for _docname, code in self._codes.values() if "name" in code.fields}
        return self._codes

    def find(self, target: str) -> tuple[str, ErrorCode] | None:
        """(docname, ErrorCode) of a code, given the code or its name."""
        found = self.codes.get(target)
        if found is None and target in self._names:
            found = self.codes[self._names[target]]
        return found

    def note_rendering(self, docname: str, rendering: Rendering) -> None:
        """Register what a page renders; a page renders the catalog once."""
        self.renderings[docname] = rendering
        self._codes = None

    def rendering_on(self, docname: str) -> Rendering | None:
        return self.renderings.get(docname)

    def documents_with_codes(self) -> set[str]:
        return set(self.renderings)

    def process_doc(self, env, docname: str, document: nodes.document) -> None:
        page_title = _page_title(document) or docname
        references = []
        for node in document.findall(addnodes.pending_xref):
            if node.get("refdomain") == self.name:
                section_id, section_title = _enclosing_section(node)
                references.append(Reference(node["reftarget"], section_id, section_title or page_title, page_title))
        for node in document.findall(error_codes_returned):
            section_id, section_title = _enclosing_section(node)
            references += [
                Reference(target, section_id, section_title or page_title, page_title, returned=True, listed=not node["no_index"]) for target in node["targets"]
            ]
        if references:
            self.references[docname] = references

    def clear_doc(self, docname: str) -> None:
        if self.renderings.pop(docname, None) is not None:
            self._codes = None
        self.references.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for key in ("renderings", "references"):
            self.data[key].update((docname, value) for docname, value in otherdata[key].items() if docname in docnames)
        self._codes = None

    def check_consistency(self) -> None:
        """A code rendered on several pages: its links go to the first, the others are told so."""
        for docname in sorted(self.renderings):
            elsewhere = {code.code: self.codes[code.code][0] for code in self.renderings[docname].codes() if self.codes[code.code][0] != docname}
            if elsewhere:
                logger.warning(
                    __("the catalog is already rendered in %s (codes %s); use the error-codes directive once"),
                    ", ".join(sorted(set(elsewhere.values()))),
                    ", ".join(list(elsewhere)[:5]) + (", …" if len(elsewhere) > 5 else ""),
                    location=(docname, self.renderings[docname].line),
                    type="errcodes",
                    subtype="duplicate",
                )

    def resolve_xref(self, env, fromdocname, builder, typ, target, node, contnode):
        found = self.find(target)
        if found is None:
            return None
        docname, code = found
        if code.fields.get("status") == "retired":
            _warn_retired(code, node)
        return link_to_code(builder, fromdocname, docname, code, contnode)

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):
        refnode = self.resolve_xref(env, fromdocname, builder, "code", target, node, contnode)
        return [] if refnode is None else [("errcodes:code", refnode)]

    def get_objects(self) -> Iterable[tuple[str, str, str, str, str, int]]:
        for code, (docname, error_code) in self.codes.items():
            # Priority -1 keeps the codes of a :nosearch: page out of the search page, not out of objects.inv.
            priority = 1 if is_searchable(self.env, docname) else -1
            yield code, code, "code", docname, error_code.anchor, priority
            if "name" in error_code.fields:
                name = error_code.fields["name"]
                yield name, name, "code", docname, error_code.anchor, priority


def _warn_retired(code: ErrorCode, node: addnodes.pending_xref) -> None:
    """A link to a retired code still works (old pages must), but the writer is told."""
    replacement = code.fields.get("replaced_by")
    logger.warning(
        __("error code %s is retired; link to %s instead") % (code.code, replacement) if replacement else __("error code %s is retired") % code.code,
        location=node,
        type="errcodes",
        subtype="retired",
    )


def is_searchable(env, docname: str) -> bool:
    """Whether a page is meant for the search page, that is has no ``:nosearch:`` field."""
    metadata = env.metadata.get(docname, {})
    return "nosearch" not in metadata and "no-search" not in metadata


def link_to_code(builder, fromdocname: str, docname: str, code: ErrorCode, contnode: nodes.Node) -> nodes.reference:
    """A link from a page to a code's entry, the code's message as its title."""
    refnode = make_refnode(builder, fromdocname, docname, code.anchor, contnode, code.description)
    if "refuri" in refnode:
        refnode["refuri"] = with_one_anchor(refnode["refuri"])
    return refnode


def with_one_anchor(uri: str) -> str:
    """singlehtml addresses documents as "#document-x", so a link gets two anchors; the last one is right."""
    return uri[uri.rindex("#") :] if uri.count("#") > 1 else uri


def _enclosing_section(node: nodes.Node) -> tuple[str, str]:
    """The id and title of the section a reference stands in; empty outside any section."""
    section = node.parent
    while section is not None and not isinstance(section, nodes.section):
        section = section.parent
    if section is None or not section["ids"]:
        return "", ""
    return section["ids"][0], _title_of(section)


def _page_title(document: nodes.document) -> str:
    """A page's title is its first section's title, as Sphinx takes it."""
    section = next(document.findall(nodes.section), None)
    return _title_of(section) if section is not None else ""


def _title_of(section: nodes.section) -> str:
    return section[0].astext() if section.children and isinstance(section[0], nodes.title) else ""


def warn_unknown_code(app, domain: Domain | None, node: addnodes.pending_xref) -> bool | None:
    """Report a code missing from the catalog under our own warning type."""
    if domain is None or domain.name != ErrorCodesDomain.name:
        return None
    report_unknown_code(node["reftarget"], node)
    return True


def report_unknown_code(target: str, location: nodes.Node) -> None:
    logger.warning(
        __("unknown error code %r: it is not in the catalog (errcodes_file) nor in any intersphinx inventory"),
        target,
        location=location,
        type="errcodes",
        subtype="unknown-code",
    )


def documents_to_reread(app, env, added: Set[str], changed: Set[str], removed: Set[str]) -> list[str]:
    """Pages that link to codes follow the catalog: its text is their link titles, its codes their targets."""
    domain: ErrorCodesDomain = env.domains[ErrorCodesDomain.name]
    if added or domain.documents_with_codes() & (set(changed) | set(removed)):
        return list(domain.references)
    return []
