"""Codes that share a message point to each other; see_also adds hand-made links."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import ROOTS, parse_html, warnings_of


@pytest.fixture(scope="module")
def related(build):
    app = build("test-related")
    return app, parse_html(app.outdir / "index.html")


def note(page, code: str, kind: str):
    return page.find(id=f"code-{code}").find(class_=f"errcodes-{kind}")


def test_codes_with_the_same_message_point_to_each_other(related):
    _, page = related
    assert note(page, "9", "same-message").get_text() == "Same message as 88"
    assert note(page, "9", "same-message").a["href"] == "#code-88"
    assert note(page, "88", "same-message").a["href"] == "#code-9"


def test_a_code_with_a_unique_message_has_no_same_message_note(related):
    _, page = related
    assert note(page, "36", "same-message") is None


def test_see_also_links_each_named_code(related):
    _, page = related
    links = note(page, "35", "see-also").find_all("a")
    assert [(a["href"], a.get_text()) for a in links] == [("#code-36", "36"), ("#code-100", "100")]
    assert note(page, "35", "see-also").get_text() == "See also: 36, 100"


def test_a_valid_catalog_with_see_also_builds_without_warnings(related):
    app, _ = related
    assert warnings_of(app) == ""


def test_see_also_naming_an_unknown_code_warns_with_its_line(build, tmp_path):
    shutil.copytree(ROOTS / "test-related", tmp_path, dirs_exist_ok=True)
    (tmp_path / "codes.csv").write_text("code,category,description,see_also\n35,Funds,Insufficient balance,36 404\n36,Funds,Insufficient funds,\n", encoding="utf-8")
    app = build("test-related", srcdir=tmp_path)
    (warning,) = warnings_of(app).splitlines()
    assert warning.startswith(f"{tmp_path / 'codes.csv'}:2: WARNING: code 35 has see_also '404', which is not a code of this catalog")
    assert [a.get_text() for a in note(parse_html(app.outdir / "index.html"), "35", "see-also").find_all("a")] == ["36"]


def test_a_message_shared_by_many_codes_links_ten_and_counts_the_rest(build, tmp_path):
    shutil.copytree(ROOTS / "test-related", tmp_path, dirs_exist_ok=True)
    rows = "".join(f"{code},Common,Internal error,\n" for code in range(1, 16))
    (tmp_path / "codes.csv").write_text("code,category,description,see_also\n" + rows, encoding="utf-8")
    app = build("test-related", srcdir=tmp_path)
    shared = note(parse_html(app.outdir / "index.html"), "1", "same-message")
    assert [a.get_text() for a in shared.find_all("a")] == [str(code) for code in range(2, 12)]
    assert shared.get_text().endswith("11 and 4 more")
    exported = {entry["code"]: entry for entry in json.loads((app.outdir / "errcodes.json").read_text(encoding="utf-8"))["codes"]}
    assert (len(exported["1"]["same_message_as"]), exported["1"]["same_message_count"]) == (10, 14)
