"""Sphinx configuration of the Trading API documentation.

The site is built in English and, with ``-D language=zh_CN``, in Simplified
Chinese from the ``.po`` files in ``locales/`` (``make html`` builds both,
the Chinese one into ``zh_CN/`` of the English one). Every page links to
the same page in the other language (``_templates/language-switch.html``).
"""

import os

from sphinx.search.zh import SearchChinese

import sphinx_errcodes

project = "Trading API"
author = "Trading API team"
copyright = "2026, Trading API team"
# The site is versioned with the repository that holds it.
version = release = sphinx_errcodes.__version__

extensions = [
    "sphinx_copybutton",
    "sphinx_errcodes",
]

errcodes_file = "../data/codes.csv"
# A short, permanent URL per code: code/36.html.
errcodes_code_urls = True

exclude_patterns = ["_build", "locales"]
html_theme = "furo"
html_title = "Trading API"
templates_path = ["_templates"]
html_static_path = ["_static"]
html_css_files = ["language-switch.css"]
html_js_files = ["language-switch.js"]
# furo's own sidebar, with the language switch under the search box.
html_sidebars = {
    "**": [
        "sidebar/brand.html",
        "sidebar/search.html",
        "language-switch.html",
        "sidebar/scroll-start.html",
        "sidebar/navigation.html",
        "sidebar/ethical-ads.html",
        "sidebar/scroll-end.html",
        "sidebar/variant-selector.html",
    ]
}

# One file per code: what the message itself names to check.
errcodes_explanations = "explanations"

# Translations: locales/<language>/LC_MESSAGES/<document>.po, one per top-level
# document or folder; Sphinx compiles the .mo files next to them when it builds.
locale_dirs = ["locales"]
gettext_compact = True
gettext_auto_build = True

# The languages of the site, each named in itself, and where each one's pages
# are, relative to the root the site is served from. `make html` puts the
# Chinese build into zh_CN/ of the English one. Read the Docs builds each
# language as a project of its own (with -D language=zh_CN), served at
# /<language>/<version>/ with the language in lower case and a hyphen (zh-cn).
SITE_LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
ON_READ_THE_DOCS = os.environ.get("READTHEDOCS") == "True"


def language_root(language: str) -> str:
    if ON_READ_THE_DOCS:
        return f"{language.lower().replace('_', '-')}/{os.environ['READTHEDOCS_VERSION']}/"
    return "" if language == "en" else f"{language}/"


def add_language_links(app, pagename, templatename, context, doctree) -> None:
    """``language_links``: (language, its name, URL of this page in it, whether it is this build's), relative to the page."""
    current = app.config.language
    page = app.builder.get_target_uri(pagename)
    to_build_root = "../" * page.count("/")
    to_site_root = "../" * language_root(current).count("/")
    context["language_links"] = [
        (language, name, f"{to_build_root}{to_site_root}{language_root(language)}{page}", language == current)
        for language, name in SITE_LANGUAGES.items()
    ]


class SearchChineseNamingItsStemmer(SearchChinese):
    """Chinese search, its page script naming the stemmer it defines.

    Chinese search stems Latin words with the English stemmer, but Sphinx 9.0
    names the stemmer after the language (``window.Stemmer = ChineseStemmer``),
    which the page does not define: the search page of a Chinese site finds
    nothing (sphinx-doc/sphinx#14229, fixed after 9.0.4 by naming the stemmer
    after its script, as this does). Sphinx 8 stems in a script of its own.
    """

    if SearchChinese.js_stemmer_rawcode == "english-stemmer.js":
        language_name = "English"


def setup(app):
    app.connect("html-page-context", add_language_links)
    app.add_search_language(SearchChineseNamingItsStemmer)
