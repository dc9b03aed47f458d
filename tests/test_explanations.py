"""Explanations: one file per code, real Sphinx content under the code's message."""

from __future__ import annotations

import json
import shutil

import jsonschema
import pytest
from bs4 import BeautifulSoup

from conftest import ROOTS, documents_written, edit_source, parse_html, serial_and_parallel, warnings_of
from sphinx_errcodes.export import SCHEMA


@pytest.fixture(scope="module")
def built(build):
    return build("test-explanations")


@pytest.fixture(scope="module")
def page(built):
    return parse_html(built.outdir / "errors.html")


@pytest.fixture
def srcdir(tmp_path):
    shutil.copytree(ROOTS / "test-explanations", tmp_path, dirs_exist_ok=True)
    return tmp_path


def explanation(page, code):
    return page.find(id=f"code-{code}").find(class_="errcodes-explanation")


def test_files_inside_the_source_folder_build_without_warnings_and_are_no_pages(built):
    assert warnings_of(built) == ""
    assert not (built.outdir / "explanations").exists()


def test_an_explanation_follows_the_message(page):
    description = page.find(id="code-36").find(class_="errcodes-description")
    assert description.find_next_sibling()["class"] == ["errcodes-explanation"]


def test_an_explanation_is_real_content_with_lists_admonitions_and_links(page):
    shown = explanation(page, "36")
    assert [item.get_text() for item in shown.select("ul li")] == ["the available funds of the account;", "the amount of the request."]
    assert shown.find(class_="admonition").find("a")["href"] == "#code-37"


def test_headings_of_an_explanation_are_no_sections_of_the_page(page):
    assert explanation(page, "36").find(class_="rubric").get_text() == "What to check"
    assert "What to check" not in [a.get_text() for a in page.select(".toctree-wrapper a, nav a")]
    assert explanation(page, "36").find(["h1", "h2", "h3", "h4", "section"]) is None


def test_a_markdown_explanation_is_read_with_myst(page):
    shown = explanation(page, "E0308")
    assert shown.find(class_="rubric").get_text() == "Example"
    assert shown.find("pre").get_text() == 'x: int = "text"\n'
    assert shown.find("a")["href"] == "#code-36"


def test_a_short_explanation_is_shown_in_full(page):
    assert explanation(page, "36").name == "div"


def test_a_long_explanation_starts_collapsed_behind_a_toggle(page):
    shown = explanation(page, "-99")
    assert shown.name == "details"
    assert not shown.has_attr("open")
    assert shown.find("summary").get_text() == "Explanation"


def test_a_code_without_an_explanation_has_none(page):
    assert explanation(page, "37") is None


def test_other_builders_show_the_explanation_under_the_message(build):
    app = build("test-explanations", "text")
    text = " ".join((app.outdir / "errors.txt").read_text(encoding="utf-8").split())
    assert "Insufficient funds The account's funds do not cover the request. -[ What to check ]-" in text


@pytest.mark.parametrize(
    "name, content, warning",
    [
        ("99.rst", "Nothing.\n", "explanation for code 99, which is not in the catalog; rename or remove the file"),
        ("36.md", "Again.\n", "code 36 has two explanations, 36.rst and 36.md; keep one (36.rst is used)"),
        ("37.txt", "Text.\n", "37.txt is not an explanation: name it <code>.rst or <code>.md"),
        ("37.rst", "\n  \n", "the explanation of code 37 is empty; write it, or remove the file"),
    ],
    ids=["unknown code", "two files for one code", "another suffix", "empty file"],
)
def test_a_misplaced_file_is_named_in_a_warning(build, srcdir, name, content, warning):
    (srcdir / "explanations" / name).write_text(content, encoding="utf-8")
    app = build("test-explanations", srcdir=srcdir)
    assert warnings_of(app).splitlines() == [f"{srcdir / 'explanations' / name}:1: WARNING: {warning} [errcodes.explanation]"]


def test_an_undecodable_file_is_named_at_its_line(build, srcdir):
    (srcdir / "explanations" / "37.rst").write_bytes(b"First line.\nSecond \xff line.\n")
    app = build("test-explanations", srcdir=srcdir)
    assert warnings_of(app).splitlines() == [
        f"{srcdir / 'explanations' / '37.rst'}:2: WARNING: the explanation is not valid UTF-8 (byte 0xff); save it as UTF-8 [errcodes.explanation]"
    ]


def test_a_markdown_explanation_without_myst_says_what_to_add(build, srcdir):
    app = build("test-explanations", srcdir=srcdir, confoverrides={"extensions": ["sphinx_errcodes"]})
    assert warnings_of(app).splitlines() == [
        f"{srcdir / 'explanations' / 'E0308.md'}:1: WARNING: a Markdown explanation needs MyST-Parser: add 'myst_parser' to extensions in conf.py, or write E0308.rst [errcodes.explanation]"
    ]


