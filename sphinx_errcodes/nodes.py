"""The doctree node that holds the entries of one category, and what each entry shows.

A catalog of thousands of codes would cost tens of thousands of docutils
nodes to read, pickle, resolve and write. The HTML builders need none of
them: they render :class:`error_code_list` straight to markup (see
:mod:`sphinx_errcodes.html`). Every other builder gets the same entries as
an ordinary definition list, expanded once the doctree is resolved.

What an entry shows besides its code and message, its badges and its notes,
is worked out here once, from the column declarations, for both renderers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from docutils import nodes

from sphinx_errcodes.catalog import ErrorCode, SharedMessage
from sphinx_errcodes.columns import Column
from sphinx_errcodes.translation import _, ngettext


class Entry(NamedTuple):
    code: ErrorCode
    same_message_as: SharedMessage | None
    anchor: str  # the HTML id of the entry: code-36, or futures-code-36 with an anchor prefix

    def related_codes(self, columns: Mapping[str, Column]) -> list[str]:
        """The codes that the entry's notes link to: the same message, see_also, replaced_by."""
        related = list(self.same_message_as.codes) if self.same_message_as else []
        for column in columns.values():
            value = self.code.value(column)
            if column.names_codes and value != column.empty:
                related += column.codes_named(value)
        return related


class Badge(NamedTuple):
    """A short fact beside the code: "HTTP 404 Not Found", "Retryable", "Deprecated"."""

    css: str
    text: str


class Note(NamedTuple):
    """A line under a description: text, and the links that stand in it."""

    kind: str  # the CSS class's end: errcodes-<kind>
    before: str
    links: list[tuple[str, str]]  # (href, text)
    after: str = ""  # after the links ("and 3 more", "instead.")
    separator: str = ", "


class error_code_list(nodes.General, nodes.Element):
    """The codes of one category, in display order.

    ``node['entries']`` holds :class:`Entry` tuples of ``node['catalog']``;
    ``node['backlinks']`` maps a code to the ``(href, title)`` of the
    sections that mention it, ``node['returned_by']`` to those whose
    ``errcodes-returned`` lists it, and ``node['hrefs']`` each code its notes
    name to the URL of its entry, which may be on another page when the
    catalog is split; all three are filled when the page is resolved for a builder. The text child carries
    the descriptions so that the search index (which reads text nodes) finds
    the words of every message.
    """


class error_codes_returned(nodes.General, nodes.Element):
    """The ``errcodes-returned`` directive: ``node['targets']`` are the codes or names as written.

    Replaced by a table when the page is resolved (see :mod:`sphinx_errcodes.returned`).
    """


def error_code_list_of(entries: list[Entry], catalog: str, widths: tuple[int, int], explanations: Mapping[str, nodes.Element], written: list[str]) -> error_code_list:
    """The node of a category; ``widths`` are the lengths of the longest code and name of the whole catalog.

    The explanations of its codes are its children, after the text of the
    messages: as shown, and as ``written`` in the catalog where a translation
    differs, since an API's responses carry those (the search finds both).
    """
    node = error_code_list(classes=["errcodes-list"], entries=entries, catalog=catalog, backlinks={}, returned_by={}, hrefs={}, widths=widths)
    shown = [entry.code.description for entry in entries]
    node += nodes.Text("\n".join([*shown, *(text for text, original in zip(written, shown) if text != original)]))
    node += [explanations[entry.code.code] for entry in entries if entry.code.code in explanations]
    return exactly_as_written(node)


def explanations_in(node: error_code_list) -> dict[str, nodes.Element]:
    """code -> its explanation node, among the children of a category's node."""
    return {child["code"]: child for child in node.children if isinstance(child, nodes.Element) and "code" in child}


def exactly_as_written(node: nodes.Element) -> nodes.Element:
    """Keep catalog text from Sphinx's smart quotes, which would turn ``--`` or ``"`` into typographic characters.

    ``support_smartquotes`` is the attribute Sphinx's SmartQuotes transform
    consults (``sphinx.util.nodes.is_smartquotable``); it has no public API.
    """
    node["support_smartquotes"] = False
    return node


