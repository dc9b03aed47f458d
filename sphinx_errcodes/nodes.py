"""The doctree node that holds the entries of one category.

A catalog of thousands of codes would cost tens of thousands of docutils
nodes to read, pickle, resolve and write. The HTML builders need none of
them: they render :class:`error_code_list` straight to markup (see
:mod:`sphinx_errcodes.html`). Every other builder gets the same entries as
an ordinary definition list, expanded once the doctree is resolved.
"""

from __future__ import annotations

from typing import NamedTuple

from docutils import nodes

from sphinx_errcodes.catalog import ErrorCode, SharedMessage, anchor_for


class Entry(NamedTuple):
    code: str
    description: str
    same_message_as: SharedMessage | None
    see_also: tuple[str, ...]


class Note(NamedTuple):
    """A line under a description: a label and the links that follow it."""

    kind: str
    label: str
    separator: str
    links: list[tuple[str, str]]  # (href, text)
    more: str = ""  # after the links, when not all of them are shown


class error_code_list(nodes.General, nodes.Element):
    """The codes of one category, in display order.

    ``node['entries']`` holds :class:`Entry` tuples; ``node['backlinks']``
    maps a code to the ``(href, title)`` of the sections that link to it, and
    is filled when the page is resolved for a builder. The text child carries
    the descriptions so that the search index (which reads text nodes) finds
    the words of every message.
    """


def make_error_code_list(codes: list[ErrorCode], shared_descriptions: dict[str, SharedMessage]) -> error_code_list:
    entries = [Entry(code.code, code.description, shared_descriptions.get(code.code), code.see_also) for code in codes]
    node = error_code_list(classes=["errcodes-list"], entries=entries, backlinks={})
    node += nodes.Text("\n".join(code.description for code in codes))
    return exactly_as_written(node)


def exactly_as_written(node: nodes.Element) -> nodes.Element:
    """Keep catalog text from Sphinx's smart quotes, which would turn ``--`` or ``"`` into typographic characters.

    ``support_smartquotes`` is the attribute Sphinx's SmartQuotes transform
    consults (``sphinx.util.nodes.is_smartquotable``); it has no public API.
    """
    node["support_smartquotes"] = False
    return node


def notes_of(entry: Entry, backlinks: dict[str, list[tuple[str, str]]]) -> list[Note]:
    """What every renderer shows under a description, in this order."""
    notes = []
    if entry.same_message_as:
        shared = entry.same_message_as
        hidden = shared.total - len(shared.codes)
        more = f" and {hidden:,} more" if hidden else ""
        notes.append(Note("same-message", "Same message as ", ", ", _code_links(shared.codes), more))
    if entry.see_also:
        notes.append(Note("see-also", "See also: ", ", ", _code_links(entry.see_also)))
    if entry.code in backlinks:
        notes.append(Note("backlinks", "Returned by: ", " \N{MIDDLE DOT} ", backlinks[entry.code]))
    return notes


def _code_links(codes: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(f"#{anchor_for(code)}", code) for code in codes]


def expand_to_definition_list(node: error_code_list) -> nodes.definition_list:
    """The entries as standard docutils nodes, for builders other than HTML."""
    definition_list = nodes.definition_list(classes=node["classes"])
    for entry in node["entries"]:
        term = nodes.term("", "", nodes.literal(entry.code, entry.code, classes=["errcodes-code"]), ids=[anchor_for(entry.code)])
        definition = nodes.definition("", nodes.paragraph(entry.description, entry.description))
        for note in notes_of(entry, node["backlinks"]):
            paragraph = nodes.paragraph("", note.label, classes=[f"errcodes-{note.kind}"])
            for number, (href, text) in enumerate(note.links):
                if number:
                    paragraph += nodes.Text(note.separator)
                paragraph += _reference(href, text)
            if note.more:
                paragraph += nodes.Text(note.more)
            definition += paragraph
        definition_list += nodes.definition_list_item("", term, definition)
    return definition_list


def _reference(href: str, text: str) -> nodes.reference:
    if href.startswith("#"):
        return nodes.reference(text, text, internal=True, refid=href[1:])
    return nodes.reference(text, text, internal=True, refuri=href)
