"""Opening a link to a code: the entry is in view, below the sticky header, and highlighted."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from .reference_page import ALL_CODES, computed_colour, filter_field, settle_scrolling, shown_codes, status

PHONE = {"width": 390, "height": 844}


def entry_box(page, code: str) -> dict:
    return page.locator(f"#code-{code}").bounding_box()


def test_a_code_anchor_brings_the_entry_into_view_uncovered(open_page):
    page = open_page("errors.html#code-36")
    settle_scrolling(page)
    box = entry_box(page, "36")
    assert 0 <= box["y"] < page.viewport_size["height"] / 2
    # Nothing (a sticky header, say) lies over the entry's top left corner.
    covering = page.evaluate(f"document.elementFromPoint({box['x'] + 2}, {box['y'] + 2}).closest('#code-36') !== null")
    assert covering


def test_a_code_anchor_highlights_its_entry_with_the_themes_colour(open_page):
    page = open_page("errors.html#code-36")
    highlight = computed_colour(page, "var(--color-highlight-on-target)")
    expect(page.locator("#code-36")).to_have_css("background-color", highlight)
    expect(page.locator("#code-35")).not_to_have_css("background-color", highlight)


def test_on_a_phone_a_code_anchor_stops_below_the_sticky_header(open_page):
    page = open_page("errors.html#code-36", viewport=PHONE)
    settle_scrolling(page)
    header = page.locator(".mobile-header").bounding_box()
    assert header["height"] > 0
    assert header["y"] == 0
    box = entry_box(page, "36")
    assert header["y"] + header["height"] <= box["y"] < PHONE["height"] / 2


def test_a_link_to_a_code_the_filter_hides_clears_the_filter_and_shows_the_entry(page):
    filter_field(page).fill("orders")
    expect(page.locator("#code-36")).to_be_hidden()
    page.evaluate("location.hash = 'code-36'")
    expect(page.locator("#code-36")).to_be_in_viewport()
    expect(filter_field(page)).to_have_value("")
    expect(status(page)).to_have_text("94 codes")
    expect(page).to_have_url(re.compile(r"/errors\.html#code-36$"))
    assert shown_codes(page) == ALL_CODES


def test_a_link_to_a_category_the_filter_hides_clears_the_filter_and_shows_it(page):
    filter_field(page).fill("margin")
    expect(page.get_by_role("heading", name="Orders")).to_be_hidden()
    page.evaluate("location.hash = 'category-orders'")
    expect(page.get_by_role("heading", name="Orders")).to_be_in_viewport()
    expect(filter_field(page)).to_have_value("")
    expect(status(page)).to_have_text("94 codes")


def test_a_link_to_a_code_the_filter_shows_keeps_the_filter(page):
    filter_field(page).fill("margin")
    page.evaluate("location.hash = 'code-36'")
    expect(page.locator("#code-36")).to_be_in_viewport()
    expect(status(page)).to_have_text("8 of 94 codes")


def test_a_shared_url_with_a_query_and_an_anchor_keeps_both(open_page):
    page = open_page("errors.html?q=margin#code-199")
    expect(status(page)).to_have_text("8 of 94 codes")
    settle_scrolling(page)
    expect(page.locator("#code-199")).to_be_in_viewport()
    assert entry_box(page, "199")["y"] >= 0


def test_a_shared_url_whose_anchor_the_query_hides_shows_the_entry_unfiltered(open_page):
    page = open_page("errors.html?q=margin#code-18", viewport=PHONE)
    expect(status(page)).to_have_text("94 codes")
    expect(page).to_have_url(re.compile(r"/errors\.html#code-18$"))
    settle_scrolling(page)
    header = page.locator(".mobile-header").bounding_box()
    assert header["height"] <= entry_box(page, "18")["y"] < PHONE["height"] / 2
