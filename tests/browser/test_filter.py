"""The filter box: typing narrows the catalog at once, by code prefix or by words."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from .reference_page import ALL_CODES, filter_field, shown_categories, shown_codes, status


def test_before_typing_every_code_is_shown_and_counted(page):
    assert shown_codes(page) == ALL_CODES
    expect(status(page)).to_have_text("94 codes")


def test_a_number_shows_the_codes_that_start_with_it(page):
    filter_field(page).press_sequentially("10")
    expect(status(page)).to_have_text("13 of 94 codes")
    assert shown_codes(page) == {code for code in ALL_CODES if code.startswith("10")}
    assert "100" in shown_codes(page)


def test_a_negative_code_is_found_with_its_minus_sign(page):
    filter_field(page).fill("-99")
    expect(status(page)).to_have_text("1 of 94 codes")
    assert shown_codes(page) == {"-99"}


def test_a_word_finds_the_codes_whose_description_has_it(page):
    filter_field(page).fill("signature")
    expect(status(page)).to_have_text("2 of 94 codes")
    assert shown_codes(page) == {"10003", "10010"}


def test_a_word_finds_every_code_of_a_category_named_with_it(page):
    filter_field(page).fill("margin")
    expect(status(page)).to_have_text("8 of 94 codes")
    assert shown_codes(page) == {"33", "35", "36", "100", "172", "180", "197", "199"}


def test_the_start_of_a_word_is_enough_while_typing(page):
    filter_field(page).press_sequentially("sign")
    expect(status(page)).to_have_text("6 of 94 codes")
    assert shown_codes(page) >= {"10003", "10010"}


def test_every_word_must_match_in_any_case(page):
    filter_field(page).fill("INSUFFICIENT Margin")
    expect(status(page)).to_have_text("4 of 94 codes")
    assert shown_codes(page) == {"35", "36", "100", "172"}


def test_categories_without_a_match_are_hidden_with_their_heading(page):
    filter_field(page).fill("margin")
    expect(page.get_by_role("heading", name="Orders")).to_be_hidden()
    expect(page.get_by_role("heading", name="Margin and funds")).to_be_visible()
    assert shown_categories(page) == ["category-margin-and-funds"]


def test_the_count_is_a_live_region_for_screen_readers(page):
    expect(status(page)).to_have_attribute("aria-live", "polite")
    expect(status(page)).to_have_attribute("role", "status")
    filter_field(page).fill("margin")
    expect(page.get_by_role("status")).to_have_text("8 of 94 codes")


def test_a_query_without_match_says_so(page):
    filter_field(page).fill("zebra")
    expect(status(page)).to_have_text("No codes match \u201czebra\u201d")
    assert shown_codes(page) == set()
    assert shown_categories(page) == []


def test_a_query_is_shown_as_text_never_as_markup(page):
    query = '<img src="x" data-injected>'
    filter_field(page).fill(query)
    expect(status(page)).to_have_text(f"No codes match \u201c{query}\u201d")
    assert page.locator("[data-injected]").count() == 0


def test_escape_clears_the_filter(page):
    filter_field(page).fill("margin")
    expect(status(page)).to_have_text("8 of 94 codes")
    filter_field(page).press("Escape")
    expect(filter_field(page)).to_have_value("")
    expect(status(page)).to_have_text("94 codes")
    assert shown_codes(page) == ALL_CODES


def test_a_query_typed_right_after_escape_filters_the_whole_catalog(page):
    filter_field(page).fill("margin")
    filter_field(page).press("Escape")
    filter_field(page).press_sequentially("sig")
    expect(status(page)).to_have_text("6 of 94 codes")
    assert shown_codes(page) == {"10001", "10002", "10003", "10007", "10008", "10010"}


def test_the_query_goes_into_the_url_and_survives_a_reload(page):
    filter_field(page).press_sequentially("margin")
    expect(page).to_have_url(re.compile(r"/errors\.html\?q=margin$"))
    page.reload()
    expect(filter_field(page)).to_have_value("margin")
    expect(status(page)).to_have_text("8 of 94 codes")


def test_clearing_the_filter_takes_the_query_out_of_the_url(page):
    filter_field(page).fill("margin")
    expect(page).to_have_url(re.compile(r"\?q=margin$"))
    filter_field(page).press("Escape")
    expect(page).to_have_url(re.compile(r"/errors\.html$"))


def test_a_shared_url_with_a_query_opens_filtered(open_page):
    page = open_page("errors.html?q=insufficient+margin")
    expect(filter_field(page)).to_have_value("insufficient margin")
    expect(status(page)).to_have_text("4 of 94 codes")
    assert shown_codes(page) == {"35", "36", "100", "172"}


def test_typing_adds_no_history_entries(page):
    length = page.evaluate("history.length")
    filter_field(page).press_sequentially("margin")
    expect(page).to_have_url(re.compile(r"\?q=margin$"))
    assert page.evaluate("history.length") == length


def test_the_back_button_returns_to_the_filtered_view(page):
    filter_field(page).press_sequentially("margin")
    expect(page).to_have_url(re.compile(r"\?q=margin$"))
    page.get_by_role("link", name="Positions and margin").first.click()
    expect(page).to_have_url(re.compile(r"positions-and-margin\.html"))
    page.go_back()
    expect(filter_field(page)).to_have_value("margin")
    expect(status(page)).to_have_text("8 of 94 codes")
    assert shown_codes(page) == {"33", "35", "36", "100", "172", "180", "197", "199"}


def test_going_back_to_an_entry_visited_from_the_filtered_view_keeps_the_filter(page):
    filter_field(page).fill("insufficient")
    expect(page).to_have_url(re.compile(r"\?q=insufficient$"))
    page.evaluate("location.hash = 'code-36'")
    expect(page).to_have_url(re.compile(r"\?q=insufficient#code-36$"))
    page.go_back()
    expect(page).to_have_url(re.compile(r"\?q=insufficient$"))
    expect(filter_field(page)).to_have_value("insufficient")
    assert "36" in shown_codes(page)
