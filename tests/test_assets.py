"""The filter box, the "Copy link" buttons and the files that drive them, as built (no browser).

What they do in a browser is tested in ``tests/browser/``.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOTS, parse_html, read_search_index

STATIC = Path(__file__).parent.parent / "sphinx_errcodes" / "static"


@pytest.fixture(scope="module")
def site(build):
    return build("test-basic")


def linked(page, tag: str, attribute: str, name: str) -> list:
    return [element for element in page.find_all(tag) if element.get(attribute, "").split("?")[0] == f"_static/{name}"]


def test_the_catalog_page_links_the_stylesheet_and_a_deferred_script(site):
    page = parse_html(site.outdir / "errors.html")
    assert len(linked(page, "link", "href", "errcodes.css")) == 1
    [script] = linked(page, "script", "src", "errcodes.js")
    assert script.has_attr("defer")


@pytest.mark.parametrize("pagename", ["index", "orders", "genindex", "search"])
def test_pages_without_the_catalog_link_neither_file(site, pagename):
    page = parse_html(site.outdir / f"{pagename}.html")
    assert linked(page, "link", "href", "errcodes.css") == []
    assert linked(page, "script", "src", "errcodes.js") == []


def test_the_script_and_the_stylesheet_are_copied_unchanged(site):
    for name in ("errcodes.js", "errcodes.css"):
        assert (site.outdir / "_static" / name).read_bytes() == (STATIC / name).read_bytes()


def test_a_clean_build_links_each_file_with_a_version_query(site):
    """Sphinx adds ``?v=`` with a checksum of the copy it finds when it writes the page, so that browsers fetch a changed file; an incremental build always finds one."""
    page = parse_html(site.outdir / "errors.html")
    [stylesheet] = linked(page, "link", "href", "errcodes.css")
    [script] = linked(page, "script", "src", "errcodes.js")
    assert re.fullmatch(r"_static/errcodes\.css\?v=[0-9a-f]+", stylesheet["href"])
    assert re.fullmatch(r"_static/errcodes\.js\?v=[0-9a-f]+", script["src"])


def test_the_catalog_adds_no_inline_script_and_no_event_handler_attribute(site):
    """Only the theme's own inline scripts, the same on a page without the catalog: a strict CSP can forbid the rest."""
    inline_scripts = [
        [script.string for script in parse_html(site.outdir / f"{name}.html").find_all("script", src=False)]
        for name in ("errors", "index")
    ]
    assert inline_scripts[0] == inline_scripts[1]
    page = parse_html(site.outdir / "errors.html")
    for element in page.find_all(True):
        assert not [name for name in element.attrs if name.lower().startswith("on")], element.name


def test_the_filter_box_stands_right_before_the_first_category(site):
    page = parse_html(site.outdir / "errors.html")
    [box] = page.find_all(class_="errcodes-filter")
    assert box.find_next_sibling()["id"] == "category-margin-and-funds"
    assert box.find_next_sibling() is page.find("section", class_="errcodes-category")


def test_the_filter_box_has_a_labelled_field_and_a_live_count_of_every_code(site):
    box = parse_html(site.outdir / "errors.html").find(class_="errcodes-filter")
    field = box.find("input")
    assert box["role"] == "search"
    assert box.find(id=box["aria-labelledby"]).get_text() == "Filter codes"
    assert box.find("label")["for"] == field["id"]
    assert field["type"] == "search"
    status = box.find(id=field["aria-describedby"])
    assert status["aria-live"] == "polite"
    assert status.get_text() == "7 codes"


def test_every_entry_has_a_copy_link_button_that_names_its_code(site):
    page = parse_html(site.outdir / "errors.html")
    entries = page.find_all(class_="errcodes-entry")
    assert len(entries) == 7
    for entry in entries:
        button = entry.find("dt").find("button", class_="errcodes-copy")
        assert button["type"] == "button"
        assert button["aria-label"] == f"Copy link to code {entry.find(class_='errcodes-code').get_text()}"
        assert button.get_text() == "Copy link"


def test_the_words_of_the_controls_are_not_indexed_for_search(site):
    terms = read_search_index(site.outdir)["terms"]
    assert "filter" not in terms
    assert "copi" not in terms and "copy" not in terms


def test_errcodes_filter_false_leaves_out_the_box_but_keeps_copy_link(build):
    app = build("test-basic", confoverrides={"errcodes_filter": False})
    page = parse_html(app.outdir / "errors.html")
    assert page.find(class_="errcodes-filter") is None
    assert len(page.find_all(class_="errcodes-copy")) == 7
    assert len(linked(page, "script", "src", "errcodes.js")) == 1


def test_without_filter_and_copy_link_the_page_has_no_script_but_its_style(build):
    app = build("test-basic", confoverrides={"errcodes_filter": False, "errcodes_copy_link": False})
    page = parse_html(app.outdir / "errors.html")
    assert page.find(class_="errcodes-filter") is None
    assert page.find(class_="errcodes-copy") is None
    assert linked(page, "script", "src", "errcodes.js") == []
    assert len(linked(page, "link", "href", "errcodes.css")) == 1


def test_epub_gets_the_stylesheet_but_neither_script_nor_controls(build):
    app = build("test-basic", "epub")
    text = (app.outdir / "errors.xhtml").read_text(encoding="utf-8")
    assert "_static/errcodes.css" in text
    assert "errcodes.js" not in text
    assert "errcodes-filter" not in text
    assert "errcodes-copy" not in text


def test_a_long_category_is_written_as_lists_of_50_entries_at_most_in_order(build, tmp_path):
    shutil.copytree(ROOTS / "test-basic", tmp_path, dirs_exist_ok=True)
    rows = [f"{code},Orders,Order {code} failed" for code in range(1000, 1120)]
    (tmp_path / "codes.csv").write_text("code,category,description\n" + "\n".join(rows) + "\n", encoding="utf-8")
    app = build("long", srcdir=tmp_path)
    lists = parse_html(app.outdir / "errors.html").find(id="category-orders").find_all("dl", class_="errcodes-list")
    assert [len(dl.find_all(class_="errcodes-entry")) for dl in lists] == [50, 50, 20]
    assert [dl["data-errcodes-count"] for dl in lists] == ["50", "50", "20"]
    codes = [code.get_text() for dl in lists for code in dl.find_all(class_="errcodes-code")]
    assert codes == [str(code) for code in range(1000, 1120)]


def test_a_rebuild_finds_the_configuration_unchanged(build, basic_srcdir):
    # An explicit theme: SphinxTestApp replaces the default one after reading the configuration.
    build("test-basic", srcdir=basic_srcdir, confoverrides={"html_theme": "alabaster"})
    app = build("test-basic", srcdir=basic_srcdir, confoverrides={"html_theme": "alabaster"})
    assert "configuration has changed" not in app.status.getvalue()
    assert "0 added, 0 changed, 0 removed" in app.status.getvalue()


def test_the_user_s_html_static_path_is_left_as_it_was(build):
    app = build("test-basic", confoverrides={"html_static_path": []})
    assert app.config.html_static_path == []
    assert (app.outdir / "_static" / "errcodes.css").is_file()
    assert (app.outdir / "_static" / "errcodes.js").is_file()
