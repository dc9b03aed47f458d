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
from sphinx_errcodes.catalogs import CATALOG_CONTEXT, catalog_paths, qualified, site_default_catalog
from sphinx_errcodes.nodes import Entry, error_codes_returned
from sphinx_errcodes.translation import _, __

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
    catalog: str | None = None  # the catalog of the explanation it stands in, which a bare code means


class Category(NamedTuple):
    name: str  # as written in the catalog, which :categories: names
    title: str  # as shown: the name in the page's language
    anchor: str
    entries: list[Entry]


class Rendering(NamedTuple):
    """What one ``error-codes`` directive renders, in page order, and where it stands.

    Worked out once when the page is read; the page and errcodes.json both
    follow it.
    """

    line: int
    catalog: str
    categories: list[Category]
    prefix: str = ""  # the directive's :anchor-prefix:
    all_categories: tuple[str, ...] = ()  # every category of the catalog, rendered here or not
    explained: frozenset[str] = frozenset()  # the codes with an explanation, which lives in the page's doctree
    explanation_files: tuple[str, ...] = ()  # the folder's files when the page was read; another set re-reads it

    def entries(self) -> Iterator[Entry]:
        return (entry for category in self.categories for entry in category.entries)


class Placed(NamedTuple):
    """A code's entry and where it is: its catalog and page."""

    catalog: str
    docname: str
    entry: Entry

    @property
    def code(self) -> ErrorCode:
        return self.entry.code

    @property
    def anchor(self) -> str:
        return self.entry.anchor


