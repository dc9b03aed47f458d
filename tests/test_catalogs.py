"""Several catalogs in one site, and a catalog split over pages."""

from __future__ import annotations

import json
import shutil

import jsonschema
import pytest

from conftest import ROOTS, edit_source, inventory_uris, parse_html, read_search_index, serial_and_parallel, warnings_of
from sphinx_errcodes.export import SCHEMA

ROOT = "test-catalogs"


@pytest.fixture(scope="module")
def built(build):
    return build(ROOT)


@pytest.fixture
def srcdir(tmp_path):
    shutil.copytree(ROOTS / ROOT, tmp_path, dirs_exist_ok=True)
    return tmp_path


def links(app, page):
    """(text, href) of each link to a code on a page."""
    return [(a.get_text(), a["href"]) for a in parse_html(app.outdir / f"{page}.html").select("a.reference.internal") if "code-" in a["href"]]


def entry(app, page, anchor):
    return parse_html(app.outdir / f"{page}.html").find(id=anchor)


def test_the_site_builds_without_warnings(built):
    assert warnings_of(built) == ""


def test_each_catalog_renders_its_own_codes_under_the_same_anchors(built):
    assert entry(built, "spot", "code-36").find(class_="errcodes-description").get_text() == "Insufficient funds"
    assert entry(built, "futures-orders", "code-36").find(class_="errcodes-description").get_text() == "Insufficient margin"


def test_a_role_with_a_catalog_prefix_links_to_that_catalogs_entry(built):
    assert ("spot:36", "spot.html#code-36") in links(built, "guide")
    assert ("futures:36", "futures-orders.html#code-36") in links(built, "guide")


def test_a_name_with_a_catalog_prefix_links_to_its_code(built):
    assert ("futures:MARGIN_SHORT", "futures-orders.html#code-36") in links(built, "guide")


def test_a_bare_code_that_one_catalog_has_resolves_there(built):
    assert ("37", "spot.html#code-37") in links(built, "guide")
    assert ("41", "futures-prices.html#code-41") in links(built, "guide")


def test_a_bare_code_follows_the_catalog_the_page_names(built):
    assert links(built, "futures-guide") == [("36", "futures-orders.html#code-36")]


def test_a_bare_code_on_a_catalog_page_means_that_catalog(built):
    assert links(built, "spot") == [("36", "#code-36")]


def test_a_bare_code_in_several_catalogs_warns_and_links_to_the_first(build, srcdir):
    (srcdir / "loose.rst").write_text(":orphan:\n\nLoose\n=====\n\nSee :errcode:`36`.\n", encoding="utf-8")
    app = build(ROOT, srcdir=srcdir)
    assert warnings_of(app).splitlines() == [
        f"{srcdir / 'loose.rst'}:6: WARNING: error code 36 is in the catalogs futures, spot; write one of futures:36, spot:36 (this link goes to the first) [errcodes.ambiguous]"
    ]
    assert links(app, "loose") == [("36", "futures-orders.html#code-36")]


def test_errcodes_default_catalog_resolves_a_bare_code_without_a_warning(build, srcdir):
    (srcdir / "loose.rst").write_text(":orphan:\n\nLoose\n=====\n\nSee :errcode:`36`.\n", encoding="utf-8")
    app = build(ROOT, srcdir=srcdir, confoverrides={"errcodes_default_catalog": "spot"})
    assert warnings_of(app) == ""
    assert links(app, "loose") == [("36", "spot.html#code-36")]


def test_an_unknown_catalog_prefix_is_named_with_the_sites_catalogs(build, srcdir):
    (srcdir / "loose.rst").write_text(":orphan:\n\nLoose\n=====\n\nSee :errcode:`option:36`.\n", encoding="utf-8")
    app = build(ROOT, srcdir=srcdir)
    assert warnings_of(app).splitlines() == [
        f"{srcdir / 'loose.rst'}:6: WARNING: unknown error code 'option:36': 'option' is no catalog of this site (spot, futures) nor an intersphinx inventory [errcodes.unknown-code]"
    ]


def test_errcodes_returned_takes_catalog_prefixes(built):
    rows = parse_html(built.outdir / "guide.html").select("table.errcodes-returned tbody tr")
    assert [(row.find("a")["href"], row.find_all("td")[1].get_text()) for row in rows] == [
        ("futures-orders.html#code-40", "Order rejected"),
        ("spot.html#code-37", "Invalid quantity"),
    ]


