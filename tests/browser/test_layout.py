"""The page without script, in print, at phone width, and while the script starts."""

from __future__ import annotations

from playwright.sync_api import expect

from .reference_page import ALL_CODES, copy_button

PHONE = {"width": 390, "height": 844}


def test_the_script_starting_moves_nothing_on_the_page(page):
    """No layout shift of the filter box or the catalog (furo's own header icons may shift a little)."""
    moved = page.evaluate(
        """() => new Promise(resolve => {
            const moved = [];
            new PerformanceObserver(list => {
                for (const shift of list.getEntries())
                    for (const source of shift.sources)
                        if (source.node?.parentElement?.closest('article')) moved.push(source.node.className || source.node.nodeName);
            }).observe({type: 'layout-shift', buffered: true});
            requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(moved), 100)));
        })"""
    )
    assert moved == []


def test_without_javascript_every_code_is_there_and_the_controls_are_not(open_page):
    page = open_page(java_script_enabled=False)
    expect(page.locator(".errcodes-entry:visible")).to_have_count(len(ALL_CODES))
    expect(page.locator(".errcodes-filter")).to_be_hidden()
    expect(page.locator(".errcodes-copy:visible")).to_have_count(0)


def test_print_leaves_out_the_filter_box_and_the_buttons(page):
    page.emulate_media(media="print")
    expect(page.locator(".errcodes-filter")).to_be_hidden()
    expect(page.locator(".errcodes-copy:visible")).to_have_count(0)
    expect(page.locator(".errcodes-entry:visible")).to_have_count(len(ALL_CODES))


def test_at_phone_width_the_catalog_fits_the_screen(open_page):
    page = open_page(viewport=PHONE)
    overflowing = page.locator(".errcodes-filter, .errcodes-entry").evaluate_all(
        f"elements => elements.filter(e => e.getBoundingClientRect().right > {PHONE['width']}).map(e => e.id || e.className)"
    )
    assert overflowing == []


def test_at_phone_width_the_description_goes_under_the_code(open_page):
    page = open_page(viewport=PHONE)
    code = page.locator("#code-10003 dt").bounding_box()
    description = page.locator("#code-10003 .errcodes-description").bounding_box()
    assert description["y"] >= code["y"] + code["height"]
    assert description["x"] <= code["x"] + 8


def test_at_phone_width_the_copy_buttons_are_always_shown(open_page):
    page = open_page(viewport=PHONE, has_touch=True, is_mobile=True)
    expect(copy_button(page, "36")).to_have_css("opacity", "1")
