"""The previous release in the build: published codes are kept, and error-codes-changes lists what changed."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from sphinx.util.console import strip_colors

from conftest import ROOTS, documents_written, edit_source, parse_html, search_index_without_empty_terms, warnings_of
from sphinx_errcodes.export import FORMAT_VERSION
from sphinx_errcodes.releases import READABLE_VERSIONS

ROOT = "test-releases"
KINDS_SHOWN = [
    "Published before, missing from the catalog",
    "Retired codes given another meaning",
    "Added",
    "Retired",
    "Deprecated",
    "Changed message",
    "Changed HTTP status",
    "Changed retry advice",
]


@pytest.fixture(scope="module")
def built(build):
    return build(ROOT)


@pytest.fixture
def srcdir(tmp_path):
    shutil.copytree(ROOTS / ROOT, tmp_path, dirs_exist_ok=True)
    return tmp_path


def changes_page(app, page: str = "changes.html"):
    return parse_html(app.outdir / page).find(class_="errcodes-changes")


def items(changes, kind: str) -> list[str]:
    return [item.get_text() for item in changes.find(class_=f"errcodes-changes-{kind}").find_all("li")]


def write_previous(srcdir, data) -> None:
    (srcdir / "previous.json").write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")


def previous_warnings(app) -> list[str]:
    return [line for line in warnings_of(app).splitlines() if line.endswith("[errcodes.previous]")]


# The guard


def test_a_published_code_missing_from_the_catalog_warns_at_the_catalog_naming_both_files(built):
    srcdir = built.srcdir
    assert (
        f"{srcdir / 'errors.rst'}:4: WARNING: code 18 was published in the previous release ({srcdir / 'previous.json'}) and is missing "
        f"from the catalog ({srcdir / 'codes.csv'}); keep it with status retired instead of deleting it [errcodes.release]"
    ) in warnings_of(built).splitlines()


def test_a_retired_code_back_with_another_message_warns_at_its_row(built):
    srcdir = built.srcdir
    assert (
        f"{srcdir / 'codes.csv'}:6: WARNING: code 21 was retired in the previous release ({srcdir / 'previous.json'}) with the message "
        "'Price outside the band', and is back with the message 'Order rejected: <b>*price*</b> & \"limit\"'; "
        "give the new error a new code and keep 21 retired [errcodes.release]"
    ) in warnings_of(built).splitlines()


def test_only_deleted_and_reused_codes_warn_not_the_compatible_changes_nor_the_list_naming_retired_codes(built):
    warned = re.findall(r"WARNING: code (\S+) .*\[(errcodes\.\S+)\]$", warnings_of(built), flags=re.MULTILINE)
    assert warned == [("18", "errcodes.release"), ("22", "errcodes.release"), ("21", "errcodes.release")]
    assert len(warnings_of(built).splitlines()) == len(warned)


def test_the_role_still_warns_of_a_link_to_a_retired_code_that_the_list_names(build, srcdir):
    edit_source(srcdir / "changes.rst", ".. error-codes-changes::\n", ".. error-codes-changes::\n\nSee :errcode:`20`.\n")
    assert f"{srcdir / 'changes.rst'}:6: WARNING: error code 20 is retired; link to 37 instead [errcodes.retired]" in warnings_of(build(ROOT, srcdir=srcdir))


def test_without_errcodes_previous_nothing_is_compared(build, srcdir):
    edit_source(srcdir / "conf.py", 'errcodes_previous = "previous.json"\n', "")
    (srcdir / "changes.rst").write_text("Changes\n=======\n", encoding="utf-8")
    assert warnings_of(build(ROOT, srcdir=srcdir)) == ""


# The changes directive


def test_the_changes_are_listed_by_kind_incompatible_ones_first(built):
    assert [heading.get_text() for heading in changes_page(built).find_all(class_="errcodes-changes-heading")] == KINDS_SHOWN


def test_each_code_links_to_its_entry_even_a_retired_one(built):
    changes = changes_page(built)
    links = {a.get_text(): a["href"] for a in changes.find_all("a")}
    assert links == {code: f"errors.html#code-{code}" for code in ("21", "40", "20", "37", "19", "36")}


def test_a_code_deleted_from_the_catalog_is_shown_without_a_link_with_its_last_message(built):
    assert items(changes_page(built), "removed") == ["18 — Order <i>cancelled</i>", "22 — Order not found"]
    assert changes_page(built).find(class_="errcodes-changes-removed").find("a") is None


def test_an_added_code_shows_its_message(built):
    assert items(changes_page(built), "added") == ["40 — Market closed"]


def test_a_retired_code_names_its_replacement_with_a_link(built):
    (item,) = changes_page(built).find(class_="errcodes-changes-retired").find_all("li")
    assert item.get_text() == "20 — Order expired — Use 37 instead."
    assert [a["href"] for a in item.find_all("a")] == ["errors.html#code-20", "errors.html#code-37"]


def test_a_deprecated_code_is_listed(built):
    assert items(changes_page(built), "deprecated") == ["19 — Too many declined cards"]


def test_a_changed_message_shows_the_old_and_the_new_one(built):
    assert items(changes_page(built), "message") == ["36 — “Insufficient funds” → “Not enough funds”"]


def test_a_changed_http_status_and_retry_advice_show_before_and_after_and_a_value_not_given(built):
    changes = changes_page(built)
    assert items(changes, "http-status") == ["21 — not given → HTTP 400 Bad Request", "37 — HTTP 422 Unprocessable Entity → HTTP 400 Bad Request"]
    assert items(changes, "retryable") == ["21 — not given → Not retryable"]


def test_catalog_and_release_text_is_escaped_and_shown_exactly_as_written(built):
    (item,) = changes_page(built).find(class_="errcodes-changes-reused").find_all("li")
    assert item.find("b") is None
    assert item.get_text() == "21 — “Price outside the band” → “Order rejected: <b>*price*</b> & \"limit\"”"


def test_a_release_without_changes_says_so_and_warns_of_nothing(build, built, srcdir):
    shutil.copy(built.outdir / "errcodes.json", srcdir / "previous.json")
    app = build(ROOT, srcdir=srcdir)
    assert warnings_of(app) == ""
    assert changes_page(app).get_text().strip() == "No error code changed in this release."


def test_the_directive_without_errcodes_previous_warns_at_the_directive(build, srcdir):
    edit_source(srcdir / "conf.py", 'errcodes_previous = "previous.json"\n', "")
    app = build(ROOT, srcdir=srcdir)
    assert warnings_of(app).splitlines() == [
        f"{srcdir / 'changes.rst'}:4: WARNING: the error-codes-changes directive compares the previous release with the catalog: set errcodes_previous in conf.py [errcodes.config]"
    ]


def test_the_directive_with_a_catalog_that_cannot_be_read_says_why_at_the_directive(build, srcdir):
    (srcdir / "codes.csv").unlink()
    app = build(ROOT, srcdir=srcdir)
    path = srcdir / "codes.csv"
    assert f"{srcdir / 'changes.rst'}:4: WARNING: the changes cannot be listed: {path}: catalog file not found: {path} [errcodes.previous]" in warnings_of(app).splitlines()
    assert changes_page(app) is None


OUTPUT_OF_CHANGES = {"dirhtml": "changes/index.html", "singlehtml": "index.html", "epub": "changes.xhtml", "text": "changes.txt", "latex": "releases.tex", "xml": "changes.xml", "man": "releases.1"}


@pytest.mark.parametrize("buildername", OUTPUT_OF_CHANGES)
def test_every_builder_lists_every_kind_of_change_with_the_same_warnings(build, built, buildername):
    app = build(ROOT, buildername)
    assert warnings_of(app).replace(str(app.srcdir), "") == warnings_of(built).replace(str(built.srcdir), "")
    output = (app.outdir / OUTPUT_OF_CHANGES[buildername]).read_text(encoding="utf-8")
    assert all(heading in output for heading in KINDS_SHOWN)


@pytest.mark.parametrize(("buildername", "page", "href"), [("dirhtml", "changes/index.html", "../errors/#code-40"), ("singlehtml", "index.html", "#code-40")])
def test_other_html_builders_link_each_change_to_its_entry(build, buildername, page, href):
    changes = changes_page(build(ROOT, buildername), page)
    assert changes.find("a", string="40")["href"] == href


def test_the_text_builder_writes_each_kind_as_a_heading_and_a_list(build):
    text = (build(ROOT, "text").outdir / "changes.txt").read_text(encoding="utf-8")
    assert [heading for heading in re.findall(r"^-\[ (.*) \]-$", text, flags=re.MULTILINE)] == KINDS_SHOWN
    assert '* "20" — Order expired — Use "37" instead.' in text


def test_latex_links_each_change_to_the_code_s_label(build):
    tex = next(build(ROOT, "latex").outdir.glob("*.tex")).read_text(encoding="utf-8")
    changes = tex[tex.index("Published before, missing from the catalog") :]
    assert r"\hyperref[\detokenize{errors:code-40}]" in changes
    assert r"\hyperref[\detokenize{errors:code-18}]" not in changes


# The previous release's file


def test_every_readable_format_version_includes_the_one_this_version_writes():
    assert FORMAT_VERSION in READABLE_VERSIONS


@pytest.mark.parametrize("version", READABLE_VERSIONS)
def test_a_previous_release_of_each_format_version_is_compared(build, srcdir, version):
    write_previous(srcdir, {"version": version, "codes": [{"code": "18", "category": "Orders", "description": "Order cancelled"}]})
    app = build(ROOT, srcdir=srcdir)
    assert previous_warnings(app) == []
    assert items(changes_page(app), "removed") == ["18 — Order cancelled"]


USE_THE_PUBLISHED_FILE = "give the errcodes.json that the previous release published"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "cannot read the previous release {path}: Expecting property name enclosed in double quotes: line 1 column 2 (char 1); " + USE_THE_PUBLISHED_FILE),
        ('["version", "codes"]', 'not an errcodes.json: expected an object with "version" and a list of "codes"; ' + USE_THE_PUBLISHED_FILE),
        ('{"version": 2}', 'not an errcodes.json: expected an object with "version" and a list of "codes"; ' + USE_THE_PUBLISHED_FILE),
        ('{"version": 99, "codes": []}', "its format version 99 is newer than this sphinx-errcodes reads (1 to 3); upgrade sphinx-errcodes"),
        ('{"version": "2", "codes": []}', "unknown format version '2'; this sphinx-errcodes reads versions 1 to 3"),
    ],
    ids=["not JSON", "not an object", "no codes", "newer version", "version not a number"],
)
def test_a_previous_release_that_cannot_be_used_warns_naming_the_file_and_compares_nothing(build, srcdir, content, message):
    write_previous(srcdir, content)
    app = build(ROOT, srcdir=srcdir)
    path = srcdir / "previous.json"
    message = message.format(path=path)
    assert previous_warnings(app) == [
        f"{srcdir / 'changes.rst'}:4: WARNING: the changes cannot be listed: {path}: {message} [errcodes.previous]",
        f"{srcdir / 'errors.rst'}:4: WARNING: {path}: {message} (errcodes_previous in conf.py) [errcodes.previous]",
    ]
    assert "[errcodes.release]" not in warnings_of(app)
    assert changes_page(app) is None


def test_a_missing_previous_release_warns_with_its_absolute_path(build, srcdir):
    (srcdir / "previous.json").unlink()
    app = build(ROOT, srcdir=srcdir)
    path = srcdir / "previous.json"
    assert (
        f"{srcdir / 'errors.rst'}:4: WARNING: {path}: previous release not found: {path}; give the path of its errcodes.json (errcodes_previous in conf.py) [errcodes.previous]"
    ) in previous_warnings(app)


def test_an_entry_without_a_code_is_reported_and_the_others_compared(build, srcdir):
    write_previous(srcdir, {"version": 2, "codes": [{"category": "Orders", "description": "Lost"}, {"code": "18", "category": "Orders", "description": "Order cancelled"}]})
    app = build(ROOT, srcdir=srcdir)
    path = srcdir / "previous.json"
    assert previous_warnings(app) == [
        f"{srcdir / 'errors.rst'}:4: WARNING: {path}: codes[0] has no code as text; it is left out (errcodes_previous in conf.py) [errcodes.previous]"
    ]
    assert items(changes_page(app), "removed") == ["18 — Order cancelled"]


def test_an_entry_whose_code_is_not_a_code_is_reported_and_left_out(build, srcdir):
    write_previous(srcdir, {"version": 2, "codes": [{"code": "order expired", "category": "Orders", "description": "Order expired"}]})
    app = build(ROOT, srcdir=srcdir)
    assert previous_warnings(app) == [
        f"{srcdir / 'errors.rst'}:4: WARNING: {srcdir / 'previous.json'}: codes[0]: 'order expired' is not a code (a code is an integer (such as 36 or -99) "
        "or letters, digits, '_', '.' and '-' (such as E0308), not starting or ending with '.'); it is left out (errcodes_previous in conf.py) [errcodes.previous]"
    ]
    assert changes_page(app).find(class_="errcodes-changes-removed") is None


def test_a_value_not_as_the_format_says_is_reported_and_taken_as_not_given(build, srcdir):
    write_previous(srcdir, {"version": 2, "codes": [{"code": "36", "category": "Funds", "description": "Not enough funds", "http_status": "402", "retryable": False}]})
    app = build(ROOT, srcdir=srcdir)
    assert previous_warnings(app) == [
        f"{srcdir / 'errors.rst'}:4: WARNING: {srcdir / 'previous.json'}: codes[0]: the http_status of code 36 is \"402\", which is not a number from 100 to 599; "
        "it is taken as not given (errcodes_previous in conf.py) [errcodes.previous]"
    ]
    assert "36 — not given → HTTP 402 Payment Required" in items(changes_page(app), "http-status")


def test_a_code_listed_twice_in_the_previous_release_is_reported_and_the_first_compared(build, srcdir):
    entry = {"code": "36", "category": "Funds", "description": "Not enough funds"}
    write_previous(srcdir, {"version": 2, "codes": [entry, {**entry, "description": "Other"}]})
    app = build(ROOT, srcdir=srcdir)
    assert previous_warnings(app) == [
        f"{srcdir / 'errors.rst'}:4: WARNING: {srcdir / 'previous.json'}: codes[1]: code 36 is listed twice; the first is compared (errcodes_previous in conf.py) [errcodes.previous]"
    ]
    assert changes_page(app).find(class_="errcodes-changes-message") is None


# Incremental and parallel builds


def test_editing_the_previous_release_renders_the_changes_page_again(build, srcdir):
    build(ROOT, srcdir=srcdir)
    edit_source(srcdir / "previous.json", '"description": "Order not found"', '"description": "Order not found", "status": "retired"')
    edit_source(srcdir / "previous.json", '"code": "22"', '"code": "23"')
    app = build(ROOT, srcdir=srcdir)
    assert "changes" in documents_written(app)
    assert items(changes_page(app), "removed") == ["18 — Order <i>cancelled</i>", "23 — Order not found"]
    assert "code 23 was published in the previous release" in warnings_of(app)


def test_editing_the_catalog_renders_the_changes_page_again(build, srcdir):
    build(ROOT, srcdir=srcdir)
    edit_source(srcdir / "codes.csv", "40,,General,Market closed", "40,,General,Market halted")
    app = build(ROOT, srcdir=srcdir)
    assert "changes" in documents_written(app)
    assert items(changes_page(app), "added") == ["40 — Market halted"]


def test_a_parallel_build_writes_the_same_changes_and_warnings_as_a_serial_one(build, tmp_path):
    sources = {}
    for name in ("serial", "parallel"):
        sources[name] = tmp_path / name
        shutil.copytree(ROOTS / ROOT, sources[name])
        # Sphinx reads in parallel only from six documents on.
        for number in range(6):
            (sources[name] / f"page{number}.rst").write_text(f"Page {number}\n=======\n\n:orphan:\n", encoding="utf-8")
    serial = build(ROOT, srcdir=sources["serial"])
    parallel = build(ROOT, srcdir=sources["parallel"], parallel=2)
    assert re.search(r"reading sources\.\.\. \[ *\d+%\] \S+ \.\. \S+", strip_colors(parallel.status.getvalue()))  # read in chunks, by workers
    for page in ("changes.html", "errors.html"):
        assert (parallel.outdir / page).read_bytes() == (serial.outdir / page).read_bytes()
    assert warnings_of(parallel).replace(str(sources["parallel"]), "") == warnings_of(serial).replace(str(sources["serial"]), "")


def test_after_editing_the_previous_release_an_incremental_build_equals_a_clean_one(build, srcdir, tmp_path_factory):
    builddir = tmp_path_factory.mktemp("builds")
    build(ROOT, srcdir=srcdir, builddir=builddir / "incremental")
    edit_source(srcdir / "previous.json", '"code": "22"', '"code": "23"')
    incremental = build(ROOT, srcdir=srcdir, builddir=builddir / "incremental")
    clean = build(ROOT, srcdir=srcdir, builddir=builddir / "clean")
    assert search_index_without_empty_terms(incremental.outdir) == search_index_without_empty_terms(clean.outdir)
    for page in ("changes.html", "errors.html"):
        assert (incremental.outdir / page).read_bytes() == (clean.outdir / page).read_bytes()
