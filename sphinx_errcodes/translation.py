"""The extension's own message catalog, through Sphinx's translation machinery.

``_`` translates what the pages show, into the project's ``language``, and
``ngettext`` the same with a number, in the plural form the language gives
it; ``__`` translates what the build prints, into the language of the
console, as Sphinx does for its own messages. Compiled catalogs are looked for
in the ``locale_dirs`` of the project first (``<language>/LC_MESSAGES/sphinx_errcodes.po``,
compiled when it is newer than its ``.mo``, as Sphinx does for its own
``sphinx.po``), then in ``locale/`` beside this module. When they change, every
page is read and written again.

``errcodes.js`` writes words too; :func:`script_words` gives them to it,
translated at build time, with a template per plural category of the language.
"""

from __future__ import annotations

import gettext
import hashlib
import json
from collections.abc import Callable, Set
from pathlib import Path

from babel import Locale, UnknownLocaleError
from sphinx import locale
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.locale import get_translation, get_translator
from sphinx.util.i18n import CatalogRepository

MESSAGE_CATALOG = "sphinx_errcodes"
LOCALE_DIR = Path(__file__).parent / "locale"

_ = get_translation(MESSAGE_CATALOG)
__ = get_translation(MESSAGE_CATALOG, "console")


def ngettext(singular: str, plural: str, number: int) -> str:
    """``singular`` or ``plural``, translated in the plural form that ``number`` takes in the project's language."""
    return get_translator(MESSAGE_CATALOG).ngettext(singular, plural, number)


def fill(template: str, **values: object) -> str:
    """A template with ``{name}`` placeholders, as ``errcodes.js`` fills it too, filled in."""
    for name, value in values.items():
        template = template.replace(f"{{{name}}}", str(value))
    return template


def setup_translation(app: Sphinx) -> None:
    # Like app.add_message_catalog, but a project's own catalog comes first.
    for catalog in _project_catalogs(app).catalogs:
        if catalog.domain == MESSAGE_CATALOG and catalog.is_outdated():
            catalog.write_mo(app.config.language, app.config.gettext_allow_fuzzy_translations)
    locale.init(_catalog_dirs(app), app.config.language, MESSAGE_CATALOG)
    locale.init_console(LOCALE_DIR, MESSAGE_CATALOG)
    app.connect("env-get-outdated", documents_with_other_words)


def _project_catalogs(app: Sphinx) -> CatalogRepository:
    return CatalogRepository(app.srcdir, app.config.locale_dirs, app.config.language, app.config.source_encoding)


def _catalog_dirs(app: Sphinx) -> list[Path]:
    """Where the catalog is looked for, the first that translates a message winning."""
    return [*_project_catalogs(app).locale_dirs, LOCALE_DIR]


def documents_with_other_words(app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str]) -> list[str]:
    """Every document, when the compiled catalogs that give the extension its words are not those of the last build.

    As for a changed setting: a project's ``.po`` edited, or the package
    upgraded, changes words on pages that nothing else would rewrite.
    """
    compiled = [Path(path) for folder in _catalog_dirs(app) for path in gettext.find(MESSAGE_CATALOG, folder, [app.config.language], all=True)]
    fingerprint = hashlib.sha256(b"".join(bytes(path) + b"\0" + path.read_bytes() for path in compiled)).hexdigest()
    before, env.errcodes_message_catalogs = getattr(env, "errcodes_message_catalogs", fingerprint), fingerprint
    return sorted(env.found_docs) if before != fingerprint else []


# Plural categories are CLDR's; the script learns which one a number takes
# from the browser (Intl.PluralRules), and gets the template for each from a
# number of that category, which gettext's plural formula places.
_EXAMPLE_NUMBERS = (*range(200), *(10**power for power in range(3, 10)))


def _plural_examples(language: str) -> dict[str, int]:
    """A number of each plural category that whole numbers take in ``language``, by category."""
    try:
        plural_form = Locale.parse(language.replace("-", "_")).plural_form
    except (UnknownLocaleError, ValueError, TypeError):
        plural_form = Locale("en").plural_form
    examples: dict[str, int] = {}
    for number in _EXAMPLE_NUMBERS:
        examples.setdefault(plural_form(number), number)
    return examples


def _by_plural_category(language: str, template: Callable[[int], str]) -> dict[str, str]:
    """``template(number)`` for a number of each plural category of ``language``, by category."""
    return {category: template(number) for category, number in _plural_examples(language).items()}


def count_of_codes(count: int) -> str:
    """How the filter box's status line counts the codes of the page, a template with ``{count}``; errcodes.js counts with the same."""
    return ngettext("{count} code", "{count} codes", count)


def script_words(language: str) -> str:
    """The words ``errcodes.js`` writes, translated, as JSON; a count has a template per plural category."""
    words = {
        "codes": _by_plural_category(language, count_of_codes),
        "shownOf": _by_plural_category(language, lambda count: ngettext("{shown} of {count} code", "{shown} of {count} codes", count)),
        "noMatch": _("No codes match \N{LEFT DOUBLE QUOTATION MARK}{query}\N{RIGHT DOUBLE QUOTATION MARK}"),
        "copied": _("Link copied"),
        "copyFailed": _("Copy failed"),
        "copiedAnnouncement": _("Link to code {code} copied"),
        "failedAnnouncement": _("Could not copy; the address bar shows the link to code {code}"),
    }
    return json.dumps(words, ensure_ascii=False, sort_keys=True)
