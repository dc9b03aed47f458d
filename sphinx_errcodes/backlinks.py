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

from sphinx_errcodes.domain import ErrorCodesDomain, with_one_anchor
from sphinx_errcodes.nodes import error_code_list


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


def backlinks_from(builder: Builder, domain: ErrorCodesDomain, fromdocname: str | None) -> tuple[dict[str, list[tuple[str, str]]], dict[str, list[tuple[str, str]]]]:
    """code -> [(href, section title)] of the sections that mention it, and of those that return it.

    In document order, without repeats or the code's own page; a section that
    returns a code is not also listed as mentioning it. A section title that
    two linked pages share ("Retrying") is followed by its page's title, so
    that the reader can tell the links apart.
    """
    found: dict[tuple[str, bool], list[tuple[str, str, str]]] = {}
    for docname in sorted(domain.references):
        for reference in domain.references[docname]:
            target = domain.find(reference.code)  # a role may name the code by its name
            # The page that shows a code does not list itself, whatever page the list is for.
            if target is None or not reference.listed or target[0] == docname:
                continue
            link = (target_uri(builder, fromdocname, docname, reference.section_id), reference.section_title, reference.page_title)
            links = found.setdefault((target[1].code, reference.returned), [])
            if link not in links:
                links.append(link)
    mentioned: dict[str, list[tuple[str, str]]] = {}
    returned: dict[str, list[tuple[str, str]]] = {}
    for (code, is_returned), links in found.items():
        if not is_returned:
            links = [link for link in links if link not in found.get((code, True), [])]
        if links:
            titles = Counter(title for _, title, _ in links)
            (returned if is_returned else mentioned)[code] = [(href, f"{title} ({page_title})" if titles[title] > 1 else title) for href, title, page_title in links]
    return mentioned, returned


def add_backlinks(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    lists = list(doctree.findall(error_code_list))
    if not lists or not app.config.errcodes_backlinks:
        return
    mentioned, returned = backlinks_from(app.builder, app.env.domains[ErrorCodesDomain.name], docname)
    for node in lists:
        codes = [entry.code.code for entry in node["entries"]]
        node["backlinks"] = {code: mentioned[code] for code in codes if code in mentioned}
        node["returned_by"] = {code: returned[code] for code in codes if code in returned}


def remember_references(app: Sphinx, env: BuildEnvironment, added, changed, removed) -> list[str]:
    domain: ErrorCodesDomain = env.domains[ErrorCodesDomain.name]
    domain.references_before_reading = dict(domain.references)
    return []


def reference_pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """The reference page shows backlinks, so it is rewritten when they changed."""
    domain: ErrorCodesDomain = env.domains[ErrorCodesDomain.name]
    if app.config.errcodes_backlinks and domain.references != domain.references_before_reading:
        return sorted(domain.documents_with_codes())
    return []
