"""The site builds without warnings with every builder, and codes keep their links."""

from __future__ import annotations

import re
from xml.etree import ElementTree

import pytest

from conftest import parse_html, warnings_of


@pytest.fixture(scope="module")
def built(build, site_srcdir):
    """One build of the project's site per builder, made on first use."""
    apps = {}

    def built_with(buildername: str):
        if buildername not in apps:
            apps[buildername] = build("site", buildername, srcdir=site_srcdir, builddir=site_srcdir.parent / "_build" / buildername)
        return apps[buildername]

    return built_with


@pytest.mark.parametrize("buildername", ["html", "dirhtml", "singlehtml", "epub", "latex", "text", "man"])
def test_site_builds_without_warnings(built, buildername):
    assert warnings_of(built(buildername)) == ""


def test_dirhtml_anchors_live_in_the_folder_page(built):
    page = parse_html(built("dirhtml").outdir / "errors" / "index.html")
    assert page.find(id="code-36") is not None


def test_dirhtml_role_links_point_to_the_folder_page(built):
    page = parse_html(built("dirhtml").outdir / "guides" / "positions-and-margin" / "index.html")
    assert "../../errors/#code-36" in {a["href"] for a in page.find_all("a", class_="reference")}


def test_dirhtml_backlinks_point_to_the_folder_pages(built):
    entry = parse_html(built("dirhtml").outdir / "errors" / "index.html").find(id="code-36")
    hrefs = [a["href"] for a in entry.find(class_="errcodes-backlinks").find_all("a")]
    assert hrefs and all(href.startswith("../") and "/#" in href for href in hrefs)


def test_singlehtml_role_links_and_backlinks_stay_on_the_one_page(built):
    page = parse_html(built("singlehtml").outdir / "index.html")
    assert page.find(id="code-36") is not None
    role_hrefs = {a["href"] for a in page.find_all("a", class_="reference") if a.get_text() == "36"}
    assert role_hrefs == {"#code-36"}
    backlinks = page.find(id="code-36").find(class_="errcodes-backlinks").find_all("a")
    assert backlinks and all(a["href"].startswith("#") and page.find(id=a["href"][1:]) for a in backlinks)


def test_epub_reference_page_is_well_formed_xhtml_with_the_anchors(built):
    tree = ElementTree.parse(built("epub").outdir / "errors.xhtml")
    ids = {element.get("id") for element in tree.iter() if element.get("id")}
    assert {"code-36", "code--99", "category-orders"} <= ids


def test_latex_labels_each_code_under_its_category(built):
    tex = next(built("latex").outdir.glob("*.tex")).read_text(encoding="utf-8")
    category = tex.index(r"section{Margin and funds}")
    next_category = tex.index(r"section{", category + 1)
    code = tex.index(r"\label{\detokenize{errors:code-36}}")
    assert category < code < next_category
    assert "Insufficient funds" in tex[code:next_category]


def test_latex_role_becomes_an_internal_reference(built):
    tex = next(built("latex").outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert r"\hyperref[\detokenize{errors:code-36}]" in tex


def test_text_shows_each_code_with_its_description_under_its_category(built):
    text = (built("text").outdir / "errors.txt").read_text(encoding="utf-8")
    section = re.search(r"^Margin and funds\n=+\n(.*?)^\S[^\n]*\n=+\n", text, flags=re.MULTILINE | re.DOTALL).group(1)
    assert re.search(r'^"36"\n +Insufficient funds$', section, flags=re.MULTILINE)


def test_man_page_lists_codes_and_descriptions(built):
    man = next(built("man").outdir.glob("*.1")).read_text(encoding="utf-8")
    assert "Insufficient funds" in man
    assert "System error, please try again later" in man
