"""Screenshots of the reference page for a reviewer: light, dark, phone width, filtered, in Chinese.

    .venv/bin/python scripts/screenshots.py              # into screenshots/ (not committed)
    .venv/bin/python scripts/screenshots.py --out /tmp/shots

Builds the project's site (``docs/`` and ``data/``) into a temporary folder,
serves it on 127.0.0.1 and photographs ``errors.html`` in Debian's Chromium
(headless), the way the browser tests drive it; the Chinese site is built into
its ``zh_CN/`` as ``make html`` does, and its reference page photographed in
light and dark (``zh_CN-*.png``; Chinese text needs a CJK font, Debian's
``fonts-noto-cjk``). Then the same for the catalog
with every optional column (``tests/roots/test-fields-browser``: names, badges,
long codes and names, deprecated and retired codes) in furo, alabaster and
sphinx_rtd_theme, at 1280 and 390 px wide (``fields-*.png``). Those windows
are tall enough for the whole catalog: the page lays out only the entries
near the window.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from playwright.sync_api import Page, sync_playwright  # noqa: E402

from browser.harness import CHROMIUM, FIELDS_PROJECT, INSTALL_HINT, THEMES, build_site, copy_docs, launch_chromium, serve  # noqa: E402
from browser.reference_page import settle_scrolling  # noqa: E402

WIDE = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def type_query(query: str):
    def action(page: Page) -> None:
        page.get_by_role("searchbox", name="Filter codes").press_sequentially(query)

    return action


def show_the_filter_box(page: Page) -> None:
    page.locator(".errcodes-filter").evaluate("box => box.scrollIntoView({behavior: 'instant'})")


PHONE_OPTIONS = {"viewport": PHONE, "is_mobile": True, "has_touch": True}

# name: (path, browser context options, what to do before the picture)
SHOTS = {
    "light": ("errors.html", {"viewport": WIDE}, [show_the_filter_box]),
    "dark": ("errors.html#code-36", {"viewport": WIDE, "color_scheme": "dark"}, []),
    "phone": ("errors.html#code-36", PHONE_OPTIONS, []),
    "filtered": ("errors.html", {"viewport": WIDE}, [type_query("margin"), show_the_filter_box]),
    "no-match": ("errors.html", {"viewport": WIDE}, [type_query("zebra"), show_the_filter_box]),
    "phone-dark-filtered": ("errors.html", {**PHONE_OPTIONS, "color_scheme": "dark"}, [type_query("insufficient"), show_the_filter_box]),
    "zh_CN-light": ("zh_CN/errors.html", {"viewport": WIDE}, [show_the_filter_box]),
    "zh_CN-dark": ("zh_CN/errors.html#code-36", {"viewport": WIDE, "color_scheme": "dark"}, []),
}


def hover_the_deprecated_entry(page: Page) -> None:
    """Its "Copy link" button and "¶" show in its corner."""
    page.locator("#code-19").hover()


FIELDS_WIDE = {"viewport": {"width": 1280, "height": 1500}}
FIELDS_PHONE = {"viewport": {"width": 390, "height": 2600}, "is_mobile": True, "has_touch": True}

# name: (theme, browser context options, what to do before the picture), of the fields catalog
FIELDS_SHOTS = {
    "fields-furo-light": ("furo", FIELDS_WIDE, [show_the_filter_box, hover_the_deprecated_entry]),
    "fields-furo-dark": ("furo", {**FIELDS_WIDE, "color_scheme": "dark"}, [show_the_filter_box]),
    "fields-furo-phone-light": ("furo", FIELDS_PHONE, [show_the_filter_box]),
    "fields-furo-phone-dark": ("furo", {**FIELDS_PHONE, "color_scheme": "dark"}, [show_the_filter_box]),
    "fields-furo-filtered": ("furo", FIELDS_WIDE, [type_query("http:4xx retryable"), show_the_filter_box]),
    "fields-alabaster": ("alabaster", FIELDS_WIDE, [show_the_filter_box]),
    "fields-alabaster-phone": ("alabaster", FIELDS_PHONE, [show_the_filter_box]),
    "fields-sphinx_rtd_theme": ("sphinx_rtd_theme", FIELDS_WIDE, [show_the_filter_box]),
    "fields-sphinx_rtd_theme-phone": ("sphinx_rtd_theme", FIELDS_PHONE, [show_the_filter_box]),
}


def photograph(browser, url: str, path: str, options: dict, actions: list, target: Path) -> None:
    context = browser.new_context(base_url=url, **options)
    page = context.new_page()
    page.goto(path)
    page.mouse.move(0, 0)
    for action in actions:
        action(page)
    settle_scrolling(page)
    page.screenshot(path=target)
    print(target)
    context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    args = parser.parse_args()
    if not CHROMIUM.exists():
        sys.exit(INSTALL_HINT)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as workdir, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        source = copy_docs(Path(workdir))
        site = build_site(source, Path(workdir) / "html")
        build_site(source, site / "zh_CN", {"language": "zh_CN"})
        with serve(site) as url:
            for name, (path, options, actions) in SHOTS.items():
                photograph(browser, url, path, options, actions, args.out / f"{name}.png")
        for theme in THEMES:
            site = build_site(FIELDS_PROJECT, Path(workdir) / f"fields-{theme}", {"html_theme": theme})
            with serve(site) as url:
                for name, (shot_theme, options, actions) in FIELDS_SHOTS.items():
                    if shot_theme == theme:
                        photograph(browser, url, "errors.html", options, actions, args.out / f"{name}.png")
        browser.close()


if __name__ == "__main__":
    main()
