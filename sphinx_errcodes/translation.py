"""The extension's own message catalog, through Sphinx's translation machinery.

``_`` translates what the pages show, into the project's ``language``;
``__`` what the build prints, into the language of the console, as Sphinx
does for its own messages. Compiled catalogs are looked for in ``locale/``
beside this module.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.locale import get_translation

MESSAGE_CATALOG = "sphinx_errcodes"
LOCALE_DIR = Path(__file__).parent / "locale"

_ = get_translation(MESSAGE_CATALOG)
__ = get_translation(MESSAGE_CATALOG, "console")


def setup_translation(app: Sphinx) -> None:
    app.add_message_catalog(MESSAGE_CATALOG, str(LOCALE_DIR))
