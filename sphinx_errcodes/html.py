"""HTML for :class:`~sphinx_errcodes.nodes.error_code_list` and the filter box, written as strings.

Every piece of catalog text passes through :func:`html.escape`: a description
is data, never markup. The controls that ``static/errcodes.js`` drives (the
filter box, the "Copy link" buttons) are written here too, so that the page
does not move when the script starts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from html import escape

from docutils import nodes
from sphinx.builders import Builder
from sphinx.writers.html5 import HTML5Translator

from sphinx_errcodes.catalog import ErrorCode
from sphinx_errcodes.columns import Column, columns_with
from sphinx_errcodes.nodes import Entry, Note, badges_of, explanations_in, notes_of
from sphinx_errcodes.rendered import render_explanation
from sphinx_errcodes.translation import _, count_of_codes, fill


def makes_website(builder: Builder) -> bool:
    """HTML meant for a browser, not embedded in EPUB or a help format."""
    return builder.format == "html" and not getattr(builder, "embedded", False)


# A long category is written as consecutive lists of this many entries at
# most, all in one block: the browser lays out only the blocks and lists near
# the viewport (see errcodes.css), which keeps the filter fast on catalogs of
# thousands of codes.
ENTRIES_PER_LIST = 50


def visit_error_code_list(translator: HTML5Translator, node: nodes.Element) -> None:
    controls = _permalink_template(translator) + _copy_button_template(translator)
    columns = columns_with(translator.config.errcodes_extra_columns)
    explanations = explanations_in(node)
    classes = escape(" ".join(node["classes"]))
    code_chars, name_chars = node["widths"]
    sizes = f' style="--errcodes-code-chars: {code_chars}; --errcodes-name-chars: {name_chars}"'
    entries = node["entries"]
    for_website = makes_website(translator.builder)  # whose explanations errcodes.json carries
    # The count sizes the category's entries until the browser lays them out.
    translator.body.append(f'<div class="errcodes-lists" data-errcodes-count="{len(entries)}">\n')
    for start in range(0, len(entries), ENTRIES_PER_LIST):
        part = entries[start : start + ENTRIES_PER_LIST]
        # The count sizes the list until the browser lays it out.
        translator.body.append(f'<dl class="{classes}" data-errcodes-count="{len(part)}"{sizes}>\n')
        for entry in part:
            head, tail = _entry(entry, columns, notes_of(entry, columns, node), controls)
            translator.body.append(head)
            explanation = explanations.get(entry.code.code)
            if explanation is not None and for_website:
                render_explanation(translator, node["catalog"], entry.code.code, explanation)
            elif explanation is not None:
                explanation.walkabout(translator)
            translator.body.append(tail)
        translator.body.append("</dl>\n")
    translator.body.append("</div>\n")
    raise nodes.SkipNode


def _entry(entry: Entry, columns: Mapping[str, Column], notes: list[Note], controls: str) -> tuple[str, str]:
    """The entry's HTML before its explanation, and after it."""
    code = entry.code
    anchor, text = escape(entry.anchor), escape(code.code)
    name = code.value(columns["name"])
    beside = f' <code class="errcodes-name">{_breakable(name)}</code>' if name else ""
    badges = "".join(f' <span class="errcodes-badge {badge.css}">{escape(badge.text)}</span>' for badge in badges_of(code, columns))
    status = code.fields.get("status")
    head = (
        f'<div class="errcodes-entry{f" errcodes-{status}" if status else ""}" id="{anchor}"{_filter_data(code, columns)}>'
        f'<dt><code class="errcodes-code">{_breakable(code.code)}</code>{beside}{badges}{controls.format(anchor=anchor, code=text)}</dt>'
        f'<dd><p class="errcodes-description">{escape(code.description)}</p>'
    )
    return head, f'{"".join(map(_note, notes))}</dd></div>\n'


def _breakable(identifier: str) -> str:
    """An escaped code or name that a phone may break after ``_``, ``.`` or ``-``, where its words meet, and nowhere else."""
    return _WORD_ENDS.sub(r"\1<wbr>", escape(identifier))


_WORD_ENDS = re.compile(r"(?<=.)([_.\-])(?=.)")


def _filter_data(code: ErrorCode, columns: Mapping[str, Column]) -> str:
    """The values the filter box matches besides the visible text, as ``data-`` attributes."""
    attributes = []
    for column in columns.values():
        value = code.value(column)
        if column.filterable and value != column.empty:
            shown = ("yes" if value else "no") if isinstance(value, bool) else str(value)
            attributes.append(f' data-errcodes-{column.name.replace("_", "-")}="{escape(shown)}"')
    return "".join(attributes)


def _note(note: Note) -> str:
    links = escape(note.separator).join(f'<a href="{escape(href)}">{escape(text)}</a>' for href, text in note.links)
    return f'<p class="errcodes-note errcodes-{note.kind}">{escape(note.before)}{links}{escape(note.after)}</p>'


def _permalink_template(translator: HTML5Translator) -> str:
    """The ``¶`` link of an entry, as Sphinx writes it for headings; a template for ``str.format``."""
    if not (translator.config.html_permalinks and translator.builder.add_permalinks):
        return ""
    icon = _literal_in_template(translator.config.html_permalinks_icon)
    title = _literal_in_template(escape(_("Link to this code")))
    return f'<a class="headerlink" href="#{{anchor}}" title="{title}">{icon}</a>'


def _copy_button_template(translator: HTML5Translator) -> str:
    """The "Copy link" button of an entry, for ``errcodes.js``; a template for ``str.format``."""
    if not (translator.config.errcodes_copy_link and makes_website(translator.builder)):
        return ""
    label = _literal_in_template(escape(_("Copy link to code %s"))) % "{code}"
    text = _literal_in_template(escape(_("Copy link")))
    return f'<button type="button" class="errcodes-copy" aria-label="{label}">{text}</button>'


def _literal_in_template(text: str) -> str:
    """Text that ``str.format`` leaves as it is."""
    return text.replace("{", "{{").replace("}", "}}")


def visit_error_code_filter(translator: HTML5Translator, node: nodes.Element) -> None:
    """The filter box: a labelled search field and a live count of the codes shown."""
    label, placeholder = escape(_("Filter codes")), escape(_("A code, a name, or words of its message"))
    # What the status line says before anything is typed; errcodes.js words it the same (see translation.script_words).
    count = escape(fill(count_of_codes(node["total"]), count=node["total"]))
    translator.body.append(
        '<div class="errcodes-filter" role="search" aria-labelledby="errcodes-filter-label">'
        f'<label class="errcodes-filter-label" id="errcodes-filter-label" for="errcodes-filter-input">{label}</label>'
        '<input class="errcodes-filter-input" id="errcodes-filter-input" type="search" autocomplete="off" spellcheck="false"'
        f' placeholder="{placeholder}" aria-describedby="errcodes-filter-status"/>'
        f'<p class="errcodes-filter-status" id="errcodes-filter-status" role="status" aria-live="polite">{count}</p>'
        "</div>\n"
    )
    raise nodes.SkipNode
