"""A catalog rendered more than once: a warning, ids once per page, and builds that agree."""

from __future__ import annotations

import shutil
from collections import Counter

from conftest import ROOTS, edit_source, parse_html, warnings_of


def test_two_directives_on_one_page_warn_and_render_the_catalog_once(build, basic_srcdir):
    edit_source(basic_srcdir / "errors.rst", ".. error-codes::\n", ".. error-codes::\n\nAgain:\n\n.. error-codes::\n")
    app = build("test-basic", srcdir=basic_srcdir)
    assert f"{basic_srcdir / 'errors.rst'}:8: WARNING: the catalog is already rendered on this page, at line 4; remove this error-codes directive [errcodes.duplicate]" in warnings_of(app)
    ids = Counter(element["id"] for element in parse_html(app.outdir / "errors.html").find_all(id=True))
    assert ids["code-36"] == 1
    assert [id for id, count in ids.items() if count > 1] == []


def test_the_filter_counts_each_code_once_with_two_directives_on_one_page(build, basic_srcdir):
    edit_source(basic_srcdir / "errors.rst", ".. error-codes::\n", ".. error-codes::\n\n.. error-codes::\n")
    app = build("test-basic", srcdir=basic_srcdir)
    assert parse_html(app.outdir / "errors.html").find(class_="errcodes-filter-status").get_text() == "7 codes"


def test_a_page_with_two_directives_rebuilds_after_an_edit(build, basic_srcdir):
    edit_source(basic_srcdir / "errors.rst", ".. error-codes::\n", ".. error-codes::\n\n.. error-codes::\n")
    build("test-basic", srcdir=basic_srcdir)
    edit_source(basic_srcdir / "errors.rst", "Errors\n======\n", "Error codes\n===========\n")
    app = build("test-basic", srcdir=basic_srcdir)
    assert app.statuscode == 0
    assert parse_html(app.outdir / "errors.html").find(id="code-36") is not None


def test_deleting_one_of_two_pages_that_render_the_catalog_keeps_every_link(build, tmp_path):
    """The incremental build links the codes to the page that remains, as a full build does."""
    shutil.copytree(ROOTS / "test-duplicate", tmp_path, dirs_exist_ok=True)
    (tmp_path / "link.rst").write_text("Link\n====\n\nSee :errcode:`36`.\n", encoding="utf-8")
    edit_source(tmp_path / "index.rst", "   again\n", "   again\n   link\n")
    build("test-duplicate", srcdir=tmp_path)
    (tmp_path / "again.rst").unlink()
    edit_source(tmp_path / "index.rst", "   again\n", "")
    for fresh in (False, True):
        app = build("test-duplicate", srcdir=tmp_path, freshenv=fresh)
        assert "unknown error code" not in warnings_of(app)
        assert parse_html(app.outdir / "link.html").find("a", class_="reference")["href"] == "errors.html#code-36"
