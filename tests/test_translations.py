"""The message catalogs the package ships are complete, current and compiled.

The messages are extracted from the code as ``make messages`` does (Babel,
with ``babel.cfg``), and each language's ``.po`` must hold exactly those,
translated, with the placeholders of the original; its ``.mo`` must be what
``make catalogs`` compiles from it.
"""

from __future__ import annotations

import ast
import re
import tomllib
from fnmatch import fnmatch

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from conftest import PROJECT

PACKAGE = PROJECT / "sphinx_errcodes"
LOCALE = PACKAGE / "locale"
SHIPPED = ("de", "es", "ja", "pl", "zh_CN")
# The keywords of `make messages`: Babel's own (_, ngettext...) and the translate function that columns.py and releases.py are given.
KEYWORDS = {**DEFAULT_KEYWORDS, "translate": None}


def messages_in_code() -> set[str]:
    """Each message of the code: its msgid, or (singular, plural)."""
    with (PROJECT / "babel.cfg").open(encoding="utf-8") as mapping:
        method_map, options_map = parse_mapping_cfg(mapping)
    found = set()
    for _filename, _line, message, _comments, _context in extract_from_dir(PROJECT, method_map, options_map, keywords=KEYWORDS):
        found.add(message)
    return found


def catalog(language: str):
    with (LOCALE / language / "LC_MESSAGES" / "sphinx_errcodes.po").open("rb") as po:
        return read_po(po, locale=language)


def ids(messages) -> set:
    return {message.id for message in messages if message.id}


def test_the_code_has_messages_to_translate():
    # The filter box's label and the count of codes it shows, as examples.
    assert {"Filter codes", ("{count} code", "{count} codes")} <= messages_in_code()


def messages_python_sees() -> set:
    """The messages of every call to a keyword of `make messages` with literal text, as Python parses the code: inside f-strings too."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        for call in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id in KEYWORDS):
                continue
            texts = tuple(argument.value for argument in call.args if isinstance(argument, ast.Constant) and isinstance(argument.value, str))
            if texts:
                found.add(texts[0] if len(texts) == 1 else texts)
    return found


def test_babel_extracts_every_message_python_sees():
    # Babel reads tokens: on Python 3.11, a call inside an f-string is one string token, and its message would go unseen.
    assert messages_python_sees() - messages_in_code() == set()


def test_the_template_holds_every_message_of_the_code_and_no_other():
    with (LOCALE / "sphinx_errcodes.pot").open("rb") as pot:
        assert ids(read_po(pot)) == messages_in_code()


@pytest.mark.parametrize("language", SHIPPED)
def test_a_shipped_catalog_holds_every_message_of_the_code_and_no_other(language):
    assert ids(catalog(language)) == messages_in_code()


@pytest.mark.parametrize("language", SHIPPED)
def test_every_message_of_a_shipped_catalog_is_translated_and_not_fuzzy(language):
    messages = [message for message in catalog(language) if message.id]
    assert not catalog(language).fuzzy
    assert [message.id for message in messages if message.fuzzy or not all(message.string if isinstance(message.string, tuple) else (message.string,))] == []


@pytest.mark.parametrize("language", SHIPPED)
def test_a_plural_message_has_every_form_the_language_has(language):
    shipped = catalog(language)
    plurals = [message for message in shipped if message.pluralizable]
    assert plurals
    assert all(len(message.string) == shipped.num_plurals for message in plurals)


PLACEHOLDER = re.compile(r"%\(\w+\)s|%[sdr]|\{\w+\}")


@pytest.mark.parametrize("language", SHIPPED)
def test_a_translation_keeps_the_placeholders_of_its_message(language):
    wrong = []
    for message in catalog(language):
        if not message.id:
            continue
        originals = message.id if isinstance(message.id, tuple) else (message.id,)
        wanted = sorted(PLACEHOLDER.findall(originals[-1]))
        for translation in message.string if isinstance(message.string, tuple) else (message.string,):
            if sorted(PLACEHOLDER.findall(translation)) != wanted:
                wrong.append((message.id, translation))
    assert wrong == []


def translations(messages) -> dict:
    """Message -> translation, as a .mo holds them (plural forms as a tuple)."""
    return {
        tuple(message.id) if isinstance(message.id, (list, tuple)) else message.id: tuple(message.string) if isinstance(message.string, (list, tuple)) else message.string
        for message in messages
        if message.id and message.string and not message.fuzzy
    }


@pytest.mark.parametrize("language", SHIPPED)
def test_a_compiled_catalog_is_compiled_from_its_current_po(language):
    # Compared by content: the .mo also names the Babel that compiled it.
    with (LOCALE / language / "LC_MESSAGES" / "sphinx_errcodes.mo").open("rb") as mo:
        compiled = read_mo(mo)
    source = catalog(language)
    assert translations(compiled) == translations(source)
    assert compiled.plural_forms == source.plural_forms


def test_the_package_data_ships_every_catalog():
    patterns = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]["sphinx_errcodes"]
    files = [path.relative_to(PACKAGE).as_posix() for path in LOCALE.rglob("*") if path.is_file()]
    assert {f"locale/{language}/LC_MESSAGES/sphinx_errcodes.{kind}" for language in SHIPPED for kind in ("po", "mo")} <= set(files)
    assert [name for name in files if not any(fnmatch(name, pattern) for pattern in patterns)] == []


def test_the_guide_names_the_shipped_languages():
    guide = " ".join((PROJECT / "docs" / "extension.rst").read_text(encoding="utf-8").split())
    assert all(f"(``{language}``)" in guide for language in SHIPPED)
