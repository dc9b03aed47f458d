"""The catalog in the reader's language, through Sphinx's own translation workflow.

``sphinx-build -b gettext`` extracts each code's description and category as
a message of its own, located at the code's row of the CSV file; the
project's ``.po`` files in ``locale_dirs`` translate them, as they translate
the page's text. A description without a translation stays as written.
Codes, anchors and URLs never change with the language.

The translation is made when the catalog's page is read, before anything is
worked out from the catalog, so that the page, its search entries, link
titles and ``errcodes.json`` all show the same words. (Explanations are
parts of the page, which Sphinx translates itself.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.environment import BuildEnvironment
from sphinx.locale import init as init_locale
from sphinx.util.i18n import docname_to_domain

from sphinx_errcodes.catalog import ErrorCode


class catalog_message(nodes.Element, addnodes.translatable):
    """A text of the catalog as a message for ``-b gettext``, at its row of the CSV file.

    Made only for builders that extract messages; the catalog itself is
    translated when it is read (see :func:`translation_of`), so applying a
    translation here has nothing left to do.
    """

    def preserve_original_messages(self) -> None:
        pass

    def apply_translated_message(self, original_message: str, translated_message: str) -> None:
        pass

    def extract_original_messages(self) -> list[str]:
        return [self["text"]]


def translation_of(env: BuildEnvironment, docname: str) -> Callable[[str], str] | None:
    """The page's translation of a text, as Sphinx's ``Locale`` transform finds it; ``None`` when the page has no catalog."""
    if not env.config.language:
        return None
    folders = [str(Path(env.srcdir) / folder) for folder in env.config.locale_dirs]
    translator, found = init_locale(folders, env.config.language, docname_to_domain(docname, env.config.gettext_compact))
    return (lambda text: translator.gettext(text) if text else text) if found else None


def translated(code: ErrorCode, translate: Callable[[str], str] | None) -> ErrorCode:
    """A code with its description and category in the page's language."""
    return replace(code, description=translate(code.description), category=translate(code.category)) if translate else code


def messages_for_extraction(env: BuildEnvironment, path: Path, codes: Iterable[ErrorCode]) -> list[catalog_message]:
    """For a builder that extracts messages (``gettext``): each description, and each category at its first row.

    Other builders get none, so that a catalog of thousands of codes costs no node per code.
    """
    # Sphinx sets a versioning condition for the builders that give each translatable node an id: gettext's.
    if not env.versioning_condition:
        return []
    messages = []
    categories: set[str] = set()
    for code in codes:
        texts = [code.description] + ([code.category] if code.category not in categories else [])
        categories.add(code.category)
        for text in filter(None, texts):
            message = catalog_message(text=text)
            message.source, message.line = str(path), code.line
            messages.append(message)
    return messages
