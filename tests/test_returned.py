"""errcodes-returned: the errors of an endpoint, as a table on an API page, and "Returned by" on the reference page."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import ROOTS, edit_source, parse_html, warnings_of


@pytest.fixture(scope="module")
def built(build):
    return build("test-fields")


def table_rows(page) -> list[list[str]]:
    table = page.find("table", class_="errcodes-returned")
    return [[cell.get_text() for cell in row.find_all(["th", "td"])] for row in table.find_all("tr")]


def test_the_table_lists_each_code_with_its_message_status_and_retry_advice(built):
    assert table_rows(parse_html(built.outdir / "orders.html")) == [
        ["Code", "Message", "HTTP status", "Retry"],
        ["36", "Insufficient funds", "HTTP 402 Payment Required", "Not retryable"],
        ["37", "Invalid quantity", "HTTP 400 Bad Request", "Not retryable"],
        ["19", "Too many declined cards", "HTTP 429 Too Many Requests", "Retryable"],
    ]


def test_each_code_links_to_its_entry(built):
    table = parse_html(built.outdir / "orders.html").find("table", class_="errcodes-returned")
    assert [a["href"] for a in table.find_all("a")] == ["errors.html#code-36", "errors.html#code-37", "errors.html#code-19"]


def test_a_catalog_without_statuses_gives_a_table_without_their_columns(build, basic_srcdir):
    (basic_srcdir / "orders.rst").write_text("Orders\n======\n\n.. errcodes-returned::\n\n   36 -99\n", encoding="utf-8")
    app = build("test-basic", srcdir=basic_srcdir)
    assert table_rows(parse_html(app.outdir / "orders.html"))[0] == ["Code", "Message"]


def test_an_unknown_code_warns_at_the_directive_like_the_role(build, basic_srcdir):
    (basic_srcdir / "orders.rst").write_text("Orders\n======\n\n.. errcodes-returned::\n\n   36 12345\n", encoding="utf-8")
    app = build("test-basic", srcdir=basic_srcdir)
    assert warnings_of(app).splitlines() == [
        f"{basic_srcdir / 'orders.rst'}:4: WARNING: unknown error code '12345': it is in no catalog of this site nor in any intersphinx inventory [errcodes.unknown-code]"
    ]
    assert table_rows(parse_html(app.outdir / "orders.html"))[2] == ["12345", ""]


def test_the_reference_page_says_where_a_code_is_returned_apart_from_where_it_is_mentioned(built):
    entry = parse_html(built.outdir / "errors.html").find(id="code-36")
    assert entry.find(class_="errcodes-returned-by").get_text() == "Returned by: Place an order"
    assert entry.find(class_="errcodes-backlinks").get_text() == "Mentioned in: Placing an order"


def test_a_section_that_returns_a_code_is_not_also_listed_as_mentioning_it(build, basic_srcdir):
    edit_source(basic_srcdir / "orders.rst", "A new order can fail with", ".. errcodes-returned::\n\n   36\n\nA new order can fail with")
    entry = parse_html(build("test-basic", srcdir=basic_srcdir).outdir / "errors.html").find(id="code-36")
    assert entry.find(class_="errcodes-returned-by").get_text() == "Returned by: Place an order"
    assert entry.find(class_="errcodes-backlinks") is None


def test_errcodes_json_separates_returned_by_from_referenced_by(built):
    codes = {entry["code"]: entry for entry in json.loads((built.outdir / "errcodes.json").read_text(encoding="utf-8"))["codes"]}
    assert codes["36"]["returned_by"] == [{"url": "orders.html#place-an-order", "title": "Place an order"}]
    assert codes["36"]["referenced_by"] == [{"url": "orders.html#placing-an-order", "title": "Placing an order"}]


def test_the_directive_works_in_a_markdown_page(build, tmp_path):
    shutil.copytree(ROOTS / "test-explanations", tmp_path, dirs_exist_ok=True)
    (tmp_path / "orders.rst").unlink()
    (tmp_path / "orders.md").write_text("# Orders\n\n## Place an order\n\n```{errcodes-returned}\n36 37\n```\n", encoding="utf-8")
    app = build("test-explanations", srcdir=tmp_path)
    assert warnings_of(app) == ""
    assert [row[0] for row in table_rows(parse_html(app.outdir / "orders.html"))] == ["Code", "36", "37"]
    assert parse_html(app.outdir / "errors.html").find(id="code-36").find(class_="errcodes-returned-by").get_text() == "Returned by: Place an order"


@pytest.mark.parametrize("buildername, suffix", [("text", ".txt"), ("latex", ".tex"), ("man", ".1"), ("singlehtml", ".html")])
def test_other_builders_render_the_table(build, buildername, suffix):
    app = build("test-fields", buildername)
    written = " ".join(path.read_text(encoding="utf-8") for path in app.outdir.glob(f"*{suffix}"))
    assert "HTTP 429 Too Many Requests" in " ".join(written.split())


def test_a_table_with_no_index_is_not_listed_as_returning_its_codes(build, basic_srcdir):
    edit_source(basic_srcdir / "orders.rst", "A new order can fail with", ".. errcodes-returned::\n   :no-index:\n\n   10010\n\nA new order can fail with")
    app = build("test-basic", srcdir=basic_srcdir)
    assert table_rows(parse_html(app.outdir / "orders.html"))[1][0] == "10010"
    assert parse_html(app.outdir / "errors.html").find(id="code-10010").find(class_="errcodes-returned-by") is None


def test_a_table_with_no_index_follows_the_catalog_without_a_fresh_build(build, basic_srcdir):
    (basic_srcdir / "api.rst").write_text(":orphan:\n\nAPI\n===\n\n.. errcodes-returned::\n   :no-index:\n\n   36\n", encoding="utf-8")
    build("test-basic", srcdir=basic_srcdir)
    edit_source(basic_srcdir / "codes.csv", "36,Margin and funds,Insufficient funds", "36,Margin and funds,Not enough money")
    app = build("test-basic", srcdir=basic_srcdir)
    assert table_rows(parse_html(app.outdir / "api.html"))[1] == ["36", "Not enough money"]


def test_a_code_listed_twice_warns_and_has_one_row(build, basic_srcdir):
    (basic_srcdir / "orders.rst").write_text("Orders\n======\n\n.. errcodes-returned::\n\n   36 36\n", encoding="utf-8")
    app = build("test-basic", srcdir=basic_srcdir)
    assert warnings_of(app).splitlines() == [f"{basic_srcdir / 'orders.rst'}:4: WARNING: errcodes-returned lists code 36 twice; keep it once [errcodes.returned]"]
    assert [row[0] for row in table_rows(parse_html(app.outdir / "orders.html"))] == ["Code", "36"]


def test_the_json_lists_no_section_of_the_code_s_own_page(build, basic_srcdir):
    edit_source(basic_srcdir / "errors.rst", ".. error-codes::\n", ".. error-codes::\n\nSee also :errcode:`36`.\n")
    app = build("test-basic", srcdir=basic_srcdir)
    codes = {entry["code"]: entry for entry in json.loads((app.outdir / "errcodes.json").read_text(encoding="utf-8"))["codes"]}
    assert [section["url"] for section in codes["36"]["referenced_by"]] == ["orders.html#place-an-order"]
