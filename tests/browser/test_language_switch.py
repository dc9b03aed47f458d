"""The language switch of the demo site: each page to the same page in the other language, the code linked kept."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po
from playwright.sync_api import expect

from .harness import PROJECT
from .test_accessibility import severe_violations

ENGLISH = "English"
CHINESE = "简体中文"


def chinese_message(english: str) -> str:
    with open(PROJECT / "docs" / "locales" / "zh_CN" / "LC_MESSAGES" / "errors.po", "rb") as f:
        return read_po(f)[english].string


def switch(page, language: str):
    return page.get_by_role("navigation", name=re.compile("Language|语言")).get_by_role("link", name=language, exact=True)


def test_the_switch_from_a_linked_code_lands_on_that_code_in_chinese(open_page, chinese_site):
    page = open_page("errors.html#code-36")
    switch(page, CHINESE).click()
    expect(page).to_have_url(re.compile(r"/zh_CN/errors\.html#code-36$"))
    expect(page.locator(":target .errcodes-description")).to_have_text(chinese_message("Insufficient funds"))
    expect(page.locator(":target")).to_be_in_viewport()


def test_the_switch_back_to_english_keeps_the_code(open_page, chinese_site):
    page = open_page("zh_CN/errors.html#code--99")
    switch(page, ENGLISH).click()
    expect(page).to_have_url(re.compile(r"/errors\.html#code--99$"))
    expect(page.locator(":target .errcodes-description")).to_have_text("System error, please try again later")


def test_the_switch_follows_a_code_chosen_after_the_page_opened(open_page, chinese_site):
    page = open_page("errors.html")
    page.locator("#code-60").hover()
    page.locator("#code-60 a.headerlink").click()
    expect(page).to_have_url(re.compile(r"#code-60$"))
    switch(page, CHINESE).click()
    expect(page).to_have_url(re.compile(r"/zh_CN/errors\.html#code-60$"))


def test_the_switch_keeps_the_query_of_the_search_page(open_page, chinese_site):
    page = open_page("search.html?q=36")
    switch(page, CHINESE).click()
    expect(page).to_have_url(re.compile(r"/zh_CN/search\.html\?q=36$"))
    expect(page.locator("#search-results ul.search li a[href*='#code-36']").first).to_be_visible()


def test_without_javascript_the_switch_still_leads_to_the_same_page(open_page, chinese_site):
    page = open_page("guides/orders.html", java_script_enabled=False)
    switch(page, CHINESE).click()
    expect(page).to_have_url(re.compile(r"/zh_CN/guides/orders\.html$"))
    switch(page, ENGLISH).click()
    expect(page).to_have_url(re.compile(r"/guides/orders\.html$"))
    assert "/zh_CN/" not in page.url


def test_the_switch_marks_the_language_of_the_page(open_page, chinese_site):
    page = open_page("zh_CN/index.html")
    expect(switch(page, CHINESE)).to_have_attribute("aria-current", "page")
    expect(switch(page, ENGLISH)).not_to_have_attribute("aria-current", "page")
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")


@pytest.mark.parametrize("options", [pytest.param({}, id="light"), pytest.param({"color_scheme": "dark"}, id="dark")])
def test_no_serious_or_critical_accessibility_violation_on_the_chinese_reference_page(open_page, chinese_site, options):
    page = open_page("zh_CN/errors.html", **options)
    assert severe_violations(page) == []


def test_the_switch_works_in_the_folder_opened_from_disk(browser, site, chinese_site):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{(site / 'errors.html').as_uri()}#code-36")
        switch(page, CHINESE).click()
        expect(page).to_have_url(f"{(site / 'zh_CN' / 'errors.html').as_uri()}#code-36")
        switch(page, ENGLISH).click()
        expect(page).to_have_url(f"{(site / 'errors.html').as_uri()}#code-36")
    finally:
        context.close()