def test_returned_by_is_listed_under_the_entry_of_the_right_catalog(built):
    assert entry(built, "futures-orders", "code-40").find(class_="errcodes-returned-by") is not None
    assert entry(built, "spot", "code-37").find(class_="errcodes-returned-by") is not None
    assert entry(built, "spot", "code-36").find(class_="errcodes-returned-by") is None


def test_a_split_catalog_renders_only_the_categories_each_page_names(built):
    orders = parse_html(built.outdir / "futures-orders.html")
    prices = parse_html(built.outdir / "futures-prices.html")
    assert [h.get_text().rstrip("¶") for h in orders.select(".errcodes-category h2")] == ["Orders", "Margin"]
    assert [h.get_text().rstrip("¶") for h in prices.select(".errcodes-category h2")] == ["Prices"]


def test_notes_of_a_split_catalog_link_to_the_page_that_renders_the_code(built):
    shown = entry(built, "futures-orders", "code-40")
    assert shown.find(class_="errcodes-same-message").find("a")["href"] == "futures-prices.html#code-42"
    assert shown.find(class_="errcodes-see-also").find("a")["href"] == "futures-prices.html#code-41"


def test_objects_inv_names_each_code_with_its_catalog(built):
    uris = inventory_uris(built.outdir / "objects.inv", "errcodes:code")
    assert uris["spot:36"] == "spot.html#code-36"
    assert uris["futures:36"] == "futures-orders.html#code-36"
    assert uris["futures:41"] == "futures-prices.html#code-41"
    assert uris["spot:INSUFFICIENT_FUNDS"] == "spot.html#code-36"
    assert "36" not in uris


def test_each_catalog_has_its_own_json_file(built):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    for catalog, codes in (("spot", {"36": "spot.html#code-36", "37": "spot.html#code-37"}), ("futures", {"36": "futures-orders.html#code-36", "40": "futures-orders.html#code-40", "41": "futures-prices.html#code-41", "42": "futures-prices.html#code-42"})):
        exported = json.loads((built.outdir / f"errcodes-{catalog}.json").read_text(encoding="utf-8"))
        jsonschema.validate(exported, schema)
        assert exported["catalog"] == catalog
        assert {code["code"]: code["url"] for code in exported["codes"]} == codes
    assert not (built.outdir / "errcodes.json").exists()


def test_explanations_belong_to_their_catalog(built):
    assert entry(built, "spot", "code-36").find(class_="errcodes-explanation").get_text().strip() == "Check the available funds of the spot account."
    assert entry(built, "futures-orders", "code-36").find(class_="errcodes-explanation") is None


def test_the_search_page_finds_each_catalogs_code(built):
    objects = read_search_index(built.outdir)["objects"]
    names = {name for entries in objects.values() for _doc, _type, _priority, _anchor, name in entries}
    assert {"spot:36", "futures:36"} <= names


@pytest.mark.parametrize(
    "page, old, new, warning",
    [
        (
            "futures-prices",
            ":categories: Prices",
            ":categories: Prices, Orders",
            "catalog futures: the categories 'Orders' are already rendered in futures-orders; render each category once [errcodes.duplicate]",
        ),
        (
            "futures-orders",
            ":categories: Orders, Margin",
            ":categories: Orders",
            "catalog futures: no page renders the categories 'Margin'; add them to the :categories: of an error-codes directive; until its first category is, "
            "the catalog's own problems, its explanations folder and its previous release are not checked [errcodes.categories]",
        ),
        (
            "futures-prices",
            ":categories: Prices",
            ":categories: Prices, Pricing",
            "catalog futures has no category 'Pricing'; its categories are 'Margin', 'Orders', 'Prices' [errcodes.categories]",
        ),
    ],
    ids=["rendered twice", "rendered nowhere", "not in the catalog"],
)
def test_a_category_problem_is_reported_at_the_directive(build, srcdir, page, old, new, warning):
    edit_source(srcdir / f"{page}.rst", old, new)
    app = build(ROOT, srcdir=srcdir)
    assert f"{srcdir / f'{page}.rst'}:4: WARNING: {warning}" in warnings_of(app).splitlines()


