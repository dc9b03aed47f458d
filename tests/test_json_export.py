"""errcodes.json: the catalog for machines, beside the reference page."""

from __future__ import annotations

import csv
import json
import os
import time

import jsonschema
import pytest

from sphinx_errcodes.export import SCHEMA, schema


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


def read_export(app) -> dict:
    return json.loads((app.outdir / "errcodes.json").read_text(encoding="utf-8"))


def test_singlehtml_urls_name_the_page_not_only_the_anchor(build):
    exported = read_export(build("test-basic", "singlehtml"))
    assert by_code(exported)["36"]["url"] == "index.html#code-36"
    assert by_code(exported)["99"]["referenced_by"] == [{"url": "index.html#cancel-an-order", "title": "Cancel an order"}]


def test_dirhtml_urls_of_a_catalog_on_the_root_page_name_the_folder(build, basic_srcdir):
    (basic_srcdir / "index.rst").write_text("Test project\n============\n\n.. error-codes::\n\n.. toctree::\n\n   orders\n", encoding="utf-8")
    (basic_srcdir / "errors.rst").unlink()
    exported = read_export(build("test-basic", "dirhtml", srcdir=basic_srcdir))
    assert by_code(exported)["36"]["url"] == "./#code-36"


def test_a_root_page_url_is_absolute_with_html_baseurl(build, basic_srcdir):
    (basic_srcdir / "index.rst").write_text("Test project\n============\n\n.. error-codes::\n\n.. toctree::\n\n   orders\n", encoding="utf-8")
    (basic_srcdir / "errors.rst").unlink()
    exported = read_export(build("test-basic", "dirhtml", srcdir=basic_srcdir, confoverrides={"html_baseurl": "https://docs.example.com/api/"}))
    assert by_code(exported)["36"]["url"] == "https://docs.example.com/api/#code-36"


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(lambda srcdir: (srcdir / "codes.csv").write_text("code,category,description\n", encoding="utf-8"), id="catalog emptied"),
        pytest.param(lambda srcdir: (srcdir / "errors.rst").write_text("Errors\n======\n\nNo catalog.\n", encoding="utf-8"), id="directive removed"),
        pytest.param(lambda srcdir: (srcdir / "errors.rst").unlink(), id="page deleted"),
    ],
)
@pytest.mark.parametrize("fresh", [False, True], ids=["incremental", "fresh environment"])
def test_the_file_is_removed_when_the_site_no_longer_shows_a_catalog(build, basic_srcdir, edit, fresh):
    assert (build("test-basic", srcdir=basic_srcdir).outdir / "errcodes.json").is_file()
    edit(basic_srcdir)
    for path in basic_srcdir.glob("*.*"):
        later = time.time() + 5  # newer than the first build, which Sphinx compares
        os.utime(path, (later, later))
    app = build("test-basic", srcdir=basic_srcdir, freshenv=fresh)
    assert not (app.outdir / "errcodes.json").exists()


@pytest.mark.parametrize("buildername", ["epub", "qthelp", "devhelp", "htmlhelp"])
def test_builders_of_embedded_html_write_no_file(build, buildername):
    app = build("test-basic", buildername)
    assert not (app.outdir / "errcodes.json").exists()


@pytest.fixture(scope="module")
def exported_fields(build):
    return read_export(build("test-fields"))


def test_every_field_of_the_catalog_is_exported(exported_fields):
    assert {key: value for key, value in by_code(exported_fields)["18"].items() if key not in ("url", "returned_by", "referenced_by")} == {
        "code": "18",
        "name": "ORDER_EXPIRED",
        "category": "Orders",
        "description": "Order expired",
        "http_status": 410,
        "since": "1.0",
        "status": "retired",
        "replaced_by": "37",
        "see_also": [],
        "same_message_as": [],
        "same_message_count": 0,
    }


def test_the_project_s_own_columns_are_exported_apart(exported_fields):
    assert by_code(exported_fields)["36"]["extra"] == {"owner": "Payments"}


def test_an_empty_cell_is_left_out_and_unknown_retry_advice_is_absent(exported_fields):
    assert "retryable" not in by_code(exported_fields)["20"]
    assert by_code(exported_fields)["-99"]["retryable"] is True


def test_a_file_with_every_field_matches_the_schema(exported_fields):
    jsonschema.validate(exported_fields, json.loads(SCHEMA.read_text(encoding="utf-8")))


def test_the_shipped_schema_is_the_one_the_column_declarations_give():
    assert json.loads(SCHEMA.read_text(encoding="utf-8")) == schema()


@pytest.mark.parametrize("field, value", [("http_status", "402"), ("retryable", "no"), ("status", "gone")])
def test_the_schema_rejects_a_field_of_the_wrong_kind(exported_fields, field, value):
    broken = json.loads(json.dumps(exported_fields))
    broken["codes"][0][field] = value
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, json.loads(SCHEMA.read_text(encoding="utf-8")))
