"""Ids on a catalog page are unique: a heading never takes an entry's or a category's anchor."""

from __future__ import annotations

from collections import Counter

import pytest

from conftest import parse_html, warnings_of


@pytest.fixture(scope="module")
def built(build):
    return build("test-ids")


def test_every_id_on_the_page_is_unique(built):
    ids = Counter(element["id"] for element in parse_html(built.outdir / "index.html").find_all(id=True))
    assert [id for id, count in ids.items() if count > 1] == []


def test_the_entry_keeps_its_anchor_when_a_heading_before_it_has_the_same_id(built):
    page = parse_html(built.outdir / "index.html")
    assert "errcodes-entry" in page.find(id="code-36")["class"]


def test_the_category_keeps_its_anchor_when_a_heading_after_it_has_the_same_id(built):
    page = parse_html(built.outdir / "index.html")
    assert page.find(id="category-funds").find(["h2", "h3"]).get_text().startswith("Funds")


def test_a_heading_that_would_take_an_anchor_is_reported_at_its_line(built):
    warnings = warnings_of(built).splitlines()
    index = built.srcdir / "index.rst"
    assert warnings == [
        f"{index}:9: WARNING: the id 'code-36' of the section 'Code 36' is the anchor of error code 36 on this page; it gets the id 'id1' instead [errcodes.id]",
        f"{index}:19: WARNING: the id 'category-funds' of the section 'Category Funds' is the anchor of category 'Funds' on this page; it gets the id 'id2' instead [errcodes.id]",
    ]


def test_the_role_lands_on_the_entry(built):
    link = parse_html(built.outdir / "orders.html").find("a", class_="reference", string="36")
    assert link["href"] == "index.html#code-36"
