"""The project's own site: the trading API's catalog, rendered whole and without warnings."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from bs4 import Tag

from conftest import PROJECT, ROOTS, parse_html, read_search_index, warnings_of


@pytest.fixture(scope="module")
def site(build, site_srcdir):
    return build("site", srcdir=site_srcdir)


@pytest.fixture(scope="module")
def catalog_rows():
    with open(PROJECT / "data" / "codes.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_the_catalog_has_the_94_codes_of_the_api(catalog_rows):
    assert len(catalog_rows) == 94
    assert len({row["code"] for row in catalog_rows}) == 94


def test_the_site_builds_without_warnings(site):
    assert warnings_of(site) == ""


def test_every_row_of_the_catalog_has_its_anchor_and_exact_text_on_errors_html(site, catalog_rows):
    page = parse_html(site.outdir / "errors.html")
    for row in catalog_rows:
        entry = page.find(id=f"code-{row['code']}")
        assert entry is not None, row["code"]
        assert entry.find(class_="errcodes-code").get_text() == row["code"]
        assert entry.find(class_="errcodes-description").get_text() == row["description"]
        assert entry.find_parent("section", class_="errcodes-category").find("h2").contents[0] == row["category"]


def test_every_code_of_the_catalog_is_linked_from_the_guides(site, catalog_rows):
    linked = set()
    for page in (site.outdir / "guides").glob("*.html"):
        for link in parse_html(page).find_all("a", class_="reference", href=True):
            if "errors.html#code-" in link["href"]:
                linked.add(link["href"].split("#code-", 1)[1])
    assert {row["code"] for row in catalog_rows} - linked == set()


def test_the_extension_guide_s_example_catalog_builds_as_the_guide_shows_it(build, tmp_path):
    shutil.copytree(ROOTS / "test-catalog", tmp_path, dirs_exist_ok=True)
    shutil.copy(PROJECT / "docs" / "examples" / "fields.csv", tmp_path / "codes.csv")
    app = build("test-catalog", srcdir=tmp_path, confoverrides={"errcodes_extra_columns": {"owner": "Owning team"}})
    assert warnings_of(app) == ""
    exported = {entry["code"]: entry for entry in json.loads((app.outdir / "errcodes.json").read_text(encoding="utf-8"))["codes"]}
    guide = (PROJECT / "docs" / "extension.rst").read_text(encoding="utf-8")
    shown = guide[guide.index('     "code": "card_expired"') - 4 :]
    shown = json.loads(shown[: shown.index("\n   }\n") + 5])
    assert exported["card_expired"] == {**shown, "url": "index.html#code-card_expired"}


def test_the_extension_guide_s_problem_example_is_what_its_code_gives_from_this_site(build, site_srcdir, monkeypatch):
    app = build("site", srcdir=site_srcdir, builddir=site_srcdir.parent / "_build" / "baseurl", confoverrides={"html_baseurl": "https://docs.example.com/"})
    guide = (PROJECT / "docs" / "extension.rst").read_text(encoding="utf-8")
    code = guide[guide.index("   import json\n   from pathlib import Path\n") :]
    code = "\n".join(line.removeprefix("   ") for line in code[: code.index("\n\nA response made with")].splitlines())
    call = re.search(r"``(problem\(.*?\))``", guide, flags=re.DOTALL).group(1).replace("\n", " ")
    shown = guide[guide.index("   Content-Type: application/problem+json\n") :]
    shown = json.loads(shown[shown.index("{") : shown.index("\n   }\n") + 5])
    monkeypatch.chdir(app.outdir)
    namespace: dict = {}
    exec(code, namespace)
    assert eval(call, namespace) == shown


def test_every_code_of_the_catalog_has_its_own_url_on_the_site(site, catalog_rows):
    exported = {entry["code"]: entry for entry in json.loads((site.outdir / "errcodes.json").read_text(encoding="utf-8"))["codes"]}
    for row in catalog_rows:
        assert exported[row["code"]]["doc_url"] == f"code/{row['code']}.html"
        refresh = parse_html(site.outdir / "code" / f"{row['code']}.html").find("meta", attrs={"http-equiv": "refresh"})
        assert refresh["content"] == f"0; url=../errors.html#code-{row['code']}"


# The site in Simplified Chinese, built as `make html` builds it: into zh_CN/ of the English site.
LOCALES = PROJECT / "docs" / "locales"
CHINESE = "zh_CN"
# The extension guide changes too often to be translated: every language shows it in English.
UNTRANSLATED = {"extension"}


@pytest.fixture(scope="module")
def chinese(build, site, site_srcdir, tmp_path_factory):
    app = build("site", srcdir=site_srcdir, builddir=tmp_path_factory.mktemp("site-zh_CN"), confoverrides={"language": CHINESE})
    (site.outdir / CHINESE).symlink_to(app.outdir, target_is_directory=True)
    return app


def po_translations(domain: str) -> dict[str, str]:
    """msgid -> msgstr of one .po file of the Chinese site, without the fuzzy ones (Sphinx does not use them)."""
    with open(LOCALES / CHINESE / "LC_MESSAGES" / f"{domain}.po", "rb") as f:
        return {message.id: message.string for message in read_po(f) if message.id and not message.fuzzy}


def pages(outdir: Path) -> list[str]:
    """The pages of a build's documents, as paths relative to its root: not the code pages the extension writes beside them."""
    manifest = outdir / ".errcodes-pages"
    code_pages = set(manifest.read_text(encoding="utf-8").splitlines()) if manifest.is_file() else set()
    return sorted(
        name
        for name in (str(page.relative_to(outdir)) for page in outdir.rglob("*.html"))
        if not name.startswith(("_", CHINESE)) and name not in code_pages
    )


