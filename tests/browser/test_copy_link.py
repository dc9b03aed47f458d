"""Every entry's "Copy link" button copies the absolute URL of the entry, and says so."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .reference_page import click_copy_button, copy_button, filter_field, hover_after_layout


@pytest.fixture
def page_with_clipboard(open_page, site_url):
    page = open_page()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    return page


def test_copy_link_puts_the_absolute_url_of_the_entry_on_the_clipboard(page_with_clipboard, site_url):
    page = page_with_clipboard
    click_copy_button(page, "36")
    expect(copy_button(page, "36")).to_have_text("Link copied")
    assert page.evaluate("navigator.clipboard.readText()") == f"{site_url}errors.html#code-36"


def test_the_copied_link_leaves_out_the_filter_query(page_with_clipboard, site_url):
    page = page_with_clipboard
    filter_field(page).fill("system")
    click_copy_button(page, "-99")
    expect(copy_button(page, "-99")).to_have_text("Link copied")
    assert page.evaluate("navigator.clipboard.readText()") == f"{site_url}errors.html#code--99"


def test_copy_link_confirms_visibly_even_when_the_pointer_leaves(page_with_clipboard):
    page = page_with_clipboard
    click_copy_button(page, "36")
    page.mouse.move(0, 0)
    expect(copy_button(page, "36")).to_have_text("Link copied")
    expect(copy_button(page, "36")).to_have_css("opacity", "1")
    expect(copy_button(page, "36")).to_have_text("Copy link", timeout=5000)


def test_copy_link_tells_screen_readers(page_with_clipboard):
    page = page_with_clipboard
    click_copy_button(page, "36")
    expect(page.get_by_role("status").filter(has_text="Link to code 36 copied")).to_have_count(1)


def test_the_button_shows_only_with_its_entry_where_a_pointer_can_hover(page):
    expect(copy_button(page, "36")).to_have_css("opacity", "0")
    entry = page.locator("#code-36")
    # On a busy machine, lists laid out late can move the entry from under the
    # pointer while the button fades in: the hover counts only if it stays.
    for _attempt in range(10):
        hover_after_layout(page, "#code-36")
        try:
            expect(copy_button(page, "36")).to_have_css("opacity", "1", timeout=2000)
            return
        except AssertionError:
            if entry.evaluate("element => element.matches(':hover')"):
                raise
    raise AssertionError("#code-36 never stayed under the pointer while its button faded in")


def test_without_clipboard_access_the_address_bar_shows_the_link(open_page):
    page = open_page("errors.html")
    page.evaluate("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    click_copy_button(page, "36")
    expect(copy_button(page, "36")).to_have_text("Copy failed")
    expect(page).to_have_url(f"{page.url.split('#')[0]}#code-36")
