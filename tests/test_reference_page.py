"""The reference page: one section per category, one anchored entry per code."""

from __future__ import annotations

import csv

import pytest

from conftest import parse_html, warnings_of


@pytest.fixture(scope="module")
def errors_page(build):
    app = build("test-basic")
    return app, parse_html(app.outdir / "errors.html")


def catalog_rows(app):
    with open(app.srcdir / "codes.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_every_code_has_an_entry_with_its_anchor_and_exact_description(errors_page):
    app, page = errors_page
    for row in catalog_rows(app):
        entry = page.find(id=f"code-{row['code']}")
        assert entry is not None, row["code"]
        assert entry.find(class_="errcodes-code").get_text() == row["code"]
        assert entry.find(class_="errcodes-description").get_text() == row["description"]


def test_negative_code_anchor_is_distinct_from_the_positive_one(errors_page):
    _, page = errors_page
    negative, positive = page.find(id="code--99"), page.find(id="code-99")
    assert negative is not positive
    assert negative.find(class_="errcodes-description").get_text() == "System error, please try again later"
    assert positive.find(class_="errcodes-description").get_text() == "Cannot perform operation for another user"


def test_each_category_is_a_section_with_its_own_anchor_in_catalog_order(errors_page):
    app, page = errors_page
    sections = page.find_all("section", class_="errcodes-category")
    titles = [section.find(["h2", "h3"]).contents[0] for section in sections]
    first_seen = list(dict.fromkeys(row["category"] for row in catalog_rows(app)))
    assert titles == first_seen
    assert [section["id"] for section in sections] == [
        "category-margin-and-funds",
        "category-request-signing",
        "category-general",
        "category-products",
    ]


def test_codes_inside_a_category_sort_numerically(errors_page):
    _, page = errors_page
    general = page.find(id="category-general")
    codes = [code.get_text() for code in general.find_all(class_="errcodes-code")]
    assert codes == ["-99", "99", "500"]


def test_each_entry_has_a_visible_permalink_to_itself(errors_page):
    _, page = errors_page
    permalink = page.find(id="code-36").find("a", class_="headerlink")
    assert permalink["href"] == "#code-36"
    assert permalink.get_text() == "¶"


def test_markup_in_a_description_is_shown_literally_never_interpreted(errors_page):
    app, page = errors_page
    description = page.find(id="code-500").find(class_="errcodes-description")
    assert description.get_text() == '<script>alert("x")</script> & *not emphasis* :errcode:`36`'
    assert description.find_all(True) == []
    assert page.find("script", string=lambda s: s and "alert" in s) is None
    raw = (app.outdir / "errors.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;" in raw


def test_repeated_messages_stay_as_written(errors_page):
    _, page = errors_page
    for code in ("26", "27"):
        entry = page.find(id=f"code-{code}")
        assert entry.find(class_="errcodes-description").get_text() == "Invalid contract product status"


def test_rendering_the_catalog_twice_warns_where_the_second_one_stands(build):
    app = build("test-duplicate")
    (warning,) = warnings_of(app).splitlines()
    assert warning.startswith(f"{app.srcdir / 'errors.rst'}:4: WARNING: catalog default: the categories 'Funds' are already rendered in again; render each category once")
    assert warning.endswith("[errcodes.duplicate]")


def test_catalog_text_is_shown_exactly_as_written_without_smart_quotes(build, basic_srcdir):
    text = 'Funds -- "quoted" ... it\'s'
    with open(basic_srcdir / "codes.csv", "a", encoding="utf-8", newline="") as catalog:
        csv.writer(catalog, lineterminator="\n").writerow(["501", text, text])
    app = build("test-basic", srcdir=basic_srcdir)
    page = parse_html(app.outdir / "errors.html")
    section = page.find(id="code-501").find_parent("section")
    assert section.find("h2").find(string=True) == text
    assert page.find(id="code-501").find(class_="errcodes-description").get_text() == text
    assert text in {a.get_text() for a in page.select("a.reference.internal")}  # the page's table of contents
