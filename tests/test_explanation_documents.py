"""Each explanation is read as a document of its own: its parser, its names, its paths, its state."""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import ROOTS, edit_source, inventory_uris, parse_html, serial_and_parallel, warnings_of

ROOT = "test-explanation-documents"


@pytest.fixture(scope="module")
def built(build):
    return build(ROOT)


@pytest.fixture(scope="module")
def page(built):
    return parse_html(built.outdir / "errors.html")


@pytest.fixture
def srcdir(tmp_path):
    shutil.copytree(ROOTS / ROOT, tmp_path, dirs_exist_ok=True)
    return tmp_path


def explanation(page, code):
    return page.find(id=f"code-{code}").find(class_="errcodes-explanation")


def footnote_of(page, reference):
    return page.find(id=reference["href"].removeprefix("#")).find("p").get_text()


def test_the_project_builds_without_warnings(built):
    assert warnings_of(built) == ""


def test_an_rst_explanation_on_a_markdown_page_keeps_its_headings_lists_and_admonitions(build, srcdir):
    (srcdir / "errors.rst").unlink()
    (srcdir / "errors.md").write_text("# Errors\n\n```{error-codes}\n```\n", encoding="utf-8")
    app = build(ROOT, srcdir=srcdir)
    shown = explanation(parse_html(app.outdir / "errors.html"), "1")
    assert shown.find(class_="rubric").get_text() == "Details"
    assert [item.get_text() for item in shown.select("ul li")] == ["one", "two"]
    assert shown.find(class_="admonition note").find_all("p")[-1].get_text() == "Checked first."


def test_footnotes_of_the_same_name_in_two_explanations_each_lead_to_their_own(page):
    first = explanation(page, "1").find(class_="footnote-reference")
    second = explanation(page, "2").find(class_="footnote-reference")
    assert footnote_of(page, first) == "The first file's note."
    assert footnote_of(page, second) == "The second file's note."


def test_a_markdown_footnote_leads_to_its_note(page):
    assert footnote_of(page, explanation(page, "3").find(class_="footnote-reference")) == "The Markdown note."


def test_a_link_to_a_heading_of_the_same_explanation_leads_to_its_rubric(page):
    link = explanation(page, "1").find("a", string="details")
    assert page.find(id=link["href"].removeprefix("#")).find_parent(class_="rubric").get_text() == "Details"


@pytest.mark.parametrize("label, text", [("the label", "Labelled paragraph."), ("Details", "Details"), ("Labelled", "Labelled")])
def test_a_label_in_an_explanation_is_found_by_ref_from_another_page(built, page, label, text):
    guide = parse_html(built.outdir / "guide.html")
    href = guide.find("a", string=label)["href"]
    assert href.startswith("errors.html#")
    target = page.find(id=href.removeprefix("errors.html#"))
    assert (target if target.name == "p" else target.parent).get_text() == text


def test_the_default_role_of_an_explanation_ends_with_it(page):
    assert explanation(page, "1").find("code").get_text() == "in code"
    assert explanation(page, "2").find("cite").get_text() == "plain"
    assert [cite.get_text() for cite in page.find(class_="errcodes-category").find_next_siblings("p")[0].find_all("cite")] == ["plain"]


def test_the_highlight_language_of_an_explanation_ends_with_it(page):
    assert explanation(page, "1").find(class_="highlight-none") is not None
    assert explanation(page, "2").find(class_="highlight-default") is not None
    assert page.find(class_="errcodes-category").find_next_sibling(class_="highlight-default") is not None


def test_substitutions_of_rst_prolog_work_in_an_explanation(page):
    assert explanation(page, "1").find("p").get_text().startswith("Example Trade refuses the request.")


def test_include_and_literalinclude_paths_are_relative_to_the_explanation(page):
    shown = explanation(page, "1")
    assert shown.find("p", string="Included from the explanation's folder.") is not None
    assert shown.find("pre").get_text() == 'print("example")\n'


def test_an_image_path_is_relative_to_the_explanation(built, page):
    source = explanation(page, "1").find("img")["src"]
    assert (built.outdir / source).read_bytes() == (ROOTS / ROOT / "snippets" / "pixel.png").read_bytes()


def test_an_edited_include_shows_without_a_fresh_build(build, srcdir, tmp_path_factory):
    build(ROOT, srcdir=srcdir)
    edit_source(srcdir / "snippets" / "part.rst", "Included", "Now included")
    incremental = build(ROOT, srcdir=srcdir)
    assert explanation(parse_html(incremental.outdir / "errors.html"), "1").find("p", string="Now included from the explanation's folder.") is not None


