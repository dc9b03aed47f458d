"""The reference in the project's ``language``: every word the extension writes, in every builder.

``roots/test-interface-languages`` is in Polish, whose counts take three forms: its
pages render 1, 2, 5, 12 and 22 codes ("1 kod", "2 kody", "5 kodów",
"12 kodów", "22 kody").
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOTS, documents_written, edit_source, parse_html, read_search_index, serial_and_parallel, warnings_of

ROOT = "test-interface-languages"
COUNTS = {"one": "1 kod", "two": "2 kody", "five": "5 kodów", "twelve": "12 kodów", "twenty-two": "22 kody"}


@pytest.fixture(scope="module")
def polish(build):
    return build(ROOT)


def filter_box(app, page: str = "one"):
    return parse_html(app.outdir / f"{page}.html").find(class_="errcodes-filter")


def script_words(app, page: str = "one") -> dict:
    [script] = [tag for tag in parse_html(app.outdir / f"{page}.html").find_all("script") if "errcodes.js" in tag.get("src", "")]
    return json.loads(script["data-errcodes-words"])


def test_a_polish_build_has_no_warnings(polish):
    assert warnings_of(polish) == ""


def test_the_filter_box_is_labelled_in_the_language_of_the_project(polish):
    box = filter_box(polish)
    assert box.find("label").get_text() == "Filtruj kody"
    assert box.find("input")["placeholder"] == "Kod, nazwa lub słowa komunikatu"


@pytest.mark.parametrize(("page", "count"), COUNTS.items())
def test_the_count_before_typing_takes_the_plural_form_of_the_number(polish, page, count):
    assert filter_box(polish, page).find(class_="errcodes-filter-status").get_text() == count


def test_the_script_gets_a_count_template_for_each_plural_category_of_the_language(polish):
    assert script_words(polish)["codes"] == {"one": "{count} kod", "few": "{count} kody", "many": "{count} kodów"}


def test_the_script_gets_every_word_it_writes_translated(polish):
    words = script_words(polish)
    assert words["noMatch"] == "Żaden kod nie pasuje do „{query}”"
    assert words["shownOf"]["many"] == "{shown} z {count} kodów"
    assert (words["copied"], words["copyFailed"]) == ("Skopiowano link", "Nie skopiowano")
    assert words["copiedAnnouncement"] == "Skopiowano link do kodu {code}"
    assert words["failedAnnouncement"] == "Nie można skopiować; pasek adresu pokazuje link do kodu {code}"


def test_the_copy_button_and_the_entry_link_are_translated(polish):
    entry = parse_html(polish.outdir / "one.html").find(id="code-36")
    button = entry.find(class_="errcodes-copy")
    assert (button.get_text(), button["aria-label"]) == ("Kopiuj link", "Kopiuj link do kodu 36")
    assert entry.find(class_="headerlink")["title"] == "Link do tego kodu"


def test_a_long_explanation_opens_under_a_translated_summary(polish):
    assert parse_html(polish.outdir / "one.html").find(id="code-36").find("summary").get_text() == "Wyjaśnienie"


def test_the_count_of_codes_with_the_same_message_takes_the_plural_form(polish):
    note = parse_html(polish.outdir / "five.html").find(id="code-100").find(class_="errcodes-same-message")
    assert note.get_text().startswith("Ten sam komunikat co 101, ")
    assert note.get_text().endswith(" i 28 innych")


def test_the_search_page_calls_a_code_an_error_code_in_the_language_of_the_project(polish):
    assert ["errcodes", "code", "Kod błędu"] in read_search_index(polish.outdir)["objnames"].values()


# What every builder shows of the entries, in Polish, and the English it replaces.
TRANSLATED_EVERYWHERE = {
    "Można ponowić": "Retryable",
    "Wycofany": "Retired",
    "Od 1.0": "Since 1.0",
    "Użyj zamiast tego": "instead.",
    "Zobacz też:": "See also:",
    "Zwracany przez:": "Returned by:",
    "Ten sam komunikat co": "Same message as",
    "Komunikat": "Message",
}
OUTPUT_FILES = {"html": "*.html", "dirhtml": "**/*.html", "singlehtml": "*.html", "text": "*.txt", "latex": "*.tex", "xml": "*.xml", "man": "*.1", "texinfo": "*.texi", "epub": "*.xhtml"}


@pytest.mark.parametrize("buildername", OUTPUT_FILES)
def test_every_builder_writes_the_interface_in_the_language_of_the_project(build, buildername):
    app = build(ROOT, buildername)
    assert warnings_of(app) == ""
    output = "\n".join(path.read_text(encoding="utf-8") for path in Path(app.outdir).glob(OUTPUT_FILES[buildername]))
    for polish_text, english in TRANSLATED_EVERYWHERE.items():
        assert polish_text in output
        assert english not in output


def test_a_parallel_build_writes_the_same_translated_pages_as_a_serial_one(build, tmp_path_factory):
    srcdir = tmp_path_factory.mktemp("interface-languages")
    shutil.copytree(ROOTS / ROOT, srcdir, dirs_exist_ok=True)
    serial, parallel = serial_and_parallel(build, ROOT, srcdir, tmp_path_factory, ":errcode:`36`")
    for page in [*(f"{name}.html" for name in COUNTS), "orders.html", "searchindex.js"]:
        assert (parallel.outdir / page).read_bytes() == (serial.outdir / page).read_bytes()
    assert "Filtruj kody" in (parallel.outdir / "one.html").read_text(encoding="utf-8")


def project_catalog(srcdir: Path, language: str, entries: str, plural_forms: str) -> None:
    """A ``sphinx_errcodes.po`` of the project's own, in Sphinx's default ``locale_dirs`` (``locales``), not compiled."""
    folder = srcdir / "locales" / language / "LC_MESSAGES"
    folder.mkdir(parents=True)
    header = f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: {plural_forms}\\n"\n\n'
    (folder / "sphinx_errcodes.po").write_text(header + entries, encoding="utf-8")


def test_a_project_catalog_overrides_a_message_of_the_shipped_one(build, tmp_path):
    shutil.copytree(ROOTS / ROOT, tmp_path, dirs_exist_ok=True)
    project_catalog(
        tmp_path,
        "pl",
        'msgid "Filter codes"\nmsgstr "Szukaj kodu"\n',
        "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    )
    app = build(ROOT, srcdir=tmp_path)
    box = filter_box(app, "two")
    assert box.find("label").get_text() == "Szukaj kodu"
    # The rest still comes from the catalog the package ships.
    assert box.find(class_="errcodes-filter-status").get_text() == "2 kody"


def sphinx_build(srcdir: Path, outdir: Path) -> None:
    """A build in a process of its own, as sphinx-build runs: Python's gettext keeps a catalog it has read for the life of the process."""
    subprocess.run([sys.executable, "-m", "sphinx", "-q", "-W", "-b", "html", str(srcdir), str(outdir)], check=True)