def test_a_problem_inside_an_explanation_is_reported_at_its_file_and_line(build, srcdir):
    (srcdir / "explanations" / "37.rst").write_text("First.\n\nSee :errcode:`12345`.\n", encoding="utf-8")
    app = build("test-explanations", srcdir=srcdir)
    assert f"{srcdir / 'explanations' / '37.rst'}:3: WARNING: unknown error code '12345'" in warnings_of(app)


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda folder: (folder / "37.rst").write_text("Added.\n", encoding="utf-8"), id="added"),
        pytest.param(lambda folder: edit_source(folder / "36.rst", "do not cover", "fall short of"), id="edited"),
        pytest.param(lambda folder: (folder / "36.rst").unlink(), id="removed"),
    ],
)
def test_a_changed_explanation_shows_without_a_fresh_build_as_in_a_clean_one(build, srcdir, tmp_path_factory, change):
    build("test-explanations", srcdir=srcdir)
    change(srcdir / "explanations")
    incremental = build("test-explanations", srcdir=srcdir)
    clean = build("test-explanations", srcdir=srcdir, builddir=tmp_path_factory.mktemp("clean"))
    assert (incremental.outdir / "errors.html").read_bytes() == (clean.outdir / "errors.html").read_bytes()


def test_a_parallel_build_renders_the_explanations_as_a_serial_one(build, srcdir, tmp_path_factory):
    serial, parallel = serial_and_parallel(build, "test-explanations", srcdir, tmp_path_factory, "See :errcode:`36`.")
    assert (parallel.outdir / "errors.html").read_bytes() == (serial.outdir / "errors.html").read_bytes()


def test_errcodes_json_carries_each_explanation_as_html_and_text(built):
    exported = json.loads((built.outdir / "errcodes.json").read_text(encoding="utf-8"))
    jsonschema.validate(exported, json.loads(SCHEMA.read_text(encoding="utf-8")))
    codes = {entry["code"]: entry for entry in exported["codes"]}
    explained = codes["36"]["explanation"]
    assert BeautifulSoup(explained["html"], "html.parser").select("ul li")[0].get_text() == "the available funds of the account;"
    assert explained["text"].startswith("The account's funds do not cover the request.\n\nWhat to check\n\n")
    assert "explanation" not in codes["37"]


def explanations_exported(app) -> dict[str, dict]:
    exported = json.loads((app.outdir / "errcodes.json").read_text(encoding="utf-8"))
    return {entry["code"]: entry["explanation"] for entry in exported["codes"] if "explanation" in entry}


def test_errcodes_json_carries_the_explanation_html_that_the_page_shows(built, page):
    shown = explanation(page, "36")
    exported = BeautifulSoup(explanations_exported(built)["36"]["html"], "html.parser")
    assert exported.get_text().strip() == shown.get_text().strip()
    assert [a["href"] for a in exported.find_all("a")] == [a["href"] for a in shown.find_all("a")] != []


def test_a_parallel_build_exports_the_explanations_of_a_serial_one(build, srcdir, tmp_path_factory):
    serial, parallel = serial_and_parallel(build, "test-explanations", srcdir, tmp_path_factory, "See :errcode:`36`.")
    assert explanations_exported(parallel) == explanations_exported(serial) != {}


@pytest.mark.parametrize("buildername", ["singlehtml", "dirhtml"])
def test_every_website_builder_exports_the_explanations(build, buildername):
    texts = {code: shown["text"] for code, shown in explanations_exported(build("test-explanations", buildername)).items()}
    assert texts == {code: shown["text"] for code, shown in explanations_exported(build("test-explanations")).items()}


def test_a_rebuild_after_removing_an_explanation_exports_it_no_more(build, srcdir):
    build("test-explanations", srcdir=srcdir)
    (srcdir / "explanations" / "36.rst").unlink()
    assert "36" not in explanations_exported(build("test-explanations", srcdir=srcdir))


def test_a_rebuild_that_does_not_write_the_reference_page_keeps_its_explanations_in_errcodes_json(build, srcdir):
    first = explanations_exported(build("test-explanations", srcdir=srcdir))
    edit_source(srcdir / "conf.py", 'errcodes_explanations = "explanations"', 'errcodes_explanations = "explanations"\nerrcodes_code_urls = True')
    again = build("test-explanations", srcdir=srcdir)
    assert "errors" not in documents_written(again)
    assert explanations_exported(again) == first != {}


def test_a_build_with_nothing_changed_reads_nothing(build, srcdir):
    build("test-explanations", srcdir=srcdir)
    assert "0 added, 0 changed, 0 removed" in build("test-explanations", srcdir=srcdir).status.getvalue()


