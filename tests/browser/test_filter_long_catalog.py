"""The filter box on a category longer than one list (50 entries): lists that hold no match, and categories away from the viewport."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from .harness import build_site, serve
from .reference_page import filter_field, shown_codes, status

# Two categories of 120 codes each (lists of 50, 50 and 20); no digit in the
# descriptions, so that a number finds codes only.
CODES = {"Orders": range(1, 121), "Payments": range(1001, 1121)}
ALL_CODES = {str(code) for codes in CODES.values() for code in codes}


@pytest.fixture(scope="module")
def long_catalog_url(tmp_path_factory) -> Iterator[str]:
    source = tmp_path_factory.mktemp("long-catalog")
    (source / "conf.py").write_text('project = "Long catalog"\nhtml_theme = "furo"\nextensions = ["sphinx_errcodes"]\nerrcodes_file = "codes.csv"\n')
    (source / "index.rst").write_text("Long catalog\n============\n\n.. toctree::\n\n   errors\n")
    (source / "errors.rst").write_text("Error codes\n===========\n\n.. error-codes::\n")
    rows = [f"{code},{category},{category} problem" for category, codes in CODES.items() for code in codes]
    (source / "codes.csv").write_text("code,category,description\n" + "\n".join(rows) + "\n")
    with serve(build_site(source, source / "_build")) as url:
        yield url


@pytest.fixture
def page(open_page, long_catalog_url) -> Page:
    return open_page(base_url=long_catalog_url)


def second_list_of_orders(page: Page):
    return page.locator("#category-orders .errcodes-list").nth(1)


def test_a_list_without_a_match_is_hidden(page):
    filter_field(page).fill("11")
    expect(status(page)).to_have_text("32 of 240 codes")
    expect(second_list_of_orders(page)).to_be_hidden()
    assert shown_codes(page) == {"11", *(str(code) for code in [*range(110, 120), *range(1100, 1121)])}


def test_the_entries_of_a_list_hidden_as_a_whole_follow_the_next_query(page):
    filter_field(page).fill("11")
    expect(second_list_of_orders(page)).to_be_hidden()
    filter_field(page).fill("5")
    expect(status(page)).to_have_text("11 of 240 codes")
    assert shown_codes(page) == {"5", *(str(code) for code in range(50, 60))}


def test_escape_after_a_list_was_hidden_shows_every_code(page):
    filter_field(page).fill("11")
    expect(second_list_of_orders(page)).to_be_hidden()
    filter_field(page).press("Escape")
    expect(status(page)).to_have_text("240 codes")
    assert shown_codes(page) == ALL_CODES


def test_a_category_away_from_the_viewport_is_not_rendered_until_it_comes_near(page):
    payments = page.locator("#category-payments .errcodes-lists")
    assert not payments.evaluate("block => block.firstElementChild.checkVisibility({contentVisibilityAuto: true})")
    page.locator("#category-payments").scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelector('#category-payments .errcodes-list').checkVisibility({contentVisibilityAuto: true})")


def test_a_category_the_filter_hides_takes_no_room(page):
    filter_field(page).fill("5")
    expect(page.get_by_role("heading", name="Payments")).to_be_hidden()
    assert page.locator("#category-payments").evaluate("category => category.getBoundingClientRect().height") == 0
