"""Each entry lists the sections that link to its code ("Mentioned in: …")."""

from __future__ import annotations

import pytest

from conftest import documents_written, edit_source, parse_html


def backlinks(page, code: str) -> list[tuple[str, str]]:
    note = page.find(id=f"code-{code}").find(class_="errcodes-backlinks")
    return [] if note is None else [(a["href"], a.get_text()) for a in note.find_all("a")]


@pytest.fixture(scope="module")
def errors_page(build):
    return parse_html(build("test-basic").outdir / "errors.html")


def test_entry_lists_the_section_that_references_it(errors_page):
    assert backlinks(errors_page, "36") == [("orders.html#place-an-order", "Place an order")]


def test_backlinks_say_where_the_code_is_mentioned(errors_page):
    assert errors_page.find(id="code-36").find(class_="errcodes-backlinks").get_text() == "Mentioned in: Place an order"


def test_entry_that_nobody_references_shows_no_backlinks(errors_page):
    assert errors_page.find(id="code-10010").find(class_="errcodes-backlinks") is None


def test_backlinks_can_be_turned_off(build):
    app = build("test-basic", confoverrides={"errcodes_backlinks": False})
    assert parse_html(app.outdir / "errors.html").find(class_="errcodes-backlinks") is None


def test_every_referencing_page_is_listed_once_in_page_order(build):
    page = parse_html(build("test-parallel").outdir / "errors.html")
    assert backlinks(page, "36") == [(f"page{n}.html#page-{n}", f"Page {n}") for n in range(1, 9)]


def test_parallel_build_lists_the_same_backlinks(build):
    page = parse_html(build("test-parallel", parallel=2).outdir / "errors.html")
    assert backlinks(page, "36") == [(f"page{n}.html#page-{n}", f"Page {n}") for n in range(1, 9)]


def test_a_page_that_stops_referencing_a_code_drops_out_without_a_fresh_build(build, basic_srcdir):
    build("test-basic", srcdir=basic_srcdir)
    edit_source(basic_srcdir / "orders.rst", ":errcode:`99`", "another user's order")
    app = build("test-basic", srcdir=basic_srcdir)
    assert backlinks(parse_html(app.outdir / "errors.html"), "99") == []


def test_a_page_that_starts_referencing_a_code_appears_without_a_fresh_build(build, basic_srcdir):
    build("test-basic", srcdir=basic_srcdir)
    edit_source(basic_srcdir / "index.rst", "Test project\n============\n", "Test project\n============\n\nSigning fails with :errcode:`10010`.\n")
    app = build("test-basic", srcdir=basic_srcdir)
    assert backlinks(parse_html(app.outdir / "errors.html"), "10010") == [("index.html#test-project", "Test project")]


def test_the_reference_page_is_not_rewritten_when_an_unrelated_page_changes(build, basic_srcdir):
    (basic_srcdir / "unrelated.rst").write_text("Unrelated\n=========\n\nNo codes here.\n", encoding="utf-8")
    edit_source(basic_srcdir / "index.rst", "   orders\n", "   orders\n   unrelated\n")
    build("test-basic", srcdir=basic_srcdir)
    edit_source(basic_srcdir / "unrelated.rst", "No codes here.", "Still no codes here.")
    app = build("test-basic", srcdir=basic_srcdir)
    # Sphinx itself rewrites the toctree's parent (index) too.
    assert "unrelated" in documents_written(app)
    assert "errors" not in documents_written(app)


def add_refunds_page(srcdir) -> None:
    """A page whose section "Cancel an order" links code 99, as a section of orders.rst does."""
    (srcdir / "refunds.rst").write_text("Refunds\n=======\n\nCancel an order\n---------------\n\nA refund of another user's order gives :errcode:`99`.\n", encoding="utf-8")
    edit_source(srcdir / "index.rst", "   orders\n", "   orders\n   refunds\n")


def test_sections_with_the_same_title_on_two_pages_are_told_apart_by_their_page(build, basic_srcdir):
    add_refunds_page(basic_srcdir)
    app = build("test-basic", srcdir=basic_srcdir)
    assert backlinks(parse_html(app.outdir / "errors.html"), "99") == [
        ("orders.html#cancel-an-order", "Cancel an order (Orders)"),
        ("refunds.html#cancel-an-order", "Cancel an order (Refunds)"),
    ]


def test_a_renamed_page_is_renamed_in_the_links_without_a_fresh_build(build, basic_srcdir):
    add_refunds_page(basic_srcdir)
    build("test-basic", srcdir=basic_srcdir)
    edit_source(basic_srcdir / "refunds.rst", "Refunds\n=======\n", "Returns\n=======\n")
    app = build("test-basic", srcdir=basic_srcdir)
    assert backlinks(parse_html(app.outdir / "errors.html"), "99")[1] == ("refunds.html#cancel-an-order", "Cancel an order (Returns)")


def test_a_link_before_the_first_heading_is_named_after_the_page(build, basic_srcdir):
    edit_source(basic_srcdir / "orders.rst", "Orders\n======\n", "See :errcode:`10010`.\n\nOrders\n======\n")
    app = build("test-basic", srcdir=basic_srcdir)
    assert backlinks(parse_html(app.outdir / "errors.html"), "10010") == [("orders.html", "Orders")]


def test_a_link_from_a_page_without_a_title_is_named_after_the_page(build, basic_srcdir):
    (basic_srcdir / "notes.rst").write_text(":orphan:\n\nSigning fails with :errcode:`10010`.\n", encoding="utf-8")
    app = build("test-basic", srcdir=basic_srcdir)
    assert backlinks(parse_html(app.outdir / "errors.html"), "10010") == [("notes.html", "notes")]
