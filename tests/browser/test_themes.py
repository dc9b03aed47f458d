"""The catalog takes its colours from furo's light and dark themes."""

from __future__ import annotations

from playwright.sync_api import expect

from .reference_page import computed_colour, status


def colours(page) -> dict[str, str]:
    """What the catalog shows, and what furo's variables say it should show."""
    return {
        "box": page.locator(".errcodes-filter").evaluate("box => getComputedStyle(box).backgroundColor"),
        "furo box": computed_colour(page, "var(--color-background-secondary)"),
        "count": status(page).evaluate("status => getComputedStyle(status).color"),
        "highlight": computed_colour(page, "var(--color-highlight-on-target)"),
    }


def switch_to_dark_theme(page) -> None:
    """Furo keeps the reader's choice in localStorage and applies it to body[data-theme]."""
    page.evaluate("localStorage.setItem('theme', 'dark')")
    page.reload()
    expect(page.locator("body")).to_have_attribute("data-theme", "dark")


def test_the_dark_theme_gives_the_catalog_furos_dark_colours(open_page):
    page = open_page("errors.html#code-36")
    light = colours(page)
    switch_to_dark_theme(page)
    dark = colours(page)
    assert dark["box"] == dark["furo box"] != light["box"]
    assert dark["count"] != light["count"]
    assert dark["highlight"] != light["highlight"]
    expect(page.locator("#code-36")).to_have_css("background-color", dark["highlight"])


def test_furos_theme_toggle_switches_the_catalog_too(page):
    light = colours(page)
    page.locator(".theme-toggle:visible").click()  # auto (light system) -> dark
    expect(page.locator("body")).to_have_attribute("data-theme", "dark")
    expect(page.locator(".errcodes-filter")).not_to_have_css("background-color", light["box"])
    assert colours(page)["box"] == colours(page)["furo box"]


def test_a_dark_system_preference_gives_the_catalog_dark_colours(open_page):
    light = colours(open_page())
    dark = colours(open_page(color_scheme="dark"))
    assert dark["box"] == dark["furo box"] != light["box"]
    assert dark["count"] != light["count"]