def test_an_edited_project_catalog_reaches_every_page_in_an_incremental_build(tmp_path):
    srcdir, outdir = tmp_path / "source", tmp_path / "html"
    shutil.copytree(ROOTS / ROOT, srcdir)
    project_catalog(srcdir, "pl", 'msgid "Filter codes"\nmsgstr "Szukaj kodu"\n', "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);")
    sphinx_build(srcdir, outdir)
    edit_source(srcdir / "locales" / "pl" / "LC_MESSAGES" / "sphinx_errcodes.po", "Szukaj kodu", "Znajdź kod")
    sphinx_build(srcdir, outdir)
    labels = [parse_html(outdir / f"{page}.html").find(class_="errcodes-filter").find("label").get_text() for page in COUNTS]
    assert labels == ["Znajdź kod"] * len(COUNTS)


def test_an_incremental_build_with_the_same_catalogs_rewrites_nothing(build, tmp_path):
    shutil.copytree(ROOTS / ROOT, tmp_path, dirs_exist_ok=True)
    build(ROOT, srcdir=tmp_path)
    assert documents_written(build(ROOT, srcdir=tmp_path)) == []


def test_a_project_catalog_adds_a_language_the_package_does_not_ship(build, tmp_path):
    shutil.copytree(ROOTS / ROOT, tmp_path, dirs_exist_ok=True)
    project_catalog(
        tmp_path,
        "fr",
        'msgid "Filter codes"\nmsgstr "Filtrer les codes"\n\n'
        'msgid "{count} code"\nmsgid_plural "{count} codes"\nmsgstr[0] "{count} code"\nmsgstr[1] "{count} codes"\n',
        "nplurals=2; plural=(n > 1);",
    )
    app = build(ROOT, srcdir=tmp_path, confoverrides={"language": "fr"})
    assert warnings_of(app) == ""
    assert filter_box(app, "one").find("label").get_text() == "Filtrer les codes"
    assert filter_box(app, "two").find(class_="errcodes-filter-status").get_text() == "2 codes"
    # French counts 0 and 1 alike (CLDR's "one"), and a million apart ("many").
    assert script_words(app)["codes"] == {"one": "{count} code", "other": "{count} codes", "many": "{count} codes"}


def test_a_language_without_a_catalog_shows_the_interface_in_english(build, tmp_path):
    shutil.copytree(ROOTS / ROOT, tmp_path, dirs_exist_ok=True)
    app = build(ROOT, srcdir=tmp_path, confoverrides={"language": "fi"})
    assert warnings_of(app) == ""
    box = filter_box(app, "two")
    assert (box.find("label").get_text(), box.find(class_="errcodes-filter-status").get_text()) == ("Filter codes", "2 codes")
    assert script_words(app)["codes"] == {"one": "{count} code", "other": "{count} codes"}
