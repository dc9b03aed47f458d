"""A code's fields beyond its message: name, HTTP status, retry advice, lifecycle, replacement, the project's own columns."""

from __future__ import annotations

import shutil

import pytest

from conftest import ROOTS, edit_source, inventory_uris, parse_html, warnings_of


@pytest.fixture(scope="module")
def built(build):
    return build("test-fields")


@pytest.fixture(scope="module")
def page(built):
    return parse_html(built.outdir / "errors.html")


def entry(page, code):
    return page.find(id=f"code-{code}")


def badges(page, code) -> list[str]:
    return [badge.get_text() for badge in entry(page, code).find_all(class_="errcodes-badge")]


def test_the_name_stands_beside_the_code(page):
    assert entry(page, "36").find("dt").find(class_="errcodes-name").get_text() == "INSUFFICIENT_FUNDS"


def test_a_code_without_a_name_shows_none(page):
    assert entry(page, "20").find(class_="errcodes-name") is None


def test_the_http_status_is_shown_with_its_standard_reason_phrase(page):
    assert "HTTP 402 Payment Required" in badges(page, "36")


def test_an_http_status_outside_the_standard_is_shown_without_a_phrase(page):
    assert "HTTP 499" in badges(page, "20")


@pytest.mark.parametrize("code, shown", [("-99", "Retryable"), ("36", "Not retryable")])
def test_retry_advice_is_a_badge(page, code, shown):
    assert shown in badges(page, code)


def test_unknown_retry_advice_shows_no_badge(page):
    assert not any("etryable" in badge for badge in badges(page, "20"))


def test_the_version_that_introduced_a_code_is_shown(page):
    assert "Since 2.3" in badges(page, "19")


@pytest.mark.parametrize("code, status", [("19", "Deprecated"), ("18", "Retired")])
def test_deprecated_and_retired_codes_are_marked(page, code, status):
    assert status in badges(page, code)
    assert f"errcodes-{status.lower()}" in entry(page, code)["class"]


def test_an_active_code_is_not_marked(page):
    assert entry(page, "36").find(class_="errcodes-status") is None
    assert entry(page, "36")["class"] == ["errcodes-entry"]


def test_a_retired_code_keeps_its_entry_and_anchor(page):
    assert entry(page, "18").find(class_="errcodes-description").get_text() == "Order expired"


def test_a_replacement_is_linked(page):
    note = entry(page, "18").find(class_="errcodes-replaced-by")
    assert note.get_text() == "Use 37 instead."
    assert note.find("a")["href"] == "#code-37"


def test_a_project_column_is_a_labelled_field(page):
    assert entry(page, "36").find(class_="errcodes-extra").get_text() == "Owning team: Payments"


def test_mentions_are_labelled_as_mentions(page):
    assert entry(page, "18").find(class_="errcodes-backlinks").get_text() == "Mentioned in: Placing an order"


def test_the_filter_box_can_read_the_fields(page):
    attributes = entry(page, "18").attrs
    assert {key: value for key, value in attributes.items() if key.startswith("data-errcodes-")} == {
        "data-errcodes-name": "ORDER_EXPIRED",
        "data-errcodes-http-status": "410",
        "data-errcodes-status": "retired",
    }


def test_a_name_links_to_the_same_entry_as_its_code(built):
    link = parse_html(built.outdir / "orders.html").find("a", string="INSUFFICIENT_FUNDS")
    assert link["href"] == "errors.html#code-36"


def test_a_link_with_text_of_its_own_is_not_in_code_font(built):
    link = parse_html(built.outdir / "orders.html").find("a", href="errors.html#code-19", string=None)
    assert link.find("code") is None
    assert link.get_text() == "an expired card"


def test_a_link_to_a_retired_code_warns_and_names_the_replacement(built):
    warnings = warnings_of(built).splitlines()
    assert warnings == [f"{built.srcdir / 'orders.rst'}:9: WARNING: error code 18 is retired; link to 37 instead [errcodes.retired]"]


def test_a_link_to_a_retired_code_still_works(built):
    assert parse_html(built.outdir / "orders.html").find("a", href="errors.html#code-18") is not None


def test_names_are_objects_for_intersphinx_and_search(built):
    uris = inventory_uris(built.outdir / "objects.inv", "errcodes:code")
    assert uris["INSUFFICIENT_FUNDS"] == uris["36"] == "errors.html#code-36"


def test_other_builders_show_the_name_and_badges(build):
    app = build("test-fields", "text")
    text = " ".join((app.outdir / "errors.txt").read_text(encoding="utf-8").split())
    assert '"36" "INSUFFICIENT_FUNDS" [HTTP 402 Payment Required] [Not retryable] [Since 1.0]' in text
    assert "Use 37 instead." in text
    assert "Owning team: Payments" in text


@pytest.fixture
def fields_srcdir(tmp_path):
    shutil.copytree(ROOTS / "test-fields", tmp_path, dirs_exist_ok=True)
    return tmp_path


def test_a_code_that_becomes_retired_warns_where_it_is_linked_without_a_fresh_build(build, fields_srcdir):
    build("test-fields", srcdir=fields_srcdir)
    edit_source(fields_srcdir / "codes.csv", "36,INSUFFICIENT_FUNDS,Funds,Insufficient funds,402,no,1.0,,", "36,INSUFFICIENT_FUNDS,Funds,Insufficient funds,402,no,1.0,retired,")
    app = build("test-fields", srcdir=fields_srcdir)
    assert f"{fields_srcdir / 'orders.rst'}:7: WARNING: error code 36 is retired [errcodes.retired]" in warnings_of(app)
    assert "Retired" in badges(parse_html(app.outdir / "errors.html"), "36")


def test_a_renamed_name_no_longer_links_without_a_fresh_build(build, fields_srcdir):
    build("test-fields", srcdir=fields_srcdir)
    edit_source(fields_srcdir / "codes.csv", "INSUFFICIENT_FUNDS", "NOT_ENOUGH_FUNDS")
    app = build("test-fields", srcdir=fields_srcdir)
    assert "unknown error code 'INSUFFICIENT_FUNDS'" in warnings_of(app)


def test_a_deprecated_code_links_without_a_warning(built):
    assert "code 19" not in warnings_of(built)
    assert parse_html(built.outdir / "orders.html").find("a", href="errors.html#code-19") is not None


def test_a_link_by_name_is_listed_under_its_code_s_mentions(page):
    assert entry(page, "36").find(class_="errcodes-backlinks").get_text() == "Mentioned in: Placing an order"
