"""errcodes.json: the catalog for machines, beside the reference page."""

from __future__ import annotations

import csv
import json

import jsonschema
import pytest

from sphinx_errcodes.export import SCHEMA


@pytest.fixture(scope="module")
def basic(build):
    return build("test-basic")


@pytest.fixture(scope="module")
def exported(basic):
    return json.loads((basic.outdir / "errcodes.json").read_text(encoding="utf-8"))


def by_code(exported) -> dict:
    return {entry["code"]: entry for entry in exported["codes"]}


def test_the_file_matches_its_published_schema(exported):
    jsonschema.validate(exported, json.loads(SCHEMA.read_text(encoding="utf-8")))


def test_the_schema_rejects_a_file_without_a_version(exported):
    broken = {key: value for key, value in exported.items() if key != "version"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, json.loads(SCHEMA.read_text(encoding="utf-8")))


def test_every_catalog_row_is_exported_once_with_its_exact_text(basic, exported):
    with open(basic.srcdir / "codes.csv", encoding="utf-8", newline="") as f:
        rows = {row["code"]: (row["category"], row["description"]) for row in csv.DictReader(f)}
    assert [entry["code"] for entry in exported["codes"]].count("36") == 1
    assert {code: (entry["category"], entry["description"]) for code, entry in by_code(exported).items()} == rows


def test_each_code_carries_the_url_of_its_anchor(exported):
    assert by_code(exported)["-99"]["url"] == "errors.html#code--99"


def test_each_code_lists_the_pages_that_reference_it(exported):
    assert by_code(exported)["99"]["referenced_by"] == [{"url": "orders.html#cancel-an-order", "title": "Cancel an order"}]
    assert by_code(exported)["10010"]["referenced_by"] == []


def test_codes_sharing_a_message_are_named(exported):
    assert by_code(exported)["26"]["same_message_as"] == ["27"]


def test_urls_are_absolute_when_html_baseurl_is_set(build):
    app = build("test-basic", confoverrides={"html_baseurl": "https://docs.example.com/api"})
    exported = json.loads((app.outdir / "errcodes.json").read_text(encoding="utf-8"))
    assert by_code(exported)["36"]["url"] == "https://docs.example.com/api/errors.html#code-36"


def test_dirhtml_urls_point_to_the_folder_pages(build):
    app = build("test-basic", "dirhtml")
    exported = json.loads((app.outdir / "errcodes.json").read_text(encoding="utf-8"))
    assert by_code(exported)["36"]["url"] == "errors/#code-36"
    assert by_code(exported)["36"]["referenced_by"] == [{"url": "orders/#place-an-order", "title": "Place an order"}]
