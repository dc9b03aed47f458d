"""Backlinks: each entry lists the sections that link to its code.

References are collected per document when it is read (see
:meth:`~sphinx_errcodes.domain.ErrorCodesDomain.process_doc`); here they are
turned into links for the builder at hand, and the reference page is
rewritten whenever they change, even when the page itself did not.
"""

from __future__ import annotations

from collections import Counter

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment

from sphinx_errcodes.columns import columns_with
from sphinx_errcodes.domain import ErrorCodesDomain, with_one_anchor
from sphinx_errcodes.nodes import error_code_list
from sphinx_errcodes.unchanged import note_codes_resolved


def target_uri(builder: Builder, fromdocname: str | None, todocname: str, anchor: str) -> str:
    """Like :func:`sphinx.util.nodes.make_refnode`'s URI; relative to the output root without ``fromdocname``."""
    if fromdocname == todocname:
        return f"#{anchor}"
    page = page_url(builder, todocname) if fromdocname is None else builder.get_relative_uri(fromdocname, todocname)
    return with_one_anchor(f"{page}#{anchor}" if anchor else page)


def page_url(builder: Builder, docname: str) -> str:
    """The URL of the page that shows a document, relative to the output root.

    Sphinx's own target URI is a bare fragment for every document under
    singlehtml, and empty for the root page under dirhtml; neither leads
    anywhere from outside the page.
    """
    uri = builder.get_target_uri(docname)
    if uri.startswith("#"):  # singlehtml: every document is on the root page
        return builder.config.root_doc + builder.out_suffix
    return uri or "./"


Links = dict[tuple[str, str], list[tuple[str, str]]]  # (catalog, code) -> [(href, section title)]


def backlinks_from(builder: Builder, domain: ErrorCodesDomain, fromdocname: str | None) -> tuple[Links, Links]:
    """(catalog, code) -> [(href, section title)] of the sections that mention it, and of those that return it.

    In document order, without repeats or the code's own page; a section that
    returns a code is not also listed as mentioning it. A section title that
    two linked pages share ("Retrying") is followed by its page's title, so
    that the reader can tell the links apart.
    """
    found: dict[tuple[str, str, bool], list[tuple[str, str, str]]] = {}
    for docname in sorted(domain.references):
        for reference in domain.references[docname]:
            place = domain.find(reference.code, docname, reference.catalog)  # as the page's role or table found it
            # The page that shows a code does not list itself, whatever page the list is for.
            if place is None or not reference.listed or place.docname == docname:
                continue
            link = (target_uri(builder, fromdocname, docname, reference.section_id), reference.section_title, reference.page_title)
            links = found.setdefault((place.catalog, place.code.code, reference.returned), [])
            if link not in links:
                links.append(link)
    mentioned: Links = {}
    returned: Links = {}
    for (catalog, code, is_returned), links in found.items():
        if not is_returned:
            links = [link for link in links if link not in found.get((catalog, code, True), [])]
        if links:
            titles = Counter(title for _, title, _ in links)
            (returned if is_returned else mentioned)[catalog, code] = [
                (href, f"{title} ({page_title})" if titles[title] > 1 else title) for href, title, page_title in links
            ]
    return mentioned, returned


def resolve_code_lists(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Fill each category's links for the builder at hand: its backlinks, and the entries its notes name."""
    lists = list(doctree.findall(error_code_list))
    if not lists:
        return
    note_codes_resolved(app)
    domain: ErrorCodesDomain = app.env.domains[ErrorCodesDomain.name]
    columns = columns_with(app.config.errcodes_extra_columns)
    for node in lists:
        places = domain.placed.get(node["catalog"], {})
        for entry in node["entries"]:
            for code in entry.related_codes(columns):
                if code in places:
                    node["hrefs"][code] = target_uri(app.builder, docname, places[code].docname, places[code].anchor)
    if not app.config.errcodes_backlinks:
        return
    mentioned, returned = backlinks_from(app.builder, domain, docname)
    for node in lists:
        keys = [(node["catalog"], entry.code.code) for entry in node["entries"]]
        node["backlinks"] = {code: mentioned[catalog, code] for catalog, code in keys if (catalog, code) in mentioned}
        node["returned_by"] = {code: returned[catalog, code] for catalog, code in keys if (catalog, code) in returned}


def remember_references(app: Sphinx, env: BuildEnvironment, added, changed, removed) -> list[str]:
    domain: ErrorCodesDomain = env.domains[ErrorCodesDomain.name]
    domain.references_before_reading = dict(domain.references)
    domain.renderings_before_reading = dict(domain.renderings)
    return []


def reference_pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """The pages that render codes are rewritten when their backlinks changed, or when a code moved.

    A code moves when a catalog split over pages renders a category elsewhere:
    the notes of the other pages link to it.
    """
    domain: ErrorCodesDomain = env.domains[ErrorCodesDomain.name]
    backlinks_changed = app.config.errcodes_backlinks and domain.references != domain.references_before_reading
    if backlinks_changed or domain.renderings != domain.renderings_before_reading:
        return sorted(domain.documents_with_codes())
    return []
