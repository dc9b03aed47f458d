"""A page per code (errcodes_code_urls): a short, permanent URL that leads to the code's entry, and errcodes.json's doc_url."""

from __future__ import annotations

import json
import posixpath
import re
import shutil

import pytest

from sphinx.errors import ExtensionError
from sphinx.util.console import strip_colors

from conftest import ROOTS, edit_source, parse_html, warnings_of
from sphinx_errcodes.urls import code_filename

BUILDERS = ["html", "dirhtml", "singlehtml"]


@pytest.fixture(scope="module")
def built(build):
    apps = {}

    def built_with(buildername: str):
        if buildername not in apps:
            apps[buildername] = build("test-code-urls", buildername)
        return apps[buildername]

    return built_with


@pytest.fixture
def srcdir(tmp_path):
    """A fresh copy of the test-code-urls project, for tests that edit it."""
    shutil.copytree(ROOTS / "test-code-urls", tmp_path / "src")
    return tmp_path / "src"


def codes_of(app) -> dict:
    return {entry["code"]: entry for entry in json.loads((app.outdir / "errcodes.json").read_text(encoding="utf-8"))["codes"]}


def file_of(app, url: str):
    """The file a URL relative to the output root serves, as a static web server finds it."""
    path = app.outdir / url.partition("#")[0]
    return path / "index.html" if url.partition("#")[0].endswith("/") or path.is_dir() else path


def refresh_target(page) -> str:
    content = page.find("meta", attrs={"http-equiv": "refresh"})["content"]
    delay, _, url = content.partition(";")
    assert delay == "0"
    return url.strip().removeprefix("url=")


def resolved(page_url: str, href: str) -> str:
    """A relative link on the page at ``page_url`` (from the output root), as a browser resolves it."""
    path, hash_, fragment = href.partition("#")
    folder = page_url.rpartition("/")[0]
    joined = posixpath.normpath(posixpath.join(folder, path)) + ("/" if path.endswith("/") else "")
    return joined.removeprefix("./").replace("//", "/") + hash_ + fragment


@pytest.mark.parametrize("buildername", BUILDERS)
def test_the_build_gives_no_warnings(built, buildername):
    assert warnings_of(built(buildername)) == ""


@pytest.mark.parametrize("buildername", BUILDERS)
def test_every_code_s_page_refreshes_at_once_to_its_entry(built, buildername):
    app = built(buildername)
    for code, entry in codes_of(app).items():
        page = parse_html(file_of(app, entry["doc_url"]))
        assert resolved(entry["doc_url"], refresh_target(page)) == entry["url"], code
        assert parse_html(file_of(app, entry["url"])).find(id=entry["url"].partition("#")[2]) is not None, code


@pytest.mark.parametrize("buildername", BUILDERS)
def test_a_code_s_page_links_to_the_entry_with_the_code_and_its_message(built, buildername):
    app = built(buildername)
    entry = codes_of(app)["36"]
    link = parse_html(file_of(app, entry["doc_url"])).body.find("a")
    assert resolved(entry["doc_url"], link["href"]) == entry["url"]
    assert link.get_text(" ", strip=True) == "36 Insufficient funds"


def test_a_code_s_page_is_not_indexed_and_names_the_entry_as_canonical(built):
    app = built("html")
    page = parse_html(app.outdir / "reference" / "code" / "36.html")
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert page.find("link", rel="canonical")["href"] == "../errors.html#code-36"
    assert page.title.get_text() == "Error code 36: Insufficient funds"


def test_a_code_s_page_shows_its_message_as_text(built):
    page = parse_html(built("html").outdir / "reference" / "code" / "500.html")
    assert page.find("script") is None
    assert page.body.find("a").get_text(" ", strip=True) == '500 <script>alert("x")</script> & *not emphasis*'


@pytest.mark.parametrize("buildername, url", [("html", "reference/code/36.html"), ("dirhtml", "reference/code/36/"), ("singlehtml", "reference/code/36.html")])
def test_doc_url_is_the_page_beside_the_reference_page(built, buildername, url):
    assert codes_of(built(buildername))["36"]["doc_url"] == url


def test_a_device_name_of_windows_is_written_escaped(built):
    assert codes_of(built("html"))["CON"]["doc_url"] == "reference/code/~43ON.html"
    assert codes_of(built("html"))["lpt1.retry"]["doc_url"] == "reference/code/~6Cpt1.retry.html"


def test_doc_url_is_absolute_with_html_baseurl_and_so_is_the_canonical_link(build):
    app = build("test-code-urls", confoverrides={"html_baseurl": "https://docs.example.com/api/"})
    assert codes_of(app)["36"]["doc_url"] == "https://docs.example.com/api/reference/code/36.html"
    page = parse_html(app.outdir / "reference" / "code" / "36.html")
    assert page.find("link", rel="canonical")["href"] == "https://docs.example.com/api/reference/errors.html#code-36"
    assert refresh_target(page) == "../errors.html#code-36"


