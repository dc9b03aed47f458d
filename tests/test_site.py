"""The project's own site: the trading API's catalog, rendered whole and without warnings."""

from __future__ import annotations

import csv
import json
import re
import shutil

import pytest

from conftest import PROJECT, ROOTS, parse_html, warnings_of


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