def test_a_parse_error_in_an_rst_explanation_is_reported_at_its_file_and_line(build, srcdir):
    (srcdir / "explanations" / "4.rst").write_text("First.\n\n.. no-such-directive::\n", encoding="utf-8")
    app = build(ROOT, srcdir=srcdir)
    assert f'{srcdir / "explanations" / "4.rst"}:3: ERROR: Unknown directive type "no-such-directive".' in warnings_of(app)


def test_a_target_name_in_two_explanations_links_within_each_and_is_reported_as_a_duplicate_label(build, srcdir):
    (srcdir / "explanations" / "4.rst").write_text("See `details`_.\n\n.. _details:\n\nMine.\n", encoding="utf-8")
    app = build(ROOT, srcdir=srcdir)
    page = parse_html(app.outdir / "errors.html")
    mine = explanation(page, "4").find("a", string="details")
    first = explanation(page, "1").find("a", string="details")
    assert page.find(id=mine["href"].removeprefix("#")).get_text() == "Mine."
    assert page.find(id=first["href"].removeprefix("#")).find_parent(class_="rubric").get_text() == "Details"
    assert f'{srcdir / "explanations" / "4.rst"}:5: WARNING: Duplicate explicit target name: "details".' in warnings_of(app)
    assert f"{srcdir / 'guide.rst'}:4: WARNING: undefined label: 'details'" in warnings_of(app)


@pytest.mark.parametrize("buildername", ["text", "latex", "xml", "singlehtml", "dirhtml"])
def test_every_builder_builds_the_explanations_without_warnings(build, buildername):
    assert warnings_of(build(ROOT, buildername)) == ""


def test_the_text_builder_keeps_footnotes_and_included_text(build):
    text = " ".join((build(ROOT, "text").outdir / "errors.txt").read_text(encoding="utf-8").split())
    assert "Included from the explanation's folder." in text
    assert "[1] The first file's note." in text


def test_a_parallel_build_equals_a_serial_one(build, srcdir, tmp_path_factory):
    serial, parallel = serial_and_parallel(build, ROOT, srcdir, tmp_path_factory, "See :ref:`details`.")
    for name in ("errors.html", "page3.html", "guide.html"):
        assert (parallel.outdir / name).read_bytes() == (serial.outdir / name).read_bytes()


def test_the_current_module_of_an_explanation_ends_with_it(built):
    assert list(inventory_uris(built.outdir / "objects.inv", "py:function")) == ["after"]


def test_a_heading_of_an_explanation_leaves_its_id_to_a_section_of_the_page_after_it(page):
    assert page.find("section", id="examples").find("h2").get_text().rstrip("¶") == "Examples"
    assert explanation(page, "2").find(class_="rubric")["id"] == "code-2-examples"


def test_footnotes_are_numbered_on_across_explanations_so_latex_keeps_each(build):
    tex = next((build(ROOT, "latex").outdir).glob("*.tex")).read_text(encoding="utf-8")
    notes = re.findall(r"\\begin\{footnote\}\[(\d+)\]\\sphinxAtStartFootnote\n(.*?)\n", tex)
    assert notes == [("1", r"The first file\textquotesingle{}s note."), ("2", r"The second file\textquotesingle{}s note."), ("3", "The Markdown note.")]


def test_a_download_path_is_relative_to_the_explanation(built, page):
    link = explanation(page, "2").find("a", class_="download")
    assert (built.outdir / link["href"]).read_bytes() == (ROOTS / ROOT / "snippets" / "example.py").read_bytes()


def test_a_toctree_in_an_explanation_is_refused_at_its_line(build, srcdir):
    (srcdir / "explanations" / "4.rst").write_text("Text.\n\n.. toctree::\n\n   guide\n", encoding="utf-8")
    app = build(ROOT, srcdir=srcdir)
    assert warnings_of(app).splitlines() == [
        f"{srcdir / 'explanations' / '4.rst'}:3: WARNING: a toctree in an explanation would put other pages under the reference page; link them with :doc: instead [errcodes.explanation]"
    ]
    assert "guide" not in app.env.toctree_includes.get("errors", [])


def test_a_target_of_an_explanation_named_like_an_entry_leaves_the_entry_its_anchor(build, srcdir):
    (srcdir / "explanations" / "4.rst").write_text("Text.\n\n.. _code-1:\n\nHeading\n-------\n\nMore.\n", encoding="utf-8")
    app = build(ROOT, srcdir=srcdir)
    page = parse_html(app.outdir / "errors.html")
    assert warnings_of(app) == ""
    assert page.find(id="code-1")["class"] == ["errcodes-entry"]
    assert "code-4-code-1" in [element["id"] for element in explanation(page, "4").find(class_="rubric").find_all(id=True)]