class ErrorCodeRole(XRefRole):
    """``:errcode:`36```, ``:errcode:`ENOENT``` (a code's name) and ``:errcode:`text <36>```.

    The code is shown in code font; text of the writer's own as ordinary text.
    """

    def process_link(self, env, refnode, has_explicit_title, title, target):
        refnode[CATALOG_CONTEXT] = env.ref_context.get(CATALOG_CONTEXT)
        return title, target

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
    label = "Error codes"
    object_types = {"code": ObjType("code", "code")}
    roles = {"code": ErrorCodeRole(warn_dangling=True)}
    initial_data: dict[str, Any] = {
        "renderings": {},  # docname -> [Rendering]: what each page renders, in page order
        "references": {},  # docname -> [Reference]
        "revision": "",  # changes with what the files worked out from the catalogs show (see unchanged.py)
    }
    data_version = 6

    def __init__(self, env) -> None:
        super().__init__(env)
        # What the references and renderings were before this build read anything; see backlinks.py.
        self.references_before_reading: dict[str, list[Reference]] = dict(self.references)
        self.renderings_before_reading: dict[str, list[Rendering]] = dict(self.renderings)
        self._placed: dict[str, dict[str, Placed]] | None = None
        self._names: dict[str, dict[str, str]] = {}
        self._objects: list[tuple[str, str, str, str, str, int]] | None = None

    @property
    def renderings(self) -> dict[str, list[Rendering]]:
        return self.data["renderings"]

    @property
    def references(self) -> dict[str, list[Reference]]:
        return self.data["references"]

    @property
    def placed(self) -> dict[str, dict[str, Placed]]:
        """catalog -> code -> the entry its links go to.

        Derived from :attr:`renderings` whenever they change, so that it never
        depends on the order in which pages were read, cleared or merged: a
        code that several pages render belongs to the first of them by name.
        """
        if self._placed is None:
            self._placed, self._objects = {}, None
            for docname in sorted(self.renderings, reverse=True):
                for rendering in reversed(self.renderings[docname]):
                    self._placed.setdefault(rendering.catalog, {}).update(
                        (entry.code.code, Placed(rendering.catalog, docname, entry)) for entry in rendering.entries()
                    )
            self._names = {
                catalog: {place.code.fields["name"]: code for code, place in codes.items() if "name" in place.code.fields} for catalog, codes in self._placed.items()
            }
        return self._placed

    def locate(self, target: str, docname: str, catalog: str | None = None) -> list[Placed]:
        """The entries a code or name written on a page may mean, the right one first.

        ``spot:36`` is code 36 of the catalog spot. A bare ``36`` is looked up
        in ``catalog`` (an explanation's), else in the page's catalog (see
        :func:`page_catalog`); failing that, in every catalog, which may give several.
        """
        named, colon, code = target.partition(":")
        if colon and named in self.placed:
            found = self._in(named, code)
            return [found] if found else []
        first = catalog or self.page_catalog(docname)
        found = self._in(first, target) if first else None
        if found:
            return [found]
        return [place for catalog in sorted(self.placed) if (place := self._in(catalog, target))]

    def find(self, target: str, docname: str, catalog: str | None = None) -> Placed | None:
        found = self.locate(target, docname, catalog)
        return found[0] if found else None

    def _in(self, catalog: str, target: str) -> Placed | None:
        codes = self.placed.get(catalog, {})
        return codes.get(target) or codes.get(self._names[catalog].get(target, "")) if codes else None

    def page_catalog(self, docname: str) -> str | None:
        """The catalog a bare code on a page means: the page's ``:errcodes-catalog:``, the one it renders, or the site's default."""
        named = str(self.env.metadata.get(docname, {}).get("errcodes-catalog", "")).strip()
        if named in self.placed:  # another name is reported by check_consistency
            return named
        rendered = {rendering.catalog for rendering in self.renderings.get(docname, [])}
        if len(rendered) == 1:
            return rendered.pop()
        return site_default_catalog(self.env.config)

    def note_rendering(self, docname: str, rendering: Rendering, replacing: Rendering | None = None) -> None:
        """Register what a directive renders; ``replacing`` the directive's earlier note of itself."""
        renderings = self.renderings.setdefault(docname, [])
        if replacing is not None:
            renderings[renderings.index(replacing)] = rendering
        else:
            renderings.append(rendering)
        self._placed = None

    def renderings_on(self, docname: str) -> list[Rendering]:
        return self.renderings.get(docname, [])

    def documents_with_codes(self) -> set[str]:
        return set(self.renderings)

    def process_doc(self, env, docname: str, document: nodes.document) -> None:
        page_title = _page_title(document) or docname
        references = []
        for node in document.findall(addnodes.pending_xref):
            if node.get("refdomain") == self.name:
                section_id, section_title = _enclosing_section(node)
                references.append(Reference(node["reftarget"], section_id, section_title or page_title, page_title, catalog=node.get(CATALOG_CONTEXT)))
        for node in document.findall(error_codes_returned):
            section_id, section_title = _enclosing_section(node)
            references += [
                Reference(target, section_id, section_title or page_title, page_title, returned=True, listed=not node["no_index"], catalog=node.get(CATALOG_CONTEXT))
                for target in node["targets"]
            ]
        if references:
            self.references[docname] = references

    def clear_doc(self, docname: str) -> None:
        if self.renderings.pop(docname, None) is not None:
            self._placed = None
        self.references.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for key in ("renderings", "references"):
            self.data[key].update((docname, value) for docname, value in otherdata[key].items() if docname in docnames)
        self._placed = None

    def check_consistency(self) -> None:
        """Each category of a catalog is rendered once: a code's links go to its first rendering, the others are told so.

        And when a catalog is split over pages, a category that no page renders is named.
        """
        seen: dict[tuple[str, str], str] = {}  # (catalog, category) -> the page that renders it first
        for docname in sorted(self.renderings):
            for rendering in self.renderings[docname]:
                again = [category.name for category in rendering.categories if (rendering.catalog, category.name) in seen]
                if again:
                    logger.warning(
                        __("catalog %s: the categories %s are already rendered in %s; render each category once"),
                        rendering.catalog,
                        ", ".join(map(repr, again[:5])) + (", …" if len(again) > 5 else ""),
                        ", ".join(sorted({seen[rendering.catalog, title] for title in again})),
                        location=(docname, rendering.line),
                        type="errcodes",
                        subtype="duplicate",
                    )
                for category in rendering.categories:
                    seen.setdefault((rendering.catalog, category.name), docname)
        for catalog, (docname, rendering) in self._first_renderings().items():
            never = [title for title in rendering.all_categories if (catalog, title) not in seen]
            if never:
                unchecked = (
                    __("; until its first category is, the catalog's own problems, its explanations folder and its previous release are not checked")
                    if never[0] == rendering.all_categories[0]
                    else ""
                )
                logger.warning(
                    __("catalog %s: no page renders the categories %s; add them to the :categories: of an error-codes directive%s"),
                    catalog,
                    ", ".join(map(repr, never)),
                    unchecked,
                    location=(docname, rendering.line),
                    type="errcodes",
                    subtype="categories",
                )
        catalogs = catalog_paths(self.env.config)
        for docname in sorted(self.env.metadata):
            named = self.env.metadata[docname].get("errcodes-catalog")
            if named is not None and str(named).strip() not in catalogs:
                logger.warning(
                    __("the field :errcodes-catalog: names %r, which is not a catalog of this site (%s); bare codes on this page are looked up as on any page"),
                    str(named).strip(),
                    ", ".join(catalogs) or __("it has none"),
                    location=docname,
                    type="errcodes",
                    subtype="config",
                )

    def _first_renderings(self) -> dict[str, tuple[str, Rendering]]:
        """catalog -> the page (first by name) and directive that render it first."""
        first: dict[str, tuple[str, Rendering]] = {}
        for docname in sorted(self.renderings):
            for rendering in self.renderings[docname]:
                first.setdefault(rendering.catalog, (docname, rendering))
        return first

    def resolve_xref(self, env, fromdocname, builder, typ, target, node, contnode):
        found = self.locate(target, node.get("refdoc", fromdocname), node.get(CATALOG_CONTEXT))
        if not found:
            return None
        if len(found) > 1:
            logger.warning(
                __("error code %s is in the catalogs %s; write one of %s (this link goes to the first)"),
                target,
                ", ".join(place.catalog for place in found),
                ", ".join(f"{place.catalog}:{target}" for place in found),
                location=node,
                type="errcodes",
                subtype="ambiguous",
            )
        if found[0].code.fields.get("status") == "retired":
            _warn_retired(found[0].code, node)
        return link_to_code(builder, fromdocname, found[0], contnode)

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):
        refnode = self.resolve_xref(env, fromdocname, builder, "code", target, node, contnode)
        return [] if refnode is None else [("errcodes:code", refnode)]

    def get_type_name(self, type: ObjType, primary: bool = False) -> str:
        """What the search page calls a code: one phrase, translated whole, not "<label> <type>" as Sphinx composes it."""
        return _("Error code")

    def get_objects(self) -> Iterable[tuple[str, str, str, str, str, int]]:
        """Every code, and every code's name; listed once for both objects.inv and the search index."""
        placed = self.placed
        if self._objects is None:
            # Priority -1 keeps the codes of a :nosearch: page out of the search page, not out of objects.inv.
            priorities = {docname: 1 if is_searchable(self.env, docname) else -1 for docname in self.renderings}
            self._objects = [
                (qualified(catalog, name), qualified(catalog, name), "code", place.docname, place.anchor, priorities[place.docname])
                for catalog, codes in placed.items()
                for code, place in codes.items()
                for name in (code, place.code.fields.get("name"))
                if name
            ]
        return self._objects


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