def badges_of(code: ErrorCode, columns: Mapping[str, Column]) -> list[Badge]:
    """The badges beside a code, in the order the columns are declared."""
    badges = []
    for column in columns.values():
        value = code.value(column)
        if column.badge is not None and value != column.empty:
            text = column.badge(value, _)
            if text:
                badges.append(Badge(column.css, text))
    return badges


def notes_of(entry: Entry, columns: Mapping[str, Column], node: error_code_list) -> list[Note]:
    """What every renderer shows under a description, in this order."""
    notes = []
    hrefs = node["hrefs"]
    if entry.same_message_as:
        shared = entry.same_message_as
        hidden = shared.total - len(shared.codes)
        more = ngettext(" and %s more", " and %s more", hidden) % f"{hidden:,}" if hidden else ""
        notes.append(_note("same-message", _("Same message as %s"), _code_links(shared.codes, hrefs), more))
    for column in columns.values():
        value = entry.code.value(column)
        if column.note is not None and value != column.empty:
            text = column.note(value, _)
            if column.names_codes:
                notes.append(_note(column.css.removeprefix("errcodes-"), text, _code_links(column.codes_named(value), hrefs)))
            else:
                notes.append(Note(column.css.removeprefix("errcodes-"), text, []))
    code = entry.code.code
    if code in node["returned_by"]:
        notes.append(_note("returned-by", _("Returned by: %s"), node["returned_by"][code], separator=" \N{MIDDLE DOT} "))
    if code in node["backlinks"]:
        notes.append(_note("backlinks", _("Mentioned in: %s"), node["backlinks"][code], separator=" \N{MIDDLE DOT} "))
    return notes


def _note(kind: str, template: str, links: list[tuple[str, str]], more: str = "", separator: str = ", ") -> Note:
    """A note whose translated template has ``%s`` where its links go."""
    before, _links, after = template.partition("%s")
    return Note(kind, before, links, more + after, separator)


def _code_links(codes, hrefs: Mapping[str, str]) -> list[tuple[str, str]]:
    """Links to codes of the catalog; a code that no page renders (the build has said so) is left out."""
    return [(hrefs[code], code) for code in codes if code in hrefs]


def expand_to_definition_list(node: error_code_list, columns: Mapping[str, Column]) -> nodes.definition_list:
    """The entries as standard docutils nodes, for builders other than HTML."""
    definition_list = nodes.definition_list(classes=node["classes"])
    explanations = explanations_in(node)
    for entry in node["entries"]:
        code = entry.code
        term = nodes.term("", "", nodes.literal(code.code, code.code, classes=["errcodes-code"]), ids=[entry.anchor])
        name = code.value(columns["name"])
        if name:
            term += [nodes.Text(" "), nodes.literal(name, name, classes=["errcodes-name"])]
        for badge in badges_of(code, columns):
            term += [nodes.Text(" "), nodes.inline(badge.text, f"[{badge.text}]", classes=["errcodes-badge", badge.css])]
        definition = nodes.definition("", nodes.paragraph(code.description, code.description))
        if code.code in explanations:
            definition += nodes.container("", *explanations[code.code].children, classes=["errcodes-explanation"])
        for note in notes_of(entry, columns, node):
            paragraph = nodes.paragraph("", note.before, classes=[f"errcodes-{note.kind}"])
            for number, (href, text) in enumerate(note.links):
                if number:
                    paragraph += nodes.Text(note.separator)
                paragraph += _reference(href, text)
            if note.after:
                paragraph += nodes.Text(note.after)
            definition += paragraph
        definition_list += nodes.definition_list_item("", term, definition)
    return definition_list


def _reference(href: str, text: str) -> nodes.reference:
    if href.startswith("#"):
        return nodes.reference(text, text, internal=True, refid=href[1:])
    return nodes.reference(text, text, internal=True, refuri=href)
