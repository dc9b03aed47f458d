"""The filter box on the pages of two catalogs, one of them split over two pages."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .reference_page import filter_field, shown_codes, status


@pytest.mark.parametrize(
    "path, codes",
    [("spot.html", {"36", "37"}), ("futures-orders.html", {"36", "40"}), ("futures-prices.html", {"41", "42"})],
)
def test_each_catalog_page_counts_and_shows_its_own_codes(open_catalogs_page, path, codes):
    page = open_catalogs_page(path)
    expect(status(page)).to_have_text(f"{len(codes)} codes")
    assert shown_codes(page) == codes


def test_the_filter_of_one_catalog_page_finds_its_message_and_not_the_others(open_catalogs_page):
    page = open_catalogs_page("futures-orders.html")
    filter_field(page).fill("insufficient")
    expect(status(page)).to_have_text("1 of 2 codes")
    assert shown_codes(page) == {"36"}
    expect(page.locator("#code-36 .errcodes-description")).to_have_text("Insufficient margin")


def test_a_link_from_a_split_page_opens_the_other_page_at_the_code(open_catalogs_page):
    page = open_catalogs_page("futures-orders.html")
    page.locator("#code-40 .errcodes-see-also a").click()
    expect(page).to_have_url(re.compile(r"/futures-prices\.html#code-41$"))
    expect(page.locator("#code-41")).to_be_in_viewport()