def test_without_the_setting_there_are_no_pages_and_no_doc_url(build):
    app = build("test-code-urls", confoverrides={"errcodes_code_urls": False})
    assert not (app.outdir / "reference" / "code").exists()
    assert "doc_url" not in codes_of(app)["36"]


@pytest.mark.parametrize(
    "code, name",
    [
        ("36", "36"),
        ("-99", "-99"),
        ("E0308", "E0308"),
        ("a/b", "a~2Fb"),
        ("a\\b", "a~5Cb"),
        (".hidden", "~2Ehidden"),
        ("trailing.", "trailing~2E"),
        ("~2F", "~7E2F"),
        ("CON", "~43ON"),
        ("con", "~63on"),
        ("nul.txt", "~6Eul.txt"),
        ("COM0", "~43OM0"),
        ("LPT9", "~4CPT9"),
        ("CONSOLE", "CONSOLE"),
        ("COM10", "COM10"),
        ("é", "~C3~A9"),
    ],
)
def test_a_code_s_file_name_is_the_code_or_its_documented_escape(code, name):
    assert code_filename(code) == name


def test_a_long_code_s_file_name_is_cut_and_told_apart_by_a_checksum():
    long_code, other = "9" * 1000, "9" * 999 + "8"
    assert len(code_filename(long_code)) <= 150
    assert code_filename(long_code).startswith("9" * 100 + "~~")
    assert code_filename(long_code) != code_filename(other)


def test_no_two_codes_get_the_same_file_name():
    codes = ["a/b", "a~2Fb", "a~7E2Fb", "~2Ehidden", ".hidden", "CON", "~43ON", "con", "x" * 151, "x" * 100 + "~~", "%2F", "a%2Fb", "a b", "a~20b"]
    assert len({code_filename(code) for code in codes}) == len(codes)


def test_codes_that_differ_only_in_case_are_warned_about_at_the_second_one(build, srcdir):
    edit_source(srcdir / "codes.csv", "E0308,Compiler,Mismatched types\n", "E0308,Compiler,Mismatched types\ne0308,Compiler,Lower case\n")
    app = build("test-code-urls", srcdir=srcdir)
    assert re.search(r"codes\.csv:7: WARNING: errcodes_code_urls: codes E0308 and e0308 differ only in case.*\[errcodes\.code-url\]", warnings_of(app))
    assert (app.outdir / "reference" / "code" / "e0308.html").is_file()


def test_a_document_where_a_code_s_page_would_go_is_kept_and_warned_about(build, srcdir):
    (srcdir / "reference" / "code").mkdir()
    (srcdir / "reference" / "code" / "36.rst").write_text(":orphan:\n\nA page of our own\n=================\n", encoding="utf-8")
    app = build("test-code-urls", srcdir=srcdir)
    assert "the page of code 36 would be written over the document reference/code/36" in warnings_of(app)
    assert "A page of our own" in (app.outdir / "reference" / "code" / "36.html").read_text(encoding="utf-8")


def pages_written(outdir) -> dict[str, bytes]:
    """Every file the extension wrote besides Sphinx's pages, by path, with its content."""
    names = ["errcodes.json", ".errcodes-pages", *(outdir / ".errcodes-pages").read_text(encoding="utf-8").splitlines()] if (outdir / ".errcodes-pages").exists() else []
    found = {path.relative_to(outdir).as_posix() for folder in ("code", "reference/code", "old/code") for path in (outdir / folder).rglob("*") if path.is_file()}
    return {name: (outdir / name).read_bytes() for name in sorted(set(names) | found)}


EDITS = {
    "code removed": lambda srcdir: edit_source(srcdir / "codes.csv", "E0308,Compiler,Mismatched types\n", ""),
    "code added": lambda srcdir: edit_source(srcdir / "codes.csv", "36,Margin and funds,Insufficient funds\n", "36,Margin and funds,Insufficient funds\n37,Margin and funds,Invalid quantity\n"),
    "message edited": lambda srcdir: edit_source(srcdir / "codes.csv", "Insufficient funds", "Not enough funds"),
    "setting turned off": lambda srcdir: edit_source(srcdir / "conf.py", "errcodes_code_urls = True", "errcodes_code_urls = False"),
    "move removed": lambda srcdir: edit_source(srcdir / "conf.py", '"errors": "reference/errors", ', ""),
    "html_baseurl set": lambda srcdir: edit_source(srcdir / "conf.py", "errcodes_code_urls = True", 'errcodes_code_urls = True\nhtml_baseurl = "https://docs.example.com/"'),
    "document added where a page goes": lambda srcdir: (
        (srcdir / "reference" / "code").mkdir(),
        (srcdir / "reference" / "code" / "36.rst").write_text(":orphan:\n\nA page of our own\n=================\n", encoding="utf-8"),
    ),
    "reference page moved again": lambda srcdir: (
        shutil.move(srcdir / "reference", srcdir / "api"),
        edit_source(srcdir / "index.rst", "reference/errors", "api/errors"),
        edit_source(srcdir / "conf.py", '"errors": "reference/errors"', '"errors": "api/errors", "reference/errors": "api/errors"'),
    ),
}


