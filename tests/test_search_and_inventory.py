"""Every code is a Sphinx object: in objects.inv, the general index and the search index."""

from __future__ import annotations

import pytest

from conftest import inventory_uris, parse_html, read_search_index


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


def test_general_index_lists_a_code_and_its_message(basic):
    genindex = parse_html(basic.outdir / "genindex.html")
    hrefs = {a.get_text(): a["href"] for a in genindex.select("table.indextable a")}
    assert hrefs["36 (error code)"] == "errors.html#code-36"
    assert hrefs["36"] == "errors.html#code-36"