def test_an_unknown_catalog_name_in_the_directive_is_reported(build, srcdir):
    edit_source(srcdir / "spot.rst", ".. error-codes:: spot", ".. error-codes:: wallet")
    app = build(ROOT, srcdir=srcdir)
    assert f"{srcdir / 'spot.rst'}:6: WARNING: no catalog is named 'wallet': the catalogs of errcodes_file and errcodes_catalogs are spot, futures [errcodes.config]" in warnings_of(app)


def test_a_directive_without_a_name_asks_for_one_when_the_site_has_several(build, srcdir):
    edit_source(srcdir / "spot.rst", ".. error-codes:: spot", ".. error-codes::")
    app = build(ROOT, srcdir=srcdir)
    assert f"{srcdir / 'spot.rst'}:6: WARNING: this site has several catalogs (spot, futures): name the one to render, such as '.. error-codes:: spot' [errcodes.config]" in warnings_of(app)


def both_catalogs_on_the_spot_page(srcdir, spot_options: str = "", futures_options: str = "") -> None:
    (srcdir / "spot.rst").write_text(
        f"Both\n====\n\n.. error-codes:: spot\n{spot_options}\n.. error-codes:: futures\n   :categories: Prices\n{futures_options}", encoding="utf-8"
    )
    (srcdir / "futures-prices.rst").write_text(":orphan:\n\nNothing\n=======\n", encoding="utf-8")


def test_two_catalogs_on_one_page_without_prefixes_are_refused(build, srcdir):
    both_catalogs_on_the_spot_page(srcdir)
    app = build(ROOT, srcdir=srcdir)
    assert (
        f"{srcdir / 'spot.rst'}:6: WARNING: catalog spot is rendered on this page at line 4 with the same anchors; give each error-codes directive its own :anchor-prefix: [errcodes.duplicate]"
        in warnings_of(app).splitlines()
    )
    assert parse_html(app.outdir / "spot.html").find(id="code-41") is None


def test_two_catalogs_on_one_page_with_anchor_prefixes_both_render(build, srcdir):
    both_catalogs_on_the_spot_page(srcdir, "   :anchor-prefix: spot\n", "   :anchor-prefix: futures\n")
    app = build(ROOT, srcdir=srcdir)
    assert warnings_of(app) == ""
    page = parse_html(app.outdir / "spot.html")
    assert page.find(id="spot-code-36").find(class_="errcodes-description").get_text() == "Insufficient funds"
    assert page.find(id="futures-code-41").find(class_="errcodes-description").get_text() == "Price out of range"
    assert page.find(id="futures-category-prices") is not None
    assert ("41", "spot.html#futures-code-41") in links(app, "guide")
    assert page.find(class_="errcodes-filter-status").get_text() == "4 codes"


def test_a_bad_anchor_prefix_is_reported(build, srcdir):
    edit_source(srcdir / "spot.rst", ".. error-codes:: spot\n", ".. error-codes:: spot\n   :anchor-prefix: Spot Trading\n")
    app = build(ROOT, srcdir=srcdir)
    assert f"{srcdir / 'spot.rst'}:6: ERROR: Error in \"error-codes\" directive:\ninvalid option value: (option: \"anchor-prefix\"; value: 'Spot Trading')\nan anchor prefix is lower-case letters, digits and '-', such as 'futures'." in warnings_of(app)


