"""Codes other APIs use: identifiers, leading zeros, letters and digits (PostgreSQL's SQLSTATE)."""

from __future__ import annotations

import csv

import pytest

from conftest import inventory_uris, parse_html, warnings_of


@pytest.fixture(scope="module")
def postgresql(build):
    return build("test-postgresql")


@pytest.fixture(scope="module")
def page(postgresql):
    return parse_html(postgresql.outdir / "index.html")


def test_a_real_catalog_of_another_system_builds_without_warnings(postgresql):
    assert warnings_of(postgresql) == ""


def test_every_code_keeps_its_exact_text_in_anchor_and_entry(postgresql, page):
    with open(postgresql.srcdir / "codes.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 260
    for row in rows:
        entry = page.find(id=f"code-{row['code']}")
        assert entry.find(class_="errcodes-code").get_text() == row["code"]
        assert entry.find(class_="errcodes-description").get_text() == row["description"]


def test_leading_zeros_stay_in_the_anchor(page):
    assert page.find(id="code-00000") is not None
    assert page.find(id="code-0") is None


def test_codes_with_letters_sort_naturally_inside_a_category(page):
    warning_class = page.find(id="category-class-01-warning")
    codes = [code.get_text() for code in warning_class.find_all(class_="errcodes-code")]
    assert codes == ["01000", "01003", "01004", "01006", "01007", "01008", "01P01", "0100C"]


def test_role_links_identifier_codes_exactly(page):
    hrefs = {a.get_text(): a["href"] for a in page.find_all("a", class_="reference")}
    assert hrefs["22P02"] == "#code-22P02"
    assert hrefs["00000"] == "#code-00000"


def test_objects_inv_keeps_the_codes_as_written(postgresql):
    codes = inventory_uris(postgresql.outdir / "objects.inv", "errcodes:code")
    assert len(codes) == 260
    assert codes["00000"] == "index.html#code-00000"
