"""A rebuild leaves errcodes.json as it was only when nothing it shows changed (see unchanged.py)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from sphinx.cmd.build import build_main

from conftest import ROOTS, edit_source


def read_export(outdir: Path) -> dict:
    return json.loads((outdir / "errcodes.json").read_text(encoding="utf-8"))


def by_code(outdir: Path) -> dict[str, dict]:
    return {entry["code"]: entry for entry in read_export(outdir)["codes"]}


def test_a_rebuild_after_editing_a_page_without_codes_gives_the_file_of_a_clean_build(build, basic_srcdir, tmp_path):
    built = build("test-basic", srcdir=basic_srcdir)
    (basic_srcdir / "index.rst").write_text((basic_srcdir / "index.rst").read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    rebuilt = build("test-basic", srcdir=basic_srcdir)
    clean = build("test-basic", srcdir=basic_srcdir, builddir=tmp_path / "clean")
    assert rebuilt.outdir == built.outdir
    assert read_export(rebuilt.outdir) == read_export(clean.outdir)


def test_a_new_reference_on_another_page_is_in_the_file_after_a_rebuild(build, basic_srcdir):
    build("test-basic", srcdir=basic_srcdir)
    edit_source(basic_srcdir / "orders.rst", "A new order can fail", "A new order can fail with :errcode:`10010`, or")
    app = build("test-basic", srcdir=basic_srcdir)
    assert [link["title"] for link in by_code(app.outdir)["10010"]["referenced_by"]] == ["Place an order"]


def test_turning_code_urls_on_without_any_source_change_adds_doc_urls(build, basic_srcdir):
    build("test-basic", srcdir=basic_srcdir)
    app = build("test-basic", srcdir=basic_srcdir, confoverrides={"errcodes_code_urls": True})
    assert by_code(app.outdir)["36"]["doc_url"] == "code/36.html"


def test_setting_html_baseurl_without_any_source_change_makes_the_urls_absolute(build, basic_srcdir):
    build("test-basic", srcdir=basic_srcdir)
    app = build("test-basic", srcdir=basic_srcdir, confoverrides={"html_baseurl": "https://docs.example.com/"})
    assert by_code(app.outdir)["36"]["url"] == "https://docs.example.com/errors.html#code-36"


def test_a_deleted_file_is_written_again_by_a_rebuild(build, basic_srcdir):
    first = build("test-basic", srcdir=basic_srcdir)
    written = read_export(first.outdir)
    (first.outdir / "errcodes.json").unlink()
    app = build("test-basic", srcdir=basic_srcdir)
    assert read_export(app.outdir) == written


def test_an_edited_explanation_is_in_the_file_after_a_rebuild(build, tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-explanations", srcdir)
    build("test-explanations", srcdir=srcdir)
    edit_source(srcdir / "explanations" / "36.rst", "The account's funds do not cover the request.", "The funds fall short of the request.")
    app = build("test-explanations", srcdir=srcdir)
    assert by_code(app.outdir)["36"]["explanation"]["text"].startswith("The funds fall short of the request.")


def test_another_builder_writing_into_the_same_folder_writes_its_own_urls(tmp_path):
    srcdir, outdir = tmp_path / "src", tmp_path / "out"
    shutil.copytree(ROOTS / "test-basic", srcdir)
    for builder in ("html", "dirhtml"):
        assert build_main(["-q", "-b", builder, "-d", str(tmp_path / "doctrees"), str(srcdir), str(outdir)]) == 0
    assert by_code(outdir)["36"]["url"] == "errors/#code-36"


def build_into(builder: str, srcdir: Path, outdir: Path, doctrees: Path) -> None:
    """A build of its own, as ``make`` runs one after the other: each in a fresh process."""
    subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", builder, "-d", str(doctrees), str(srcdir), str(outdir)], check=True)


def test_an_edit_read_first_by_another_builder_sharing_the_doctrees_is_in_the_file(tmp_path):
    srcdir, doctrees = tmp_path / "src", tmp_path / "doctrees"
    shutil.copytree(ROOTS / "test-code-urls", srcdir)
    build_into("html", srcdir, tmp_path / "html", doctrees)
    # Written now, not later than now as edit_source makes it: the text build must read the edit, and the html build not again.
    catalog = srcdir / "codes.csv"
    catalog.write_text(catalog.read_text(encoding="utf-8").replace("Insufficient funds", "Not enough funds"), encoding="utf-8")
    build_into("text", srcdir, tmp_path / "text", doctrees)
    build_into("html", srcdir, tmp_path / "html", doctrees)
    assert by_code(tmp_path / "html")["36"]["description"] == "Not enough funds"

