"""The explanations as the pages show them, kept for ``errcodes.json``.

An explanation is rendered once, when its page is written: its HTML (links
and images relative to the page) and its text go to a file per page in the
doctree folder (``errcodes-explanations/<builder>/<page>.json``), which the
export reads whether the page was written by this build, by a process of a
parallel build, or by an earlier build that this one did not need to redo.
"""

from __future__ import annotations

import json
import weakref
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.locale import admonitionlabels
from sphinx.writers.html5 import HTML5Translator

from sphinx_errcodes.domain import ErrorCodesDomain

Rendered = dict[str, dict[str, dict[str, str]]]  # catalog -> code -> {"html": ..., "text": ...}

# What the pages being written in this process show: builder -> page -> its explanations.
_WRITING: weakref.WeakKeyDictionary[Builder, dict[str, Rendered]] = weakref.WeakKeyDictionary()


def setup_rendered(app: Sphinx) -> None:
    app.connect("html-page-context", keep_page_explanations)


def render_explanation(translator: HTML5Translator, catalog: str, code: str, explanation: nodes.Element) -> None:
    """Write an explanation into a page of a website, and keep what it shows for the page's file."""
    # Before the HTML translator gives each admonition a title node of its own, which the text would then show twice.
    text = _plain_text(explanation)
    body = translator.body
    translator.dispatch_visit(explanation)
    start = len(body)
    for child in explanation.children:
        child.walkabout(translator)
    shown = {"html": "".join(body[start:]).strip(), "text": text}
    translator.dispatch_departure(explanation)
    page = _WRITING.setdefault(translator.builder, {}).setdefault(translator.builder.current_docname, {})
    page.setdefault(catalog, {}).setdefault(code, shown)


def _plain_text(node: nodes.Element) -> str:
    """The text of an explanation, with the title that each admonition is shown with ("Note"), which is no node of its own, and without raw markup."""
    copy = node.deepcopy()
    for raw in list(copy.findall(nodes.raw)):
        raw.parent.remove(raw)  # markup for one builder, not text
    for admonition in copy.findall(nodes.Admonition):
        if admonition.tagname in admonitionlabels:
            admonition.insert(0, nodes.paragraph("", admonitionlabels[admonition.tagname]))
    return copy.astext()


def _file_of(app: Sphinx, page: str) -> Path:
    return Path(app.doctreedir) / "errcodes-explanations" / app.builder.name / f"{page}.json"


def keep_page_explanations(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: nodes.document | None) -> None:
    """Once a page is written: its explanations to its file; a page that shows none any more has none."""
    if doctree is None:
        return
    shown = _WRITING.get(app.builder, {}).pop(pagename, None)
    path = _file_of(app, pagename)
    if shown:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(shown, ensure_ascii=False), encoding="utf-8")
    else:
        path.unlink(missing_ok=True)


def kept_explanations(app: Sphinx, domain: ErrorCodesDomain) -> Rendered:
    """catalog -> code -> the explanation as the page that shows the code shows it."""
    pages: dict[str, Rendered] = {}
    found: Rendered = {}
    for docname, renderings in domain.renderings.items():
        page = _page_of(app.builder, docname)
        for rendering in renderings:
            places = domain.placed[rendering.catalog]
            for code in sorted(rendering.explained):
                if places[code].docname != docname:
                    continue
                if page not in pages:
                    path = _file_of(app, page)
                    pages[page] = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
                shown = pages[page].get(rendering.catalog, {}).get(code)
                if shown is not None:
                    found.setdefault(rendering.catalog, {})[code] = shown
    return found


def _page_of(builder: Builder, docname: str) -> str:
    """The page that shows a document: itself, or under singlehtml the root page."""
    return builder.config.root_doc if builder.get_target_uri(docname).startswith("#") else docname
