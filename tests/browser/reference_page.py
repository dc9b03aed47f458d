"""What the browser tests read from the reference page, as a reader sees it."""

from __future__ import annotations

import csv

from playwright.sync_api import Locator, Page

from .harness import PROJECT

with open(PROJECT / "data" / "codes.csv", encoding="utf-8", newline="") as _file:
    CATALOG = list(csv.DictReader(_file))
ALL_CODES = {row["code"] for row in CATALOG}


def filter_field(page: Page) -> Locator:
    return page.get_by_role("searchbox", name="Filter codes")


def copy_button(page: Page, code: str) -> Locator:
    return page.get_by_role("button", name=f"Copy link to code {code}", exact=True)


def status(page: Page) -> Locator:
    return page.locator(".errcodes-filter-status")


def shown_codes(page: Page) -> set[str]:
    """The codes shown: rendered, if maybe not laid out yet because they are far from the viewport."""
    return set(
        page.locator(".errcodes-entry .errcodes-code").evaluate_all(
            "codes => codes.filter(code => code.checkVisibility()).map(code => code.textContent)"
        )
    )


def shown_categories(page: Page) -> list[str]:
    """The ids of the categories whose heading is shown."""
    return page.locator(".errcodes-category > h2").evaluate_all(
        "headings => headings.filter(heading => heading.checkVisibility()).map(heading => heading.parentElement.id)"
    )


def settle_scrolling(page: Page) -> float:
    """Wait until the page stops scrolling (furo scrolls smoothly to anchors); return ``scrollY``."""
    return page.evaluate(
        """() => new Promise(resolve => {
            let last = -1, still = 0;
            const frame = () => {
                if (scrollY === last) { if (++still === 10) return resolve(scrollY); }
                else { last = scrollY; still = 0; }
                requestAnimationFrame(frame);
            };
            frame();
        })"""
    )


def computed_colour(page: Page, value: str) -> str:
    """What ``background-color: value`` (a colour, or ``var(--…)``) computes to on the page's body."""
    return page.evaluate(
        """value => {
            const probe = document.createElement('div');
            probe.style.backgroundColor = value;
            document.body.append(probe);
            const colour = getComputedStyle(probe).backgroundColor;
            probe.remove();
            return colour;
        }""",
        value,
    )


def hover_after_layout(page, selector: str) -> None:
    """Hover an element once the lists around it are laid out.

    Lists are laid out only as they come near the viewport, so the first
    hover's scroll can move the element away from under the pointer.
    """
    element = page.locator(selector)
    # On a busy machine layout can still move the element after the frames
    # waited for; the hover is tried again until the element is under the pointer.
    for _attempt in range(20):
        element.scroll_into_view_if_needed()
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        element.hover()
        if element.evaluate("element => element.matches(':hover')"):
            return
    raise AssertionError(f"{selector} never stayed under the pointer")


def click_copy_button(page, code: str) -> None:
    """Click an entry's "Copy link" button once the entry holds still under the pointer."""
    hover_after_layout(page, f"[id='code-{code}']")
    copy_button(page, code).click()