@pytest.mark.parametrize("buildername", BUILDERS)
@pytest.mark.parametrize("edit", EDITS.values(), ids=EDITS.keys())
def test_an_incremental_build_writes_the_pages_a_clean_build_writes(build, tmp_path, srcdir, buildername, edit):
    build("test-code-urls", buildername, srcdir=srcdir, builddir=tmp_path / "incremental")
    edit(srcdir)
    incremental = build("test-code-urls", buildername, srcdir=srcdir, builddir=tmp_path / "incremental")
    clean = build("test-code-urls", buildername, srcdir=srcdir, builddir=tmp_path / "clean")
    assert pages_written(incremental.outdir) == pages_written(clean.outdir)


def test_a_rebuild_leaves_unchanged_pages_alone(build, tmp_path, srcdir):
    first = build("test-code-urls", srcdir=srcdir, builddir=tmp_path / "out")
    page = first.outdir / "reference" / "code" / "36.html"
    before = page.stat().st_mtime_ns
    edit_source(srcdir / "orders.rst", "A new order", "An order")
    build("test-code-urls", srcdir=srcdir, builddir=tmp_path / "out")
    assert page.stat().st_mtime_ns == before


def test_a_page_deleted_from_the_output_is_written_again_by_a_rebuild(build, tmp_path, srcdir):
    first = build("test-code-urls", srcdir=srcdir, builddir=tmp_path / "out")
    page = first.outdir / "reference" / "code" / "36.html"
    written = page.read_bytes()
    page.unlink()
    build("test-code-urls", srcdir=srcdir, builddir=tmp_path / "out")
    assert page.read_bytes() == written


def test_a_file_of_the_user_s_where_a_page_was_is_not_removed(build, tmp_path, srcdir):
    app = build("test-code-urls", srcdir=srcdir, builddir=tmp_path / "out")
    (app.outdir / "reference" / "code" / "E0308.html").write_text("my own page", encoding="utf-8")
    EDITS["code removed"](srcdir)
    build("test-code-urls", srcdir=srcdir, builddir=tmp_path / "out")
    assert (app.outdir / "reference" / "code" / "E0308.html").read_text(encoding="utf-8") == "my own page"


@pytest.mark.parametrize("buildername", BUILDERS)
def test_a_parallel_build_writes_the_pages_a_serial_build_writes(build, buildername):
    # test-parallel has pages enough for Sphinx to read them in chunks.
    settings = {"errcodes_code_urls": True, "errcodes_moved_pages": {"old/errors": "errors"}}
    serial = build("test-parallel", buildername, confoverrides=settings)
    parallel = build("test-parallel", buildername, parallel=2, confoverrides=settings)
    assert warnings_of(parallel) == ""
    assert "reading sources... [ 50%]" in strip_colors(parallel.status.getvalue())
    assert pages_written(parallel.outdir) == pages_written(serial.outdir) != {}
    assert (parallel.outdir / "old" / "code").is_dir()


def test_turning_the_setting_on_writes_the_pages_and_rewrites_no_document(build, tmp_path, srcdir):
    edit_source(srcdir / "conf.py", "errcodes_code_urls = True", "errcodes_code_urls = False")
    first = build("test-code-urls", srcdir=srcdir, builddir=tmp_path / "out")
    before = (first.outdir / "reference" / "errors.html").stat().st_mtime_ns
    edit_source(srcdir / "conf.py", "errcodes_code_urls = False", "errcodes_code_urls = True")
    again = build("test-code-urls", srcdir=srcdir, builddir=tmp_path / "out")
    assert (again.outdir / "reference" / "code" / "36.html").is_file()
    assert (again.outdir / "reference" / "errors.html").stat().st_mtime_ns == before


def test_pages_that_cannot_be_written_stop_the_build_with_the_reason(build, srcdir):
    outdir = srcdir / "_build" / "html"
    (outdir / "reference").mkdir(parents=True)
    (outdir / "reference" / "code").write_text("not a folder", encoding="utf-8")
    with pytest.raises(ExtensionError, match="the pages of codes and moved pages could not be written: NotADirectoryError"):
        build("test-code-urls", srcdir=srcdir)
