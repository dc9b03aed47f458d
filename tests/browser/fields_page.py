"""The fields catalog (``roots/test-fields-browser``) as the browser tests read it."""

from __future__ import annotations

import csv

from playwright.sync_api import Locator, Page

from .harness import FIELDS_PROJECT

with open(FIELDS_PROJECT / "codes.csv", encoding="utf-8", newline="") as _file:
    FIELDS_CATALOG = list(csv.DictReader(_file))
FIELDS_CODES = {row["code"] for row in FIELDS_CATALOG}
TOTAL = f"{len(FIELDS_CODES)} codes"

LONG_NAME = "card_decline_rate_limit_exceeded"  # the name of code 19
LONG_CODE = "payment_intent_authentication_failure"  # a code without a name


def codes_where(**columns: str) -> set[str]:
    """The codes whose row has these values (an empty string for an empty cell)."""
    return {row["code"] for row in FIELDS_CATALOG if all(row[name] == value for name, value in columns.items())}


def entry(page: Page, code: str) -> Locator:
    return page.locator(f"#code-{code}")


def lines_of(locator: Locator) -> int:
    """On how many lines the text of an element (a code, a name) is laid out."""
    return locator.evaluate(
        """element => {
            const range = document.createRange();
            range.selectNodeContents(element);
            return new Set([...range.getClientRects()].map(rect => Math.round(rect.top))).size;
        }"""
    )
