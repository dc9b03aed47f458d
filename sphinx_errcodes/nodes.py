"""The doctree node that holds the entries of one category.

A catalog of thousands of codes would cost tens of thousands of docutils
nodes to read, pickle, resolve and write. The HTML builders need none of
them: they render :class:`error_code_list` straight to markup (see
:mod:`sphinx_errcodes.html`). Every other builder gets the same entries as
an ordinary definition list, expanded once the doctree is resolved.
"""

from __future__ import annotations

from docutils import nodes

from sphinx_errcodes.catalog import ErrorCode, anchor_for


class error_code_list(nodes.General, nodes.Element):
    """The codes of one category, in display order.

    ``node['codes']`` holds ``(code, description)`` pairs. The text child
    carries the descriptions so that the search index (which reads text
    nodes) finds the words of every message.
    """


def make_error_code_list(codes: list[ErrorCode]) -> error_code_list:
    node = error_code_list(classes=["errcodes-list"], codes=[(code.code, code.description) for code in codes])
    node += nodes.Text("\n".join(code.description for code in codes))
    return node


def expand_to_definition_list(node: error_code_list) -> nodes.definition_list:
    """The entries as standard docutils nodes, for builders other than HTML."""
    definition_list = nodes.definition_list(classes=node["classes"])
    for code, description in node["codes"]:
        term = nodes.term("", "", nodes.literal(code, code, classes=["errcodes-code"]), ids=[anchor_for(code)])
        definition = nodes.definition("", nodes.paragraph(description, description))
        definition_list += nodes.definition_list_item("", term, definition)
    return definition_list
