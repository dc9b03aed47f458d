"""HTML for :class:`~sphinx_errcodes.nodes.error_code_list`, written as strings.

Every piece of catalog text passes through :func:`html.escape`: a description
is data, never markup.
"""

from __future__ import annotations

from html import escape

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator

from sphinx_errcodes.catalog import anchor_for
from sphinx_errcodes.nodes import Entry, Note, notes_of


def visit_error_code_list(translator: HTML5Translator, node: nodes.Element) -> None:
    permalink = _permalink_template(translator)
    backlinks = node["backlinks"]
    entries = "".join(_entry(entry, notes_of(entry, backlinks), permalink) for entry in node["entries"])
    classes = escape(" ".join(node["classes"]))
    translator.body.append(f'<dl class="{classes}">\n{entries}</dl>\n')
    raise nodes.SkipNode


def _entry(entry: Entry, notes: list[Note], permalink: str) -> str:
    anchor = escape(anchor_for(entry.code))
    return (
        f'<div class="errcodes-entry" id="{anchor}">'
        f'<dt><code class="errcodes-code">{escape(entry.code)}</code>{permalink.format(anchor=anchor)}</dt>'
        f'<dd><p class="errcodes-description">{escape(entry.description)}</p>{"".join(map(_note, notes))}</dd>'
        "</div>\n"
    )


def _note(note: Note) -> str:
    links = escape(note.separator).join(f'<a href="{escape(href)}">{escape(text)}</a>' for href, text in note.links)
    return f'<p class="errcodes-note errcodes-{note.kind}">{escape(note.label)}{links}</p>'


def _permalink_template(translator: HTML5Translator) -> str:
    """The ``¶`` link of an entry, as Sphinx writes it for headings."""
    if not (translator.config.html_permalinks and translator.builder.add_permalinks):
        return ""
    icon = translator.config.html_permalinks_icon.replace("{", "{{").replace("}", "}}")
    return f'<a class="headerlink" href="#{{anchor}}" title="Link to this code">{icon}</a>'