def follow(page: Path, href: str) -> Path:
    """The file a relative link of a page leads to, as a browser finds it (through the zh_CN link, not past it)."""
    return Path(os.path.normpath(page.parent / href))


def switch_links(page: Path) -> dict[str, Tag]:
    """The language switch of a page: hreflang -> link."""
    return {link["hreflang"]: link for link in parse_html(page).select("nav.language-switch a[hreflang]")}


def test_the_chinese_site_builds_without_warnings(chinese):
    assert warnings_of(chinese) == ""


def test_every_message_and_category_of_the_catalog_shows_in_chinese_as_the_po_file_translates_it(chinese, catalog_rows):
    translated = po_translations("errors")
    page = parse_html(chinese.outdir / "errors.html")
    for row in catalog_rows:
        entry = page.find(id=f"code-{row['code']}")
        assert entry.find(class_="errcodes-description").get_text() == translated[row["description"]] != row["description"], row["code"]
        assert entry.find_parent("section", class_="errcodes-category").find("h2").contents[0] == translated[row["category"]] != row["category"]
    assert len(page.select(".errcodes-entry")) == 94


def test_the_chinese_reference_page_has_the_anchors_of_the_english_one(site, chinese):
    def anchors(app):
        return [element["id"] for element in parse_html(app.outdir / "errors.html").select("[id]")]

    assert anchors(chinese) == anchors(site)


def test_every_text_of_the_english_site_but_the_extension_guide_has_a_reviewed_translation(build, site_srcdir, tmp_path_factory):
    """`make translations` after an English change leaves the new texts untranslated or fuzzy: this fails until they are translated."""
    extracted = build("site", "gettext", srcdir=site_srcdir, builddir=tmp_path_factory.mktemp("site-gettext")).outdir
    for pot in extracted.glob("*.pot"):
        if pot.stem in UNTRANSLATED:
            continue
        with open(pot, "rb") as f:
            texts = {message.id for message in read_po(f) if message.id}
        translated = po_translations(pot.stem)
        assert sorted(text for text in texts if not translated.get(text)) == [], pot.name


def test_the_chinese_pages_show_no_restructuredtext_markup_as_text(chinese):
    """A role or emphasis that a translation glued to a Chinese character is not markup any more: it would show as written."""
    for name in pages(chinese.outdir):
        article = parse_html(chinese.outdir / name).find("article")
        for code in article.find_all(["pre", "code"]):
            code.decompose()
        text = article.get_text()
        for markup in ("**", ":errcode:", ":doc:", ":ref:", "`", "\\"):
            assert markup not in text, f"{name}: {text[text.index(markup) - 40 : text.index(markup) + 40]!r}"


def test_the_chinese_pages_say_their_language(chinese):
    for name in pages(chinese.outdir):
        assert parse_html(chinese.outdir / name).html["lang"] == "zh-CN", name


