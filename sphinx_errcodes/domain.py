"""The ``errcodes`` domain: codes as Sphinx objects, and the ``:errcode:`` role.

Registering each code as a domain object is what puts it in ``objects.inv``
(for intersphinx), in the general index and in the search page's object
results, which link straight to the code's anchor.
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from typing import Any, NamedTuple

from docutils import nodes
from sphinx import addnodes
from sphinx.domains import Domain, ObjType
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from sphinx_errcodes.catalog import ErrorCode

logger = logging.getLogger(__name__)


class Reference(NamedTuple):
    """A place where a page links to a code."""

    code: str
    section_id: str
    section_title: str


class ErrorCodeRole(XRefRole):
    """``:errcode:`36``` and ``:errcode:`text <36>```, outside any domain prefix."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        self.refdomain, self.reftype = "errcodes", "code"
        self.classes = ["xref", "errcodes", "errcodes-code"]
        return self.create_non_xref_node() if self.disabled else self.create_xref_node()


class ErrorCodesDomain(Domain):
    name = "errcodes"
    # Search results name an object "<label> <type>": "Error code".
    label = "Error"
    object_types = {"code": ObjType("code", "code")}
    roles = {"code": XRefRole(warn_dangling=True)}
    initial_data: dict[str, Any] = {
        "codes": {},  # code -> (docname, ErrorCode)
        "codes_by_document": {},  # docname -> [code], so clearing a page does not scan the catalog
        "references": {},  # docname -> [Reference]
    }
    data_version = 2

    def __init__(self, env) -> None:
        super().__init__(env)
        # What the references were before this build read anything; see backlinks.py.
        self.references_before_reading: dict[str, list[Reference]] = dict(self.references)

    @property
    def codes(self) -> dict[str, tuple[str, ErrorCode]]:
        return self.data["codes"]

    @property
    def references(self) -> dict[str, list[Reference]]:
        return self.data["references"]

    def note_codes(self, codes: list[ErrorCode], docname: str, location: str) -> None:
        """Register the codes a page renders; a code another page renders already stays there."""
        elsewhere = {code.code: self.codes[code.code][0] for code in codes if code.code in self.codes and self.codes[code.code][0] != docname}
        if elsewhere:
            logger.warning(
                "the catalog is already rendered in %s (codes %s); use the error-codes directive once",
                ", ".join(sorted(set(elsewhere.values()))),
                ", ".join(list(elsewhere)[:5]) + (", …" if len(elsewhere) > 5 else ""),
                location=location,
                type="errcodes",
                subtype="duplicate",
            )
        registered = [code for code in codes if code.code not in elsewhere]
        self.codes.update((code.code, (docname, code)) for code in registered)
        self.data["codes_by_document"].setdefault(docname, []).extend(code.code for code in registered)

    def documents_with_codes(self) -> set[str]:
        return set(self.data["codes_by_document"])

    def process_doc(self, env, docname: str, document: nodes.document) -> None:
        references = [
            Reference(node["reftarget"], *_enclosing_section(node))
            for node in document.findall(addnodes.pending_xref)
            if node.get("refdomain") == self.name
        ]
        if references:
            self.references[docname] = references

    def clear_doc(self, docname: str) -> None:
        for code in self.data["codes_by_document"].pop(docname, ()):
            del self.codes[code]
        self.references.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for code, (docname, error_code) in otherdata["codes"].items():
            if docname in docnames:
                self.codes[code] = (docname, error_code)
        for docname, codes in otherdata["codes_by_document"].items():
            if docname in docnames:
                self.data["codes_by_document"][docname] = codes
        for docname, references in otherdata["references"].items():
            if docname in docnames:
                self.references[docname] = references

    def resolve_xref(self, env, fromdocname, builder, typ, target, node, contnode):
        if target not in self.codes:
            return None
        docname, code = self.codes[target]
        refnode = make_refnode(builder, fromdocname, docname, code.anchor, contnode, code.description)
        if "refuri" in refnode:
            refnode["refuri"] = with_one_anchor(refnode["refuri"])
        return refnode

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):
        refnode = self.resolve_xref(env, fromdocname, builder, "code", target, node, contnode)
        return [] if refnode is None else [("errcodes:code", refnode)]

    def get_objects(self) -> Iterable[tuple[str, str, str, str, str, int]]:
        for code, (docname, error_code) in self.codes.items():
            yield code, code, "code", docname, error_code.anchor, 1


def with_one_anchor(uri: str) -> str:
    """singlehtml addresses documents as "#document-x", so a link gets two anchors; the last one is right."""
    return uri[uri.rindex("#") :] if uri.count("#") > 1 else uri


def _enclosing_section(node: nodes.Node) -> tuple[str, str]:
    """The id and title of the section a reference stands in."""
    section = node.parent
    while section is not None and not isinstance(section, nodes.section):
        section = section.parent
    if section is None or not section["ids"]:
        return "", ""
    title = section[0].astext() if isinstance(section[0], nodes.title) else ""
    return section["ids"][0], title


def warn_unknown_code(app, domain: Domain | None, node: addnodes.pending_xref) -> bool | None:
    """Report a code missing from the catalog under our own warning type."""
    if domain is None or domain.name != ErrorCodesDomain.name:
        return None
    logger.warning(
        "unknown error code %r: it is not in the catalog (errcodes_file) nor in any intersphinx inventory",
        node["reftarget"],
        location=node,
        type="errcodes",
        subtype="unknown-code",
    )
    return True


def documents_to_reread(app, env, added: Set[str], changed: Set[str], removed: Set[str]) -> list[str]:
    """Pages that link to codes follow the catalog: its text is their link titles, its codes their targets."""
    domain: ErrorCodesDomain = env.domains[ErrorCodesDomain.name]
    if added or domain.documents_with_codes() & (set(changed) | set(removed)):
        return list(domain.references)
    return []
