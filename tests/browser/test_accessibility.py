"""axe-core finds no serious or critical accessibility problem on the reference page.

axe-core is the copy bundled with axe-playwright-python, injected into the
page: nothing is fetched (the ``open_page`` fixture blocks any request that
leaves the local server).
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .reference_page import filter_field, hover_after_layout, status

SEVERE = {"serious", "critical"}


def is_known_upstream_problem(rule: str, node: dict) -> bool:
    """Sphinx writes toctree captions (furo's sidebar) as ``<p role="heading">`` without
    ``aria-level``: https://github.com/sphinx-doc/sphinx/issues/14030, not this page's doing."""
    return rule == "aria-required-attr" and node["html"].startswith('<p class="caption" role="heading">')


def severe_violations(page, context: str | None = None) -> list[str]:
    """What axe-core finds serious or critical on the page, or in the elements ``context`` selects."""
    found = []
    for violation in Axe().run(page, context=context).response["violations"]:
        nodes = [node for node in violation["nodes"] if not is_known_upstream_problem(violation["id"], node)]
        if violation["impact"] in SEVERE and nodes:
            found.append(f"{violation['id']} ({violation['impact']}): {violation['help']} at {[node['target'] for node in nodes]}")
    return found


def filtered(page) -> None:
    filter_field(page).fill("margin")
    expect(status(page)).to_have_text("8 of 94 codes")


def without_match(page) -> None:
    filter_field(page).fill("zebra")
    expect(status(page)).to_have_text("No codes match \u201czebra\u201d")


@pytest.mark.parametrize(
    ("path", "options", "action"),
    [
        pytest.param("errors.html", {}, None, id="light"),
        pytest.param("errors.html", {"color_scheme": "dark"}, None, id="dark"),
        pytest.param("errors.html", {}, filtered, id="filtered"),
        pytest.param("errors.html", {"color_scheme": "dark"}, filtered, id="dark-filtered"),
        pytest.param("errors.html", {}, without_match, id="no-match"),
        pytest.param("errors.html#code-36", {"color_scheme": "dark"}, None, id="dark-linked-entry"),
    ],
)
def test_no_serious_or_critical_accessibility_violation(open_page, path, options, action):
    page = open_page(path, **options)
    if action:
        action(page)
    assert severe_violations(page) == []


def hovered_deprecated_entry(page) -> None:
    """The "Copy link" button and "¶" shown over the entry's corner."""
    hover_after_layout(page, "#code-19")
    expect(page.get_by_role("button", name="Copy link to code 19")).to_have_css("opacity", "1")


def retired_only(page) -> None:
    filter_field(page).fill("status:retired")
    expect(status(page)).to_have_text("1 of 11 codes")


@pytest.mark.parametrize(
    ("options", "action"),
    [
        pytest.param({}, None, id="light"),
        pytest.param({"color_scheme": "dark"}, None, id="dark"),
        pytest.param({}, hovered_deprecated_entry, id="light-hovered"),
        pytest.param({"color_scheme": "dark"}, hovered_deprecated_entry, id="dark-hovered"),
        pytest.param({"color_scheme": "dark"}, retired_only, id="dark-retired"),
    ],
)
def test_no_serious_or_critical_accessibility_violation_on_a_page_with_badges(open_fields_page, options, action):
    page = open_fields_page("furo", **options)
    if action:
        action(page)
    assert severe_violations(page) == []


def test_no_serious_or_critical_accessibility_violation_in_the_catalog_under_alabaster(open_fields_page):
    """Only the catalog: alabaster's own footer is too pale for axe-core."""
    page = open_fields_page("alabaster")
    assert severe_violations(page, ".errcodes-filter, .errcodes-category") == []