@pytest.mark.parametrize(
    "setting, value, warning",
    [
        ("errcodes_catalogs", {"spot:x": "data/spot.csv"}, "errcodes_catalogs: 'spot:x' is not a catalog name: use letters, digits, '-' and '_', starting with a letter or digit"),
        ("errcodes_catalogs", {"spot": 3}, "errcodes_catalogs: 'spot': give the path of a CSV file, such as {'spot': 'data/spot.csv'}"),
        ("errcodes_default_catalog", "wallet", "errcodes_default_catalog: 'wallet' is not a catalog of this site (spot, futures)"),
        ("errcodes_explanations", "explanations/spot", "errcodes_explanations: one path, for which of the catalogs spot, futures? give one per catalog, such as {'spot': 'explanations'}"),
        ("errcodes_explanations", {"wallet": "explanations"}, "errcodes_explanations: 'wallet' is not a catalog of this site (spot, futures)"),
        ("errcodes_explanations", {"spot": 5}, "errcodes_explanations: 'spot': give a path, such as {'spot': 'explanations'}"),
        ("errcodes_catalogs", {"Futures": "data/spot.csv"}, "errcodes_catalogs: 'futures' differs from another catalog's name only in case, and their files (errcodes-<name>.json) would be one where case is ignored; rename it"),
        ("errcodes_explanations", {"spot": "expl\x00anations"}, "errcodes_explanations['spot'] 'expl\\x00anations' contains a NUL character, which no file name can hold; write the path of its file or folder"),
    ],
    ids=["name with a colon", "path not text", "unknown default", "one folder for several", "folder of an unknown catalog", "folder not a path", "names equal but for case", "NUL in a folder"],
)
def test_a_bad_setting_is_reported(build, srcdir, setting, value, warning):
    if setting == "errcodes_catalogs":
        value = {**value, "futures": "data/futures.csv"}
    app = build(ROOT, srcdir=srcdir, confoverrides={setting: value})
    assert f"WARNING: {warning} [errcodes.config]" in warnings_of(app).splitlines()


def test_errcodes_file_is_the_default_catalog_beside_named_ones(build, srcdir):
    (srcdir / "default.rst").write_text(":orphan:\n\nDefault\n=======\n\n.. error-codes::\n\nSee :errcode:`36` and :errcode:`futures:36`.\n", encoding="utf-8")
    app = build(ROOT, srcdir=srcdir, confoverrides={"errcodes_file": "data/spot.csv", "errcodes_catalogs": {"futures": "data/futures.csv"}})
    # spot.rst names a catalog that this configuration does not have.
    assert [line for line in warnings_of(app).splitlines() if "spot" not in line] == []
    assert links(app, "default") == [("36", "#code-36"), ("futures:36", "futures-orders.html#code-36")]
    uris = inventory_uris(app.outdir / "objects.inv", "errcodes:code")
    assert uris["36"] == "default.html#code-36"
    assert json.loads((app.outdir / "errcodes.json").read_text(encoding="utf-8"))["catalog"] == "default"


@pytest.mark.parametrize("buildername", ["text", "latex", "dirhtml", "xml"])
def test_every_builder_builds_the_site_without_warnings(build, buildername):
    assert warnings_of(build(ROOT, buildername)) == ""


def test_singlehtml_asks_for_anchor_prefixes_when_two_catalogs_share_an_anchor_on_its_one_page(build):
    assert warnings_of(build(ROOT, "singlehtml")).splitlines() == [
        "WARNING: singlehtml puts every page on one, where the catalogs futures and spot both have the anchor code-36; "
        "give their error-codes directives each an :anchor-prefix: [errcodes.duplicate]"
    ]


def test_moving_a_category_to_another_page_rebuilds_as_a_clean_build(build, srcdir, tmp_path_factory):
    build(ROOT, srcdir=srcdir)
    edit_source(srcdir / "futures-orders.rst", ":categories: Orders, Margin", ":categories: Orders, Margin, Prices")
    edit_source(srcdir / "futures-prices.rst", ".. error-codes:: futures\n   :categories: Prices\n", "Moved.\n")
    incremental = build(ROOT, srcdir=srcdir)
    clean = build(ROOT, srcdir=srcdir, builddir=tmp_path_factory.mktemp("clean"))
    assert warnings_of(incremental) == ""
    for page in ("guide", "futures-orders", "futures-prices", "spot"):
        assert (incremental.outdir / f"{page}.html").read_bytes() == (clean.outdir / f"{page}.html").read_bytes(), page
    assert (incremental.outdir / "errcodes-futures.json").read_bytes() == (clean.outdir / "errcodes-futures.json").read_bytes()
    assert ("41", "futures-orders.html#code-41") in links(incremental, "guide")


