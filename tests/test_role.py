"""The :errcode: role links any page to a code's entry."""

from __future__ import annotations

import pytest

from conftest import edit_source, parse_html, warnings_of


@pytest.fixture(scope="module")
def basic(build):
    return build("test-basic")


@pytest.fixture(scope="module")
def orders_page(basic):
    return parse_html(basic.outdir / "orders.html")


def link_containing(page, text):
    return next(a for a in page.find_all("a", class_="reference") if a.get_text() == text)


def test_role_links_to_the_code_anchor_on_the_reference_page(orders_page):
    assert link_containing(orders_page, "36")["href"] == "errors.html#code-36"


def test_role_link_text_is_the_code_and_its_title_the_description(orders_page):
    link = link_containing(orders_page, "36")
    assert link.get_text() == "36"
    assert link["title"] == "Insufficient funds"


def test_role_with_explicit_text_keeps_the_text_and_links_the_code(orders_page):
    link = link_containing(orders_page, "the system error")
    assert link["href"] == "errors.html#code--99"
    assert link["title"] == "System error, please try again later"


def test_unknown_code_warns_with_file_line_and_type(basic):
    (warning,) = warnings_of(basic).splitlines()
    assert warning.startswith(f"{basic.srcdir / 'orders.rst'}:12: WARNING: unknown error code '12345'")
    assert warning.endswith("[errcodes.unknown-code]")


def test_unknown_code_still_shows_its_text(orders_page):
    literal = next(code for code in orders_page.find_all("code") if code.get_text() == "12345")
    assert literal.find_parent("a") is None


def test_unknown_code_warning_is_silenced_by_suppress_warnings(build):
    app = build("test-basic", confoverrides={"suppress_warnings": ["errcodes.unknown-code"]})
    assert warnings_of(app) == ""


def test_a_warning_points_at_the_line_of_the_role_inside_its_paragraph(build, basic_srcdir):
    edit_source(
        basic_srcdir / "orders.rst",
        "Cancelling someone else's order gives :errcode:`99`; :errcode:`12345` is not a code.",
        "Cancelling someone else's order\ngives :errcode:`99`;\n:errcode:`12345` is not a code,\nnor is :errcode:`12345` here.",
    )
    app = build("test-basic", srcdir=basic_srcdir)
    lines = [line.split(": WARNING")[0] for line in warnings_of(app).splitlines()]
    assert lines == [f"{basic_srcdir / 'orders.rst'}:14", f"{basic_srcdir / 'orders.rst'}:15"]
