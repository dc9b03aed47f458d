"""Incremental builds follow the catalog without -E."""

from __future__ import annotations

from conftest import documents_written, edit_source, parse_html, read_search_index, warnings_of


def test_an_edited_description_shows_on_the_reference_page_without_a_fresh_build(build, basic_srcdir):
    build("test-basic", srcdir=basic_srcdir)
    edit_source(basic_srcdir / "codes.csv", "36,Margin and funds,Insufficient funds", "36,Margin and funds,Not enough funds")
    app = build("test-basic", srcdir=basic_srcdir)
    entry = parse_html(app.outdir / "errors.html").find(id="code-36")
    assert entry.find(class_="errcodes-description").get_text() == "Not enough funds"


def test_an_edited_description_updates_the_link_title_on_referencing_pages(build, basic_srcdir):
    build("test-basic", srcdir=basic_srcdir)
    edit_source(basic_srcdir / "codes.csv", "36,Margin and funds,Insufficient funds", "36,Margin and funds,Not enough funds")
    app = build("test-basic", srcdir=basic_srcdir)
    link = parse_html(app.outdir / "orders.html").find("a", href="errors.html#code-36")
    assert link["title"] == "Not enough funds"


def test_a_removed_code_warns_on_the_page_that_references_it(build, basic_srcdir):
    first = build("test-basic", srcdir=basic_srcdir)
    assert "unknown error code '99'" not in warnings_of(first)
    edit_source(basic_srcdir / "codes.csv", "99,General,Cannot perform operation for another user\n", "")
    app = build("test-basic", srcdir=basic_srcdir)
    assert f"{basic_srcdir / 'orders.rst'}:12: WARNING: unknown error code '99'" in warnings_of(app)
    assert parse_html(app.outdir / "errors.html").find(id="code-99") is None


def test_nothing_is_reread_when_nothing_changed(build, basic_srcdir):
    build("test-basic", srcdir=basic_srcdir)
    app = build("test-basic", srcdir=basic_srcdir)
    assert "0 added, 0 changed, 0 removed" in app.status.getvalue()


def test_search_entries_of_the_reference_page_survive_a_rebuild_that_does_not_rewrite_it(build, basic_srcdir):
    first = read_search_index(build("test-basic", srcdir=basic_srcdir).outdir)["indexentries"]
    edit_source(basic_srcdir / "orders.rst", "A new order can fail", "A new order may fail")
    app = build("test-basic", srcdir=basic_srcdir)
    assert "errors" not in documents_written(app)
    assert read_search_index(app.outdir)["indexentries"] == first