def test_renaming_a_catalog_rebuilds_as_a_clean_build(build, srcdir, tmp_path_factory):
    build(ROOT, srcdir=srcdir)
    edit_source(srcdir / "conf.py", '"spot": "data/spot.csv"', '"cash": "data/spot.csv"')
    edit_source(srcdir / "conf.py", '{"spot": "explanations/spot"}', '{"cash": "explanations/spot"}')
    edit_source(srcdir / "spot.rst", ".. error-codes:: spot", ".. error-codes:: cash")
    edit_source(srcdir / "guide.rst", ":errcode:`spot:36`", ":errcode:`cash:36`")
    edit_source(srcdir / "guide.rst", "spot:37", "cash:37")
    incremental = build(ROOT, srcdir=srcdir)
    clean = build(ROOT, srcdir=srcdir, builddir=tmp_path_factory.mktemp("clean"))
    assert warnings_of(incremental) == ""
    for page in ("guide", "spot", "futures-orders"):
        assert (incremental.outdir / f"{page}.html").read_bytes() == (clean.outdir / f"{page}.html").read_bytes(), page
    assert (incremental.outdir / "errcodes-cash.json").is_file()
    assert not (incremental.outdir / "errcodes-spot.json").exists()


def test_a_parallel_build_equals_a_serial_one(build, srcdir, tmp_path_factory):
    serial, parallel = serial_and_parallel(build, ROOT, srcdir, tmp_path_factory, "See :errcode:`futures:41` and :errcode:`spot:36`.")
    for name in ("spot.html", "futures-orders.html", "futures-prices.html", "guide.html", "page4.html", "errcodes-futures.json", "objects.inv"):
        assert (parallel.outdir / name).read_bytes() == (serial.outdir / name).read_bytes(), name


def test_the_general_index_lists_a_code_once_with_each_catalogs_message(built):
    index = parse_html(built.outdir / "genindex.html").select_one("table.indextable")
    (code,) = [item for item in index.select("td > ul > li") if item.find(string=True, recursive=False).strip() == "36"]
    assert [(link.get_text(), link["href"]) for link in code.select("ul a")] == [
        ("Insufficient funds", "spot.html#code-36"),
        ("Insufficient margin", "futures-orders.html#code-36"),
    ]


def test_a_category_with_a_comma_is_named_whole(build, srcdir):
    edit_source(srcdir / "data" / "futures.csv", "Prices,Price out of range", '"Prices, limits",Price out of range')
    edit_source(srcdir / "data" / "futures.csv", "42,,Prices,", '42,,"Prices, limits",')
    edit_source(srcdir / "futures-prices.rst", ":categories: Prices", ":categories: Prices, limits")
    app = build(ROOT, srcdir=srcdir)
    assert warnings_of(app) == ""
    assert entry(app, "futures-prices", "code-41") is not None


def test_a_problem_of_a_split_catalog_is_reported_once(build, srcdir):
    edit_source(srcdir / "data" / "futures.csv", "41,,Prices,Price out of range,\n", "41,,Prices,Price out of range,\n41,,Prices,Again,\n")
    app = build(ROOT, srcdir=srcdir)
    assert [line for line in warnings_of(app).splitlines() if "futures.csv" in line] == [
        f"{srcdir / 'data' / 'futures.csv'}:5: WARNING: duplicate code 41: already defined on line 4; keep one row per code [errcodes.catalog]"
    ]


def test_each_catalog_is_compared_with_its_own_previous_release(build, srcdir, tmp_path_factory):
    published = build(ROOT, srcdir=srcdir, builddir=tmp_path_factory.mktemp("published"))
    shutil.copy(published.outdir / "errcodes-futures.json", srcdir / "futures-previous.json")
    edit_source(srcdir / "data" / "futures.csv", "42,,Prices,Order rejected,\n", "")
    (srcdir / "changes.rst").write_text(":orphan:\n\nChanges\n=======\n\n.. error-codes-changes:: futures\n", encoding="utf-8")
    app = build(ROOT, srcdir=srcdir, confoverrides={"errcodes_previous": {"futures": "futures-previous.json"}})
    warnings = warnings_of(app).splitlines()
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{srcdir / 'futures-orders.rst'}:4: WARNING: code 42 was published in the previous release ({srcdir / 'futures-previous.json'})")
    changes = parse_html(app.outdir / "changes.html").find(class_="errcodes-changes")
    assert [item.get_text() for item in changes.select("li")] == ["42 \N{EM DASH} Order rejected"]


def test_the_changes_of_a_catalog_the_site_lacks_are_refused(build, srcdir):
    (srcdir / "changes.rst").write_text(":orphan:\n\nChanges\n=======\n\n.. error-codes-changes:: wallet\n", encoding="utf-8")
    app = build(ROOT, srcdir=srcdir)
    assert warnings_of(app).splitlines() == [
        f"{srcdir / 'changes.rst'}:6: WARNING: the error-codes-changes directive needs a catalog of this site (spot, futures): name one, or set errcodes_file [errcodes.config]"
    ]