def link_to_code(builder, fromdocname: str, place: Placed, contnode: nodes.Node) -> nodes.reference:
    """A link from a page to a code's entry, the code's message as its title."""
    refnode = make_refnode(builder, fromdocname, place.docname, place.anchor, contnode, place.code.description)
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
    report_unknown_code(domain, node["reftarget"], node)
    return True


def report_unknown_code(domain: ErrorCodesDomain, target: str, location: nodes.Node) -> None:
    catalogs = catalog_paths(domain.env.config)
    prefix, colon, _code = target.partition(":")
    if colon and prefix not in catalogs:
        message = __("unknown error code %r: %r is no catalog of this site (%s) nor an intersphinx inventory")
        arguments: tuple = (target, prefix, ", ".join(catalogs) or __("it has none"))
    elif colon and prefix not in domain.placed:
        message, arguments = __("unknown error code %r: no page renders the catalog %s; add '.. error-codes:: %s' to a page"), (target, prefix, prefix)
    else:
        message, arguments = __("unknown error code %r: it is in no catalog of this site nor in any intersphinx inventory"), (target,)
    logger.warning(message, *arguments, location=location, type="errcodes", subtype="unknown-code")


def documents_to_reread(app, env, added: Set[str], changed: Set[str], removed: Set[str]) -> list[str]:
    """Pages that link to codes follow the catalog: its text is their link titles, its codes their targets."""
    domain: ErrorCodesDomain = env.domains[ErrorCodesDomain.name]
    if added or domain.documents_with_codes() & (set(changed) | set(removed)):
        return list(domain.references)
    return []


def warn_anchors_shared_on_one_page(app, builder) -> None:
    """singlehtml puts every document on one page, where two catalogs' entries (code-36 of each) would share an anchor."""
    if builder.name != "singlehtml":
        return
    domain: ErrorCodesDomain = app.env.domains[ErrorCodesDomain.name]
    seen: dict[str, str] = {}
    shared: dict[tuple[str, str], str] = {}  # (catalog, other catalog) -> an anchor both have
    for docname in sorted(domain.renderings):
        for rendering in domain.renderings[docname]:
            for entry in rendering.entries():
                other = seen.setdefault(entry.anchor, rendering.catalog)
                if other != rendering.catalog:
                    shared.setdefault((other, rendering.catalog), entry.anchor)
    for (first, second), anchor in shared.items():
        logger.warning(
            __("singlehtml puts every page on one, where the catalogs %s and %s both have the anchor %s; give their error-codes directives each an :anchor-prefix:"),
            first,
            second,
            anchor,
            type="errcodes",
            subtype="duplicate",
        )
