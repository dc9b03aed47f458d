"""HTML for :class:`~sphinx_errcodes.nodes.error_code_list`, written as strings.

Every piece of catalog text passes through :func:`html.escape`: a description
is data, never markup.
"""

from __future__ import annotations

from html import escape

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator

from sphinx_errcodes.catalog import anchor_for


def visit_error_code_list(translator: HTML5Translator, node: nodes.Element) -> None:
    permalink = _permalink_template(translator)
    entries = [
        f'<div class="errcodes-entry" id="{escape(anchor_for(code))}">'
        f'<dt><code class="errcodes-code">{escape(code)}</code>'
        f"{permalink.format(anchor=escape(anchor_for(code)))}</dt>"
        f'<dd class="errcodes-description">{escape(description)}</dd>'
        "</div>\n"
        for code, description in node["codes"]
    ]
    classes = escape(" ".join(node["classes"]))
    translator.body.append(f'<dl class="{classes}">\n{"".join(entries)}</dl>\n')
    raise nodes.SkipNode


def _permalink_template(translator: HTML5Translator) -> str:
    """The ``¶`` link of an entry, as Sphinx writes it for headings."""
    if not (translator.config.html_permalinks and translator.builder.add_permalinks):
        return ""
    title = "Link to this code"
    icon = translator.config.html_permalinks_icon.replace("{", "{{").replace("}", "}}")
    return f'<a class="headerlink" href="#{{anchor}}" title="{title}">{icon}</a>'
