"""Another Sphinx project links to our codes through intersphinx."""

from __future__ import annotations

import shutil

from conftest import ROOTS, parse_html, warnings_of

PUBLISHED = "https://trading.example.com/docs/"


def test_a_project_without_a_catalog_resolves_codes_through_intersphinx(build):
    reference = build("test-basic")
    client = build(
        "test-intersphinx",
        confoverrides={"intersphinx_mapping": {"trading": (PUBLISHED, str(reference.outdir / "objects.inv"))}},
    )
    link = parse_html(client.outdir / "index.html").find("a", class_="reference external")
    assert link["href"] == f"{PUBLISHED}errors.html#code-36"
    assert link.get_text() == "36"
    assert warnings_of(client) == ""


def test_a_project_without_a_catalog_or_inventory_warns_about_the_code(build):
    client = build("test-intersphinx")
    assert f"{client.srcdir / 'index.rst'}:4: WARNING: unknown error code '36'" in warnings_of(client)


def test_errcodes_returned_links_a_code_that_only_an_inventory_has(build, tmp_path):
    reference = build("test-basic")
    shutil.copytree(ROOTS / "test-intersphinx", tmp_path, dirs_exist_ok=True)
    (tmp_path / "endpoint.rst").write_text(":orphan:\n\nEndpoint\n========\n\n.. errcodes-returned::\n\n   36 12345\n", encoding="utf-8")
    client = build(
        "test-intersphinx",
        srcdir=tmp_path,
        confoverrides={"intersphinx_mapping": {"trading": (PUBLISHED, str(reference.outdir / "objects.inv"))}},
    )
    rows = parse_html(client.outdir / "endpoint.html").select("table.errcodes-returned tbody tr")
    assert rows[0].find("a")["href"] == f"{PUBLISHED}errors.html#code-36"
    assert rows[0].find("a").get_text() == "36"
    assert rows[1].find("a") is None
    assert warnings_of(client).splitlines() == [
        f"{tmp_path / 'endpoint.rst'}:6: WARNING: unknown error code '12345': it is in no catalog of this site nor in any intersphinx inventory [errcodes.unknown-code]"
    ]


def test_another_project_links_to_a_code_of_a_named_catalog_with_its_prefix(build, tmp_path):
    reference = build("test-catalogs")
    shutil.copytree(ROOTS / "test-intersphinx", tmp_path, dirs_exist_ok=True)
    (tmp_path / "index.rst").write_text("Client guide\n============\n\nA futures order fails with :errcode:`futures:36`.\n", encoding="utf-8")
    client = build("test-intersphinx", srcdir=tmp_path, confoverrides={"intersphinx_mapping": {"trading": (PUBLISHED, str(reference.outdir / "objects.inv"))}})
    link = parse_html(client.outdir / "index.html").find("a", class_="reference external")
    assert link["href"] == f"{PUBLISHED}futures-orders.html#code-36"
    assert warnings_of(client) == ""
