"""Explanations in the browser: a long one starts closed behind a toggle that keyboards and screen readers use."""

from __future__ import annotations

from playwright.sync_api import expect

from .reference_page import filter_field
from .test_accessibility import severe_violations


def toggle(page, code: str):
    return page.locator(f"[id='code-{code}'] summary")


def details(page, code: str):
    return page.locator(f"[id='code-{code}'] details.errcodes-explanation")


def test_a_long_explanation_starts_closed(open_explanations_page):
    page = open_explanations_page()
    expect(details(page, "-99")).not_to_have_attribute("open", "")
    expect(page.get_by_text("The system could not complete the request.").first).to_be_hidden()


def test_the_toggle_is_named_for_screen_readers(open_explanations_page):
    page = open_explanations_page()
    expect(toggle(page, "-99")).to_have_accessible_name("Explanation")


def test_the_toggle_opens_from_the_keyboard(open_explanations_page):
    page = open_explanations_page()
    toggle(page, "-99").focus()
    page.keyboard.press("Enter")
    expect(details(page, "-99")).to_have_attribute("open", "")


def test_the_explanation_of_the_address_s_code_is_open(open_explanations_page):
    page = open_explanations_page("errors.html#code--99")
    expect(details(page, "-99")).to_have_attribute("open", "")


def test_a_filter_word_found_in_a_closed_explanation_opens_it_and_clearing_closes_it(open_explanations_page):
    page = open_explanations_page()
    filter_field(page).fill("complete")
    expect(page.locator(".errcodes-entry:visible")).to_have_count(1)
    expect(details(page, "-99")).to_have_attribute("open", "")
    filter_field(page).fill("")
    expect(details(page, "-99")).not_to_have_attribute("open", "")


def test_no_serious_accessibility_violation_with_explanations_closed_and_open(open_explanations_page):
    page = open_explanations_page()
    assert severe_violations(page) == []
    toggle(page, "-99").click()
    expect(details(page, "-99")).to_have_attribute("open", "")
    assert severe_violations(page) == []


def test_a_search_for_a_word_of_an_explanation_leads_to_its_entry_open(open_explanations_page):
    page = open_explanations_page("search.html?q=complete")
    page.locator("#search-results a", has_text="Errors").first.click()
    expect(details(page, "-99")).to_have_attribute("open", "")
    expect(page.locator("[id='code--99']")).to_be_in_viewport()