def test_each_catalog_has_its_own_code_urls(build, srcdir):
    app = build(ROOT, srcdir=srcdir, confoverrides={"errcodes_code_urls": True})
    assert warnings_of(app) == ""
    for catalog, code, entry in (("spot", "36", "spot.html#code-36"), ("futures", "36", "futures-orders.html#code-36"), ("futures", "41", "futures-prices.html#code-41")):
        page = parse_html(app.outdir / "code" / catalog / f"{code}.html")
        assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url=../../{entry}"
        exported = {item["code"]: item for item in json.loads((app.outdir / f"errcodes-{catalog}.json").read_text(encoding="utf-8"))["codes"]}
        assert exported[code]["doc_url"] == f"code/{catalog}/{code}.html"


def test_a_bare_code_in_an_explanation_means_the_explanations_catalog(build, srcdir):
    both_catalogs_on_the_spot_page(srcdir, "   :anchor-prefix: spot\n", "   :anchor-prefix: futures\n")
    (srcdir / "spot.rst").write_text(":errcodes-catalog: futures\n\n" + (srcdir / "spot.rst").read_text(encoding="utf-8"), encoding="utf-8")
    (srcdir / "explanations" / "spot" / "37.rst").write_text("See :errcode:`36`.\n", encoding="utf-8")
    app = build(ROOT, srcdir=srcdir)
    assert warnings_of(app) == ""
    link = parse_html(app.outdir / "spot.html").find(id="spot-code-37").find(class_="errcodes-explanation").find("a")
    assert link["href"] == "#spot-code-36"


def test_a_page_field_naming_no_catalog_is_reported_and_the_sites_default_applies(build, srcdir):
    (srcdir / "loose.rst").write_text(":orphan:\n:errcodes-catalog: future\n\nLoose\n=====\n\nSee :errcode:`36`.\n", encoding="utf-8")
    app = build(ROOT, srcdir=srcdir, confoverrides={"errcodes_default_catalog": "spot"})
    assert warnings_of(app).splitlines() == [
        f"{srcdir / 'loose.rst'}: WARNING: the field :errcodes-catalog: names 'future', which is not a catalog of this site (spot, futures); "
        "bare codes on this page are looked up as on any page [errcodes.config]"
    ]
    assert links(app, "loose") == [("36", "spot.html#code-36")]


def test_a_link_to_a_catalog_that_no_page_renders_says_so(build, srcdir):
    (srcdir / "spot.rst").write_text(":orphan:\n\nSpot\n====\n\nSee :errcode:`spot:36`.\n", encoding="utf-8")
    app = build(ROOT, srcdir=srcdir)
    assert (
        f"{srcdir / 'spot.rst'}:6: WARNING: unknown error code 'spot:36': no page renders the catalog spot; add '.. error-codes:: spot' to a page [errcodes.unknown-code]"
        in warnings_of(app).splitlines()
    )


def test_a_catalog_whose_file_cannot_be_read_is_reported_without_warnings_about_its_categories(build, srcdir):
    (srcdir / "data" / "futures.csv").unlink()
    app = build(ROOT, srcdir=srcdir)
    futures = [line for line in warnings_of(app).splitlines() if "futures" in line and "unknown error code" not in line]
    assert all("catalog file not found" in line or "cannot" in line or "not found" in line for line in futures), futures
    assert not [line for line in futures if "category" in line]


def test_errcodes_returned_in_an_explanation_means_the_explanations_catalog(build, srcdir):
    (srcdir / "spot.rst").write_text(":errcodes-catalog: futures\n\n" + (srcdir / "spot.rst").read_text(encoding="utf-8"), encoding="utf-8")
    (srcdir / "explanations" / "spot" / "37.rst").write_text("Returned with:\n\n.. errcodes-returned::\n\n   36\n", encoding="utf-8")
    app = build(ROOT, srcdir=srcdir)
    assert warnings_of(app) == ""
    table = entry(app, "spot", "code-37").find("table", class_="errcodes-returned")
    assert [(row.find("a")["href"], row.find_all("td")[1].get_text()) for row in table.select("tbody tr")] == [("#code-36", "Insufficient funds")]
