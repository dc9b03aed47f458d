"""Catalogs that other systems publish render whole, with their names and HTTP statuses."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from conftest import ROOTS, parse_html, warnings_of

CATALOGS = Path(__file__).parent / "catalogs"


@pytest.fixture(scope="module", params=["errno-linux.csv", "grpc-status.csv", "postgresql-sqlstate.csv"])
def built(request, build, tmp_path_factory):
    srcdir = tmp_path_factory.mktemp(Path(request.param).stem)
    shutil.copytree(ROOTS / "test-catalog", srcdir, dirs_exist_ok=True)
    shutil.copy(CATALOGS / request.param, srcdir / "codes.csv")
    with open(srcdir / "codes.csv", encoding="utf-8", newline="") as catalog:
        rows = list(csv.DictReader(catalog))
    return build("test-catalog", srcdir=srcdir), rows


def test_the_catalog_builds_without_warnings(built):
    app, _rows = built
    assert warnings_of(app) == ""


def test_every_entry_shows_its_name_beside_its_code(built):
    app, rows = built
    page = parse_html(app.outdir / "index.html")
    for row in rows:
        entry = page.find(id=f"code-{row['code']}")
        assert entry.find(class_="errcodes-name").get_text() == row["name"]


def test_every_entry_with_an_http_status_shows_it(built):
    app, rows = built
    page = parse_html(app.outdir / "index.html")
    for row in rows:
        badge = page.find(id=f"code-{row['code']}").find(class_="errcodes-http-status")
        if row.get("http_status"):
            assert badge.get_text().split()[:2] == ["HTTP", row["http_status"]]
        else:
            assert badge is None
