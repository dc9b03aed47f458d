"""Screenshots of the reference page for a reviewer: light, dark, phone width, filtered.

    .venv/bin/python scripts/screenshots.py              # into screenshots/ (not committed)
    .venv/bin/python scripts/screenshots.py --out /tmp/shots

Builds the project's site (``docs/`` and ``data/``) into a temporary folder,
serves it on 127.0.0.1 and photographs ``errors.html`` in Debian's Chromium
(headless), the way the browser tests drive it.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from playwright.sync_api import Page, sync_playwright  # noqa: E402

from browser.harness import CHROMIUM, INSTALL_HINT, build_site, copy_docs, launch_chromium, serve  # noqa: E402
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
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    args = parser.parse_args()
    if not CHROMIUM.exists():
        sys.exit(INSTALL_HINT)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as workdir:
        site = build_site(copy_docs(Path(workdir)), Path(workdir) / "html")
        with serve(site) as url, sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            for name, (path, options, actions) in SHOTS.items():
                context = browser.new_context(base_url=url, **options)
                page = context.new_page()
                page.goto(path)
                for action in actions:
                    action(page)
                settle_scrolling(page)
                page.mouse.move(0, 0)
                target = args.out / f"{name}.png"
                page.screenshot(path=target)
                print(target)
                context.close()
            browser.close()


if __name__ == "__main__":
    main()
