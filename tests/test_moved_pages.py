"""Moved pages (errcodes_moved_pages): the old address is kept as a page that leads to the new one, fragment and all."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest

from conftest import ROOTS, edit_source, parse_html, warnings_of
from test_code_urls import BUILDERS, built, codes_of, srcdir  # noqa: F401 - the same project and fixtures


def anchor_map(app, catalog: str = "default") -> dict:
    """The pages of the map of anchors, and the page number of each anchor of one catalog."""
    text = (app.outdir / "_static" / "errcodes-anchors.js").read_text(encoding="utf-8")
    data = json.loads(re.search(r"window\.errcodesAnchors = (\{.*\});", text).group(1))
    return {"pages": data["pages"], "anchors": data["catalogs"][catalog]}


@pytest.mark.parametrize("buildername, old, link", [("html", "errors.html", "reference/errors.html"), ("dirhtml", "errors/index.html", "../reference/errors/"), ("singlehtml", "errors.html", "index.html#document-reference/errors")])
def test_the_old_page_links_to_the_new_one_for_readers_without_script(built, buildername, old, link):
    page = parse_html(built(buildername).outdir / old)
    assert [a["href"] for a in page.body.find_all("a")] == [link]
    assert page.body.get_text(" ", strip=True) == "This page has moved to Errors ."


@pytest.mark.parametrize("buildername", BUILDERS)
def test_the_old_page_loads_the_map_then_the_redirect_script(built, buildername):
    app = built(buildername)
    old = app.outdir / ("errors/index.html" if buildername == "dirhtml" else "errors.html")
    sources = [script["src"].partition("?")[0] for script in parse_html(old).find_all("script")]
    prefix = "../" if buildername == "dirhtml" else ""
    assert sources == [f"{prefix}_static/errcodes-anchors.js", f"{prefix}_static/errcodes-moved.js"]
    assert all((old.parent / source).is_file() for source in sources)


def test_the_old_page_is_not_indexed_and_names_the_new_page_as_canonical(built):
    page = parse_html(built("html").outdir / "errors.html")
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert page.find("link", rel="canonical")["href"] == "reference/errors.html"


@pytest.mark.parametrize("buildername", BUILDERS)
def test_the_map_sends_every_code_to_the_page_that_shows_it(built, buildername):
    app = built(buildername)
    mapped = anchor_map(app)
    for code, entry in codes_of(app).items():
        anchor = entry["url"].partition("#")[2]
        assert f'{mapped["pages"][mapped["anchors"][anchor]]}#{anchor}' == entry["url"], code


def test_the_map_sends_every_category_to_the_page_that_shows_it(built):
    mapped = anchor_map(built("html"))
    categories = {anchor for anchor in mapped["anchors"] if anchor.startswith("category-")}
    assert categories == {"category-margin-and-funds", "category-general", "category-devices", "category-compiler"}
    assert {mapped["pages"][mapped["anchors"][anchor]] for anchor in categories} == {"reference/errors.html"}


@pytest.mark.parametrize("buildername, old_page", [("html", "code/36.html"), ("dirhtml", "code/36/index.html")])
def test_the_code_pages_of_the_old_folder_lead_to_the_new_entries(built, buildername, old_page):
    page = parse_html(built(buildername).outdir / old_page)
    target = page.find("meta", attrs={"http-equiv": "refresh"})["content"].partition("url=")[2]
    assert target == ("../reference/errors.html#code-36" if buildername == "html" else "../../reference/errors/#code-36")


def test_a_moved_page_to_a_page_without_codes_writes_no_code_pages_in_its_folder(build, srcdir):
    (srcdir / "guides").mkdir()
    (srcdir / "conf.py").write_text((srcdir / "conf.py").read_text(encoding="utf-8").replace('"orders-old": "orders"', '"guides/old": "orders"'), encoding="utf-8")
    app = build("test-code-urls", srcdir=srcdir)
    assert (app.outdir / "guides" / "old.html").is_file()
    assert not (app.outdir / "guides" / "code").exists()


def write_conf(srcdir, moves: str) -> None:
    conf = srcdir / "conf.py"
    conf.write_text(re.sub(r"errcodes_moved_pages = .*", f"errcodes_moved_pages = {moves}", conf.read_text(encoding="utf-8")), encoding="utf-8")


@pytest.mark.parametrize(
    "moves, message",
    [
        ('{"orders": "index"}', "errcodes_moved_pages: 'orders': 'orders' is still a document, so its page is not replaced"),
        ('{"old": "nowhere"}', "errcodes_moved_pages: 'old': 'nowhere' is not a document; name the document the page moved to"),
        ('{"a": "b", "b": "orders"}', "errcodes_moved_pages: 'a': 'b' is not a document: it moved to 'orders'; write that"),
        ('{"errors.html": "reference/errors"}', "errcodes_moved_pages: 'errors.html': write document names without their suffix"),
        ('{"../errors": "reference/errors"}', "errcodes_moved_pages: '../errors': give the old and the new name of the document"),
        ('{"/errors": "reference/errors"}', "errcodes_moved_pages: '/errors': give the old and the new name of the document"),
        ('{"errors": ""}', "errcodes_moved_pages: 'errors': give the old and the new name of the document"),
        ('{"errors": 3}', "errcodes_moved_pages: 'errors': give the old and the new name of the document"),
        ('{"genindex": "reference/errors"}', "errcodes_moved_pages: 'genindex': 'genindex' is a page that Sphinx writes"),
        ('{"reference/code/36": "orders"}', "errcodes_moved_pages: 'reference/code/36': its page reference/code/36.html is already the page of a code"),
    ],
)
def test_a_move_that_cannot_be_written_is_warned_about_and_nothing_is_overwritten(build, srcdir, moves, message):
    write_conf(srcdir, moves)
    app = build("test-code-urls", srcdir=srcdir)
    warnings = warnings_of(app)
    assert message in warnings and "[errcodes.config]" in warnings
    assert "This page has moved" not in (app.outdir / "orders.html").read_text(encoding="utf-8")
    assert parse_html(app.outdir / "reference" / "code" / "36.html").find("meta", attrs={"http-equiv": "refresh"}) is not None


def test_a_setting_that_is_not_a_dict_gets_sphinx_s_warning_and_no_page(build, srcdir):
    write_conf(srcdir, '["errors"]')
    app = build("test-code-urls", srcdir=srcdir)
    assert "errcodes_moved_pages" in warnings_of(app)
    assert not (app.outdir / "errors.html").exists()


def test_a_catalog_split_over_pages_sends_each_code_of_a_moved_page_to_its_own_page(build, tmp_path):
    shutil.copytree(ROOTS / "test-catalogs", tmp_path, dirs_exist_ok=True)
    app = build("test-catalogs", srcdir=tmp_path, confoverrides={"errcodes_moved_pages": {"futures": "futures-orders"}})
    assert warnings_of(app) == ""
    mapped = anchor_map(app, "futures")
    assert {anchor: mapped["pages"][number] for anchor, number in mapped["anchors"].items()} == {
        "category-margin": "futures-orders.html",
        "category-orders": "futures-orders.html",
        "category-prices": "futures-prices.html",
        "code-36": "futures-orders.html",
        "code-40": "futures-orders.html",
        "code-41": "futures-prices.html",
        "code-42": "futures-prices.html",
    }
    assert parse_html(app.outdir / "futures.html").find("script", attrs={"data-errcodes-catalogs": True})["data-errcodes-catalogs"] == "futures"


def test_a_moved_page_shows_the_new_title_of_its_page_after_a_rebuild(build, srcdir):
    write_conf(srcdir, '{"intro-old": "index"}')
    build("test-code-urls", srcdir=srcdir)
    edit_source(srcdir / "index.rst", "Test project\n============", "Our project\n===========")
    app = build("test-code-urls", srcdir=srcdir)
    assert parse_html(app.outdir / "intro-old.html").find("a").get_text() == "Our project"


def test_a_moved_page_shows_the_new_title_of_its_page_read_first_by_another_builder(tmp_path):
    srcdir, doctrees = tmp_path / "src", tmp_path / "doctrees"
    shutil.copytree(ROOTS / "test-code-urls", srcdir)
    for builder, edit in (("html", None), ("text", True), ("html", None)):
        if edit:  # written now, not later than now as edit_source makes it: read by the text build, not again by the html build
            orders = srcdir / "orders.rst"
            orders.write_text(orders.read_text(encoding="utf-8").replace("Orders\n======", "Ordering\n========"), encoding="utf-8")
        subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", builder, "-d", str(doctrees), str(srcdir), str(tmp_path / builder)], check=True)
    assert parse_html(tmp_path / "html" / "orders-old.html").find("a").get_text() == "Ordering"


def test_a_move_that_cannot_be_written_is_warned_about_in_every_build(build, srcdir):
    write_conf(srcdir, '{"old": "nowhere"}')
    build("test-code-urls", srcdir=srcdir)
    edit_source(srcdir / "index.rst", "Test project\n============", "Our project\n===========")
    app = build("test-code-urls", srcdir=srcdir)
    assert "errcodes_moved_pages: 'old': 'nowhere' is not a document" in warnings_of(app)
