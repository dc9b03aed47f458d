"""The catalog's columns on the page, in furo, alabaster and sphinx_rtd_theme.

The name is beside the code, in its font. A code or name is never broken
inside at desktop width (1280 px), however long
(card_decline_rate_limit_exceeded, payment_intent_authentication_failure),
and nothing runs off the screen at phone width (390 px). The badges of the
lifecycle stand out, and a retired code takes less room than an active one.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .fields_page import LONG_CODE, LONG_NAME, entry, lines_of
from .harness import THEMES

WIDE = {"width": 1280, "height": 900}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}

CODES_AND_NAMES = ".errcodes-entry :is(.errcodes-code, .errcodes-name)"

themes = pytest.mark.parametrize("theme", THEMES)


def broken_inside(page) -> list[str]:
    """The codes and names laid out on more than one line."""
    return [element.text_content() for element in page.locator(CODES_AND_NAMES).all() if lines_of(element) > 1]


def sideways_scroll(page) -> int:
    """How much wider than the window the page is (0: it does not scroll sideways)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def outside_their_entry(page) -> list[str]:
    """The codes, names and badges that reach beyond the right edge of their entry, or of the window."""
    return page.locator(".errcodes-entry dt > :is(.errcodes-code, .errcodes-name, .errcodes-badge)").evaluate_all(
        """elements => elements.filter(element => {
            const right = element.getBoundingClientRect().right;
            return right > element.closest('.errcodes-entry').getBoundingClientRect().right + 0.5
                || right > document.documentElement.clientWidth;
        }).map(element => element.textContent)"""
    )


@themes
def test_the_name_is_beside_the_code_in_the_same_font(open_fields_page, theme):
    page = open_fields_page(theme)
    code, name = entry(page, "36").locator(".errcodes-code"), entry(page, "36").locator(".errcodes-name")
    expect(name).to_have_text("INSUFFICIENT_FUNDS")
    code_box, name_box = code.bounding_box(), name.bounding_box()
    assert name_box["x"] >= code_box["x"] + code_box["width"]
    assert name_box["y"] < code_box["y"] + code_box["height"] and code_box["y"] < name_box["y"] + name_box["height"]
    assert name.evaluate("e => getComputedStyle(e).fontFamily") == code.evaluate("e => getComputedStyle(e).fontFamily")


@themes
def test_at_desktop_width_no_code_or_name_is_broken_inside(open_fields_page, theme):
    page = open_fields_page(theme, viewport=WIDE)
    assert lines_of(entry(page, "19").locator(".errcodes-name")) == 1
    assert broken_inside(page) == []


@themes
def test_at_desktop_width_the_page_does_not_scroll_sideways(open_fields_page, theme):
    page = open_fields_page(theme, viewport=WIDE)
    assert sideways_scroll(page) == 0
    assert outside_their_entry(page) == []


@themes
def test_at_desktop_width_the_description_is_beside_the_longest_code(open_fields_page, theme):
    page = open_fields_page(theme, viewport=WIDE)
    code = entry(page, LONG_CODE).locator(".errcodes-code").bounding_box()
    description = entry(page, LONG_CODE).locator(".errcodes-description").bounding_box()
    assert description["x"] >= code["x"] + code["width"]
    assert description["y"] < code["y"] + code["height"]


@themes
def test_at_desktop_width_the_descriptions_of_a_catalog_line_up(open_fields_page, theme):
    page = open_fields_page(theme, viewport=WIDE)
    lefts = page.locator(".errcodes-description").evaluate_all("elements => elements.map(e => Math.round(e.getBoundingClientRect().left))")
    assert len(set(lefts)) == 1, lefts


@themes
def test_at_phone_width_the_page_does_not_scroll_sideways(open_fields_page, theme):
    page = open_fields_page(theme, **PHONE)
    assert sideways_scroll(page) == 0
    assert outside_their_entry(page) == []


@themes
def test_at_phone_width_a_name_of_32_characters_stays_on_one_line(open_fields_page, theme):
    page = open_fields_page(theme, **PHONE)
    name = entry(page, "19").locator(".errcodes-name")
    expect(name).to_have_text(LONG_NAME)
    assert lines_of(name) == 1


@themes
def test_at_phone_width_the_description_goes_under_the_code(open_fields_page, theme):
    page = open_fields_page(theme, **PHONE)
    term = entry(page, "19").locator("dt").bounding_box()
    description = entry(page, "19").locator(".errcodes-description").bounding_box()
    assert description["y"] >= term["y"] + term["height"]


@themes
def test_a_retired_entry_takes_less_room_than_the_same_entry_active(open_fields_page, theme):
    page = open_fields_page(theme, viewport=WIDE)
    retired = entry(page, "18")
    expect(retired.locator(".errcodes-status")).to_have_text("Retired")
    retired_height = retired.bounding_box()["height"]
    retired.evaluate("element => element.classList.remove('errcodes-retired')")
    assert retired_height < retired.bounding_box()["height"]


@themes
def test_a_retired_entrys_description_is_smaller_and_muted(open_fields_page, theme):
    page = open_fields_page(theme, viewport=WIDE)

    def looks(code: str) -> tuple[float, str]:
        return entry(page, code).locator(".errcodes-description").evaluate("e => [parseFloat(getComputedStyle(e).fontSize), getComputedStyle(e).color]")

    retired_size, retired_colour = looks("18")
    active_size, active_colour = looks("37")
    assert retired_size < active_size
    assert retired_colour != active_colour


@themes
def test_the_deprecated_and_retired_badges_stand_out_from_the_others_and_from_each_other(open_fields_page, theme):
    page = open_fields_page(theme)

    def look(code: str, badge: str) -> tuple[str, str]:
        return entry(page, code).locator(badge).evaluate("e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).borderTopColor]")

    deprecated, retired = look("19", ".errcodes-status"), look("18", ".errcodes-status")
    assert deprecated != look("19", ".errcodes-http-status")
    assert retired != look("18", ".errcodes-http-status")
    assert deprecated != retired