def test_an_explanation_that_holds_the_catalog_directive_is_told_the_page_has_it(build, srcdir):
    (srcdir / "explanations" / "37.rst").write_text("Text.\n\n.. error-codes::\n", encoding="utf-8")
    app = build("test-explanations", srcdir=srcdir)
    assert warnings_of(app).splitlines() == [
        f"{srcdir / 'explanations' / '37.rst'}:3: WARNING: the catalog is already rendered on this page, at line 4; remove this error-codes directive [errcodes.duplicate]"
    ]


def test_a_markdown_include_of_a_missing_file_is_a_warning_not_a_crash(build, srcdir):
    (srcdir / "explanations" / "37.md").write_text("```{include} shared.md\n```\n\nText.\n", encoding="utf-8")
    app = build("test-explanations", srcdir=srcdir)
    assert app.statuscode == 0
    assert f"{srcdir / 'explanations' / '37.md'}:1: CRITICAL: Directive \"include\": file not found" in warnings_of(app)


def test_a_folder_inside_the_explanations_folder_is_named(build, srcdir):
    (srcdir / "explanations" / "more").mkdir()
    app = build("test-explanations", srcdir=srcdir)
    assert warnings_of(app).splitlines() == [
        f"{srcdir / 'explanations' / 'more'}:1: WARNING: more is a folder; explanations are files in {srcdir / 'explanations'} itself [errcodes.explanation]"
    ]


def test_a_dangling_link_is_named_and_a_valid_file_for_the_code_is_used(build, srcdir):
    (srcdir / "explanations" / "E0308.rst").symlink_to("moved.rst")
    app = build("test-explanations", srcdir=srcdir)
    assert warnings_of(app).splitlines() == [
        f"{srcdir / 'explanations' / 'E0308.rst'}:1: WARNING: E0308.rst is a symbolic link to moved.rst, which does not exist [errcodes.explanation]"
    ]
    assert explanation(parse_html(app.outdir / "errors.html"), "E0308").find(class_="rubric").get_text() == "Example"


def test_myst_loaded_by_another_extension_reads_markdown_explanations(build, srcdir):
    (srcdir / "loader.py").write_text("def setup(app):\n    app.setup_extension('myst_parser')\n", encoding="utf-8")
    (srcdir / "conf.py").write_text(
        "import os, sys\nsys.path.insert(0, os.path.dirname(__file__))\n"
        'extensions = ["loader", "sphinx_errcodes"]\nerrcodes_file = "codes.csv"\nerrcodes_explanations = "explanations"\n',
        encoding="utf-8",
    )
    app = build("test-explanations", srcdir=srcdir)
    assert warnings_of(app) == ""
    assert explanation(parse_html(app.outdir / "errors.html"), "E0308") is not None


def test_the_text_of_an_explanation_in_errcodes_json_keeps_the_titles_of_admonitions(built):
    codes = {entry["code"]: entry for entry in json.loads((built.outdir / "errcodes.json").read_text(encoding="utf-8"))["codes"]}
    assert "\n\nNote\n\nA related code is 37." in codes["36"]["explanation"]["text"]
    assert codes["36"]["explanation"]["text"].count("Note") == 1


def test_sphinx_s_own_admonitions_and_descriptions_in_an_explanation_reach_errcodes_json(build, srcdir):
    (srcdir / "explanations" / "37.rst").write_text(
        "Quantities.\n\n.. seealso:: The order guide.\n\n.. versionadded:: 2.0\n\n.. py:function:: place_order(quantity)\n\n   Places an order.\n",
        encoding="utf-8",
    )
    app = build("test-explanations", srcdir=srcdir)
    assert warnings_of(app) == ""
    codes = {entry["code"]: entry for entry in json.loads((app.outdir / "errcodes.json").read_text(encoding="utf-8"))["codes"]}
    shown = BeautifulSoup(codes["37"]["explanation"]["html"], "html.parser")
    assert shown.find(class_="seealso").find_all("p")[-1].get_text() == "The order guide."
    assert shown.find("dt", id="place_order") is not None
    assert "See also\n\nThe order guide." in codes["37"]["explanation"]["text"]


def test_raw_markup_of_an_explanation_is_no_text_in_errcodes_json(build, srcdir):
    (srcdir / "explanations" / "37.rst").write_text("Quantities.\n\n.. raw:: html\n\n   <b>bold</b>\n", encoding="utf-8")
    app = build("test-explanations", srcdir=srcdir)
    codes = {entry["code"]: entry for entry in json.loads((app.outdir / "errcodes.json").read_text(encoding="utf-8"))["codes"]}
    assert codes["37"]["explanation"]["text"] == "Quantities."
    assert "<b>bold</b>" in codes["37"]["explanation"]["html"]
