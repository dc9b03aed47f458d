"""Another Sphinx project links to our codes through intersphinx."""

from __future__ import annotations

from conftest import parse_html, warnings_of

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
