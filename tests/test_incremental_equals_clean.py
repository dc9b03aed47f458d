"""After any edit, an incremental build gives the same output as a clean build of the same sources."""

from __future__ import annotations

import shutil

import pytest

from conftest import ROOTS, edit_source, search_index_without_empty_terms

OUTPUTS = ["errors.html", "orders.html", "index.html", "genindex.html", "objects.inv", "errcodes.json"]


def replace_in(name: str, old: str, new: str):
    return lambda srcdir: edit_source(srcdir / name, old, new)


def add_page(name: str, text: str):
    def add(srcdir):
        (srcdir / f"{name}.rst").write_text(text, encoding="utf-8")
        edit_source(srcdir / "index.rst", "   orders\n", f"   orders\n   {name}\n")

    return add


def delete_page(name: str):
    def delete(srcdir):
        (srcdir / f"{name}.rst").unlink()
        edit_source(srcdir / "index.rst", f"   {name}\n", "")

    return delete


EDITS = {
    "description edited": replace_in("codes.csv", "36,Margin and funds,Insufficient funds", "36,Margin and funds,Not enough funds"),
    "code removed": replace_in("codes.csv", "10010,Request signing,Invalid signature\n", ""),
    "code added": replace_in("codes.csv", "36,Margin and funds,Insufficient funds\n", "36,Margin and funds,Insufficient funds\n37,Margin and funds,Invalid quantity\n"),
    "category renamed": replace_in("codes.csv", "Margin and funds", "Funds"),
    "message shared": replace_in("codes.csv", "10010,Request signing,Invalid signature", "10010,Request signing,Insufficient funds"),
    "page title renamed": replace_in("orders.rst", "Orders\n======\n", "Trading\n=======\n"),
    "section renamed": replace_in("orders.rst", "Place an order\n--------------\n", "Submit an order\n---------------\n"),
    "role removed": replace_in("orders.rst", ":errcode:`36` or ", ""),
    "role added": replace_in("index.rst", "Test project\n============\n", "Test project\n============\n\nSigning fails with :errcode:`10010`.\n"),
    "page with roles added": add_page("refunds", "Refunds\n=======\n\nCancel an order\n---------------\n\nA refund gives :errcode:`99`.\n"),
    "page with roles deleted": delete_page("orders"),
    "reference page deleted": delete_page("errors"),
    "directive removed": replace_in("errors.rst", ".. error-codes::\n", "No catalog.\n"),
}


FIELD_EDITS = {
    "code retired": replace_in("codes.csv", "36,INSUFFICIENT_FUNDS,Funds,Insufficient funds,402,no,1.0,,,37,Payments", "36,INSUFFICIENT_FUNDS,Funds,Insufficient funds,402,no,1.0,retired,37,,Payments"),
    "name renamed": replace_in("codes.csv", "INSUFFICIENT_FUNDS", "NOT_ENOUGH_FUNDS"),
    "column removed": lambda srcdir: (srcdir / "codes.csv").write_text(
        "\n".join(",".join(row.split(",")[:4]) for row in (srcdir / "codes.csv").read_text(encoding="utf-8").splitlines() if '"' not in row) + "\n",
        encoding="utf-8",
    ),
    "http status changed": replace_in("codes.csv", ",402,", ",409,"),
}


@pytest.mark.parametrize(
    "root, edit",
    [("test-basic", edit) for edit in EDITS.values()] + [("test-fields", edit) for edit in FIELD_EDITS.values()],
    ids=[*EDITS, *FIELD_EDITS],
)
def test_an_incremental_build_after_an_edit_equals_a_clean_build(build, tmp_path, root, edit):
    shutil.copytree(ROOTS / root, tmp_path / "src")
    srcdir = tmp_path / "src"
    build(root, srcdir=srcdir, builddir=tmp_path / "incremental")
    edit(srcdir)
    incremental = build(root, srcdir=srcdir, builddir=tmp_path / "incremental")
    clean = build(root, srcdir=srcdir, builddir=tmp_path / "clean")
    assert (incremental.outdir / "errcodes.json").exists() == (clean.outdir / "errcodes.json").exists()
    assert search_index_without_empty_terms(incremental.outdir) == search_index_without_empty_terms(clean.outdir)
    # Sphinx leaves the pages of deleted documents in place; the pages of a clean build are compared.
    for name in OUTPUTS:
        if (clean.outdir / name).exists():
            assert (incremental.outdir / name).read_bytes() == (clean.outdir / name).read_bytes(), name
