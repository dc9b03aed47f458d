"""The catalog in the reader's language: extracted by -b gettext, translated by the project's .po files."""

from __future__ import annotations

import json
import re
import shutil

import jsonschema
import pytest

from conftest import ROOTS, inventory_uris, parse_html, read_search_index, serial_and_parallel, warnings_of
from sphinx_errcodes.export import SCHEMA

ROOT = "test-languages"


@pytest.fixture(scope="module")
def english(build):
    return build(ROOT)


@pytest.fixture(scope="module")
def german(build):
    return build(ROOT, confoverrides={"language": "de"})


@pytest.fixture(scope="module")
def pot(build):
    return (build(ROOT, "gettext").outdir / "errors.pot").read_text(encoding="utf-8")


def entry(app, code):
    return parse_html(app.outdir / "errors.html").find(id=f"code-{code}")


def locations_of(pot: str, message: str) -> list[str]:
    """The ``#:`` locations of a message in a .pot file, file names without their folders."""
    block = pot[: pot.index(f'msgid "{message}"')].rsplit("\n\n", 1)[-1]
    return [location.rsplit("/", 1)[-1] for line in block.splitlines() if line.startswith("#: ") for location in line[3:].split()]


def test_gettext_extracts_each_description_at_its_row_of_the_csv(pot):
    assert locations_of(pot, "Insufficient funds") == ["codes.csv:2"]
    assert locations_of(pot, "System error") == ["codes.csv:4"]


def test_gettext_extracts_each_category_at_its_first_row(pot):
    assert "codes.csv:3" in locations_of(pot, "Orders")


def test_gettext_extracts_an_explanation_at_its_file(pot):
    assert locations_of(pot, "Check the available funds of the account.") == ["36.rst:1"]


def test_the_builds_have_no_warnings(english, german):
    assert warnings_of(english) == ""
    assert warnings_of(german) == ""


def test_a_translated_description_and_category_show_on_the_page(german):
    shown = entry(german, "36")
    assert shown.find(class_="errcodes-description").get_text() == "Unzureichendes Guthaben"
    assert shown.find_parent("section").find("h2").get_text().rstrip("¶") == "Guthaben"


def test_a_translated_explanation_shows_under_its_code(german):
    assert entry(german, "36").find(class_="errcodes-explanation").get_text().strip() == "Prüfen Sie das verfügbare Guthaben des Kontos."


def test_a_description_without_a_translation_falls_back_to_the_original(german):
    shown = entry(german, "37")
    assert shown.find(class_="errcodes-description").get_text() == "Invalid quantity"
    assert shown.find_parent("section").find("h2").get_text().rstrip("¶") == "Orders"


def test_anchors_and_urls_are_the_same_in_every_language(english, german):
    def ids(app):
        page = parse_html(app.outdir / "errors.html")
        return [element["id"] for element in page.select(".errcodes-category, .errcodes-entry")]

    assert ids(german) == ids(english)
    assert inventory_uris(german.outdir / "objects.inv", "errcodes:code") == inventory_uris(english.outdir / "objects.inv", "errcodes:code")


def test_a_link_to_a_code_carries_the_translated_message(german):
    link = parse_html(german.outdir / "guide.html").find("a", href="errors.html#code-36")
    assert link["title"] == "Unzureichendes Guthaben"


def test_the_search_index_of_the_language_has_the_translated_words(german):
    terms = read_search_index(german.outdir)["terms"]
    stem = german.builder.indexer.lang.stem
    assert {stem("unzureichendes"), stem("systemfehler")} <= set(terms)


def test_errcodes_json_of_the_build_is_in_its_language(german):
    exported = json.loads((german.outdir / "errcodes.json").read_text(encoding="utf-8"))
    jsonschema.validate(exported, json.loads(SCHEMA.read_text(encoding="utf-8")))
    codes = {code["code"]: code for code in exported["codes"]}
    assert exported["language"] == "de"
    assert (codes["36"]["category"], codes["36"]["description"]) == ("Guthaben", "Unzureichendes Guthaben")
    assert codes["36"]["explanation"]["text"] == "Prüfen Sie das verfügbare Guthaben des Kontos."
    assert codes["37"]["description"] == "Invalid quantity"


def test_a_parallel_build_in_a_language_equals_a_serial_one(build, tmp_path, tmp_path_factory):
    shutil.copytree(ROOTS / ROOT, tmp_path, dirs_exist_ok=True)
    serial, parallel = serial_and_parallel(build, ROOT, tmp_path, tmp_path_factory, "See :errcode:`36`.", confoverrides={"language": "de"})
    for name in ("errors.html", "guide.html", "page2.html", "errcodes.json"):
        assert (parallel.outdir / name).read_bytes() == (serial.outdir / name).read_bytes(), name
    assert re.search("Unzureichendes Guthaben", (parallel.outdir / "errors.html").read_text(encoding="utf-8"))


def test_the_search_index_of_the_language_keeps_the_words_of_the_original_message(german):
    terms = read_search_index(german.outdir)["terms"]
    stem = german.builder.indexer.lang.stem
    assert {stem("insufficient"), stem("funds")} <= set(terms)