def test_the_extension_guide_shows_in_english_on_the_chinese_site(site, chinese):
    """Its own words, that is: links to the other pages carry their titles, the catalog's
    messages it shows are translated, and docutils' smart quotes follow the language."""
    STRAIGHT_QUOTES = str.maketrans("‘’“”", "''\"\"")

    def guide(app):
        article = parse_html(app.outdir / "extension.html").find("article")
        for translated in article.select("a.reference.internal, [class*=errcodes]"):
            translated.decompose()
        return article.get_text().translate(STRAIGHT_QUOTES)

    assert guide(chinese) == guide(site)


@pytest.mark.parametrize(("language", "other"), [("en", "zh-CN"), ("zh-CN", "en")])
def test_the_language_switch_of_every_page_leads_to_the_same_page_in_the_other_language_and_back(site, chinese, language, other):
    root = site.outdir if language == "en" else site.outdir / CHINESE
    for name in pages(root):
        page = root / name
        links = switch_links(page)
        assert links[language]["aria-current"] == "page", name
        assert follow(page, links[language]["href"]) == page, name
        assert "aria-current" not in links[other].attrs, name
        target = follow(page, links[other]["href"])
        assert target.is_file(), f"{name}: {links[other]['href']}"
        assert target.relative_to(site.outdir if other == "en" else site.outdir / CHINESE) == Path(name)
        assert follow(target, switch_links(target)[language]["href"]) == page, name


def test_the_language_switch_names_each_language_in_itself(site):
    links = switch_links(site.outdir / "errors.html")
    assert {tag: (link.get_text(), link["lang"]) for tag, link in links.items()} == {"en": ("English", "en"), "zh-CN": ("简体中文", "zh-CN")}


def test_the_language_switch_is_labelled_in_the_language_of_the_page(site, chinese):
    def label(app):
        return parse_html(app.outdir / "errors.html").find("nav", class_="language-switch")["aria-label"]

    assert (label(site), label(chinese)) == ("Language", po_translations("sphinx")["Language"])


def test_the_chinese_search_index_finds_a_code_by_its_translated_message_and_its_words(chinese):
    index = read_search_index(chinese.outdir)
    message = po_translations("errors")["Insufficient funds"]
    assert index["indexentries"][message] == [[index["docnames"].index("errors"), "code-36", True]]
    words = [word for word in chinese.builder.indexer.lang.split(message) if word]
    assert words, "Sphinx splits Chinese into words with jieba (the docs extra)"
    assert set(words) <= set(index["terms"]) | set(index["titleterms"])


def test_the_chinese_search_page_defines_the_stemmer_it_uses(chinese):
    """Sphinx 9.0 alone would name a ChineseStemmer that no script defines, and the search page would find nothing."""
    script = (chinese.outdir / "_static" / "language_data.js").read_text(encoding="utf-8")
    assigned = re.search(r"window\.Stemmer = (\w+);", script)
    stemmer = assigned.group(1) if assigned else "Stemmer"
    assert re.search(rf"\b(var|let|const|function) {stemmer}\b", script), stemmer


def test_the_language_switch_works_in_dirhtml_too(build, site_srcdir, tmp_path_factory):
    english = build("site", "dirhtml", srcdir=site_srcdir, builddir=tmp_path_factory.mktemp("site-dirhtml"))
    chinese = build("site", "dirhtml", srcdir=site_srcdir, builddir=tmp_path_factory.mktemp("site-dirhtml-zh_CN"), confoverrides={"language": CHINESE})
    (english.outdir / CHINESE).symlink_to(chinese.outdir, target_is_directory=True)
    for name in pages(english.outdir):
        page = english.outdir / name
        target = follow(page, switch_links(page)["zh-CN"]["href"]) / "index.html"
        assert target == english.outdir / CHINESE / name, name
        assert follow(target, switch_links(target)["en"]["href"]) / "index.html" == page, name


def test_on_read_the_docs_the_switch_leads_to_the_same_version_of_the_other_language_s_project(build, site_srcdir, tmp_path, monkeypatch):
    """Read the Docs serves each language as a project of its own, at /<language>/<version>/ (language in lower case, with a hyphen)."""
    monkeypatch.setenv("READTHEDOCS", "True")
    monkeypatch.setenv("READTHEDOCS_VERSION", "1.2")
    english = build("site", srcdir=site_srcdir, builddir=tmp_path)
    links = switch_links(english.outdir / "guides" / "orders.html")
    assert (links["en"]["href"], links["zh-CN"]["href"]) == ("../../../en/1.2/guides/orders.html", "../../../zh-cn/1.2/guides/orders.html")
