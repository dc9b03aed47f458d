"""The filter box and the "Copy link" buttons in the page's language: a Polish site in Chromium.

Polish counts in three forms ("1 kod", "2 kody", "5 kodów"); the script
writes them as the build translated them, choosing with the browser's
plural rules for the page's ``lang``, which must agree with Babel's.
"""

from __future__ import annotations

import pytest
from babel import Locale
from playwright.sync_api import expect

from .reference_page import hover_after_layout

COUNTS = {"one": "1 kod", "two": "2 kody", "five": "5 kodów", "twelve": "12 kodów", "twenty-two": "22 kody"}


def filter_field(page):
    return page.get_by_role("searchbox", name="Filtruj kody")


def status(page):
    return page.locator(".errcodes-filter-status")


def copy_button(page, code: str):
    return page.get_by_role("button", name=f"Kopiuj link do kodu {code}", exact=True)


@pytest.mark.parametrize(("page_name", "count"), COUNTS.items())
def test_the_cleared_filter_counts_the_codes_in_the_plural_form_of_the_number(open_polish_page, page_name, count):
    page = open_polish_page(f"{page_name}.html")
    filter_field(page).fill("zzz")
    expect(status(page)).not_to_have_text(count)
    filter_field(page).press("Escape")
    expect(status(page)).to_have_text(count)


@pytest.mark.parametrize(
    ("page_name", "query", "count"),
    [("one", "36", "1 z 1 kodu"), ("two", "37", "1 z 2 kodów"), ("twenty-two", "12", "10 z 22 kodów")],
)
def test_a_filtered_count_is_in_polish(open_polish_page, page_name, query, count):
    page = open_polish_page(f"{page_name}.html")
    filter_field(page).fill(query)
    expect(status(page)).to_have_text(count)


def test_a_query_that_matches_nothing_is_quoted_the_polish_way(open_polish_page):
    page = open_polish_page("five.html")
    filter_field(page).fill("zzz")
    expect(status(page)).to_have_text("Żaden kod nie pasuje do „zzz”")


def test_copy_link_confirms_in_polish_and_then_says_its_label_again(open_polish_page, languages_site_url):
    page = open_polish_page("two.html")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=languages_site_url.rstrip("/"))
    hover_after_layout(page, "[id='code-37']")
    copy_button(page, "37").click()
    expect(copy_button(page, "37")).to_have_text("Skopiowano link")
    expect(page.get_by_role("status").filter(has_text="Skopiowano link do kodu 37")).to_have_count(1)
    expect(copy_button(page, "37")).to_have_text("Kopiuj link", timeout=5000)


def test_a_failed_copy_says_so_in_polish(open_polish_page):
    page = open_polish_page("two.html")
    page.evaluate("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    hover_after_layout(page, "[id='code-37']")
    copy_button(page, "37").click()
    expect(copy_button(page, "37")).to_have_text("Nie skopiowano")
    expect(page.get_by_role("status").filter(has_text="Nie można skopiować; pasek adresu pokazuje link do kodu 37")).to_have_count(1)


NUMBERS = [*range(200), *(10**power for power in range(3, 10))]


@pytest.mark.parametrize(("language", "lang_attribute"), [("pl", "pl"), ("zh_CN", "zh-CN"), ("ja", "ja"), ("de", "de"), ("es", "es")])
def test_the_browser_puts_whole_numbers_in_the_plural_categories_babel_does(open_polish_page, language, lang_attribute):
    page = open_polish_page("one.html")
    in_browser = page.evaluate("([lang, numbers]) => numbers.map(n => new Intl.PluralRules(lang).select(n))", [lang_attribute, NUMBERS])
    plural_form = Locale.parse(language).plural_form
    assert in_browser == [plural_form(number) for number in NUMBERS]


def test_a_lang_written_as_a_locale_name_gets_its_plural_rules_too(browser, languages_site_url):
    context = browser.new_context(base_url=languages_site_url)
    try:
        page = context.new_page()
        # A page whose lang is "pl_PL", as a theme or a post-processor might write it.
        page.route("**/five.html", lambda route: route.fulfill(response=(response := route.fetch()), body=response.text().replace('lang="pl"', 'lang="pl_PL"', 1)))
        page.goto("five.html")
        assert page.evaluate("document.documentElement.lang") == "pl_PL"
        filter_field(page).fill("zzz")
        filter_field(page).press("Escape")
        expect(status(page)).to_have_text("5 kodów")
    finally:
        context.close()


def test_the_page_names_its_language_for_the_plural_rules(open_polish_page):
    page = open_polish_page("one.html")
    assert page.evaluate("document.documentElement.lang") == "pl"
