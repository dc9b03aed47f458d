"""Every code is a Sphinx object: in objects.inv, the general index and the search index."""

from __future__ import annotations

import pytest

from conftest import edit_source, inventory_uris, parse_html, read_search_index


@pytest.fixture(scope="module")
def basic(build):
    return build("test-basic")


@pytest.fixture(scope="module")
def search_index(basic):
    return read_search_index(basic.outdir)


def object_anchor(index: dict, code: str) -> tuple[str, str]:
    """(document, anchor) of a code's entry in the search objects, as searchtools.js computes them."""
    objnames = index["objnames"]
    for prefix, entries in index["objects"].items():
        for doc, objtype, _priority, anchor, name in entries:
            fullname = f"{prefix}.{name}" if prefix else name
            if fullname == code:
                if anchor == "-":
                    anchor = f"{objnames[str(objtype)][1]}-{fullname}"
                return index["docnames"][doc], anchor
    raise AssertionError(f"{code} is not a search object")


@pytest.mark.parametrize("code", ["36", "10010", "-99", "99"])
def test_search_finds_a_code_as_an_object_linking_to_its_anchor(search_index, code):
    assert object_anchor(search_index, code) == ("errors", f"code-{code}")


def test_search_object_type_reads_error_code(search_index):
    assert ["errcodes", "code", "Error code"] in search_index["objnames"].values()


def test_search_finds_a_message_as_a_main_index_entry_linking_to_its_anchor(search_index):
    docnames = search_index["docnames"]
    matches = search_index["indexentries"]["insufficient funds"]
    assert [(docnames[doc], anchor, main) for doc, anchor, main in matches] == [("errors", "code-36", True)]


def test_search_finds_a_code_as_a_main_index_entry_linking_to_its_anchor(search_index):
    assert [(anchor, main) for _doc, anchor, main in search_index["indexentries"]["-99"]] == [("code--99", True)]


def test_a_repeated_message_leads_to_each_of_its_codes(search_index):
    matches = search_index["indexentries"]["invalid contract product status"]
    assert sorted(anchor for _doc, anchor, _main in matches) == ["code-26", "code-27"]


def test_objects_inv_holds_every_code_with_its_url(basic):
    codes = inventory_uris(basic.outdir / "objects.inv", "errcodes:code")
    assert codes["36"] == "errors.html#code-36"
    assert codes["-99"] == "errors.html#code--99"
    assert len(codes) == 7


def general_index_entries(outdir) -> dict[str, list[tuple[str, str]]]:
    """main entry -> [(sub-entry text, href)] of the general index."""
    genindex = parse_html(outdir / "genindex.html")
    entries = {}
    for item in genindex.select("table.indextable > tr > td > ul > li"):
        main = item.find(string=True, recursive=False).strip()
        entries[main] = [(a.get_text(), a["href"]) for a in item.select("ul a")]
    return entries


def test_general_index_lists_a_code_with_its_message(basic):
    assert general_index_entries(basic.outdir)["36"] == [("Insufficient funds", "errors.html#code-36")]


def test_a_message_with_semicolons_stays_whole_in_the_general_index_and_the_search(build, basic_srcdir):
    edit_source(basic_srcdir / "codes.csv", '"System error, please try again later"', '"System error; please try again; later"')
    app = build("test-basic", srcdir=basic_srcdir)
    assert general_index_entries(app.outdir)["-99"] == [("System error; please try again; later", "errors.html#code--99")]
    entries = read_search_index(app.outdir)["indexentries"]
    assert [(anchor, main) for _doc, anchor, main in entries["-99"]] == [("code--99", True)]
    assert [anchor for _doc, anchor, _main in entries["system error; please try again; later"]] == ["code--99"]


def test_a_nosearch_catalog_page_gives_the_search_page_no_entries_and_no_objects(build, basic_srcdir):
    edit_source(basic_srcdir / "errors.rst", "Errors\n", ":nosearch:\n\nErrors\n")
    app = build("test-basic", srcdir=basic_srcdir)
    index = read_search_index(app.outdir)
    assert [term for term, matches in index["indexentries"].items() if any(index["docnames"][doc] == "errors" for doc, _a, _m in matches)] == []
    assert index["objects"].get("", []) == []
    assert "36" in inventory_uris(app.outdir / "objects.inv", "errcodes:code")


def test_a_nosearch_catalog_page_stays_out_of_the_search_page_after_a_rebuild(build, basic_srcdir):
    edit_source(basic_srcdir / "errors.rst", "Errors\n", ":nosearch:\n\nErrors\n")
    build("test-basic", srcdir=basic_srcdir)
    edit_source(basic_srcdir / "orders.rst", "A new order can fail", "A new order may fail")
    index = read_search_index(build("test-basic", srcdir=basic_srcdir).outdir)
    assert [term for term, matches in index["indexentries"].items() if any(index["docnames"][doc] == "errors" for doc, _a, _m in matches)] == []
