"""Properties of any catalog, checked on examples drawn by Hypothesis.

A valid catalog (any codes, categories and Unicode text with commas, quotes,
``<``, ``&``, reST markup; with or without a BOM, LF or CRLF) builds without a
warning and every code comes out once, exactly as written, on the page, in the
search objects and in ``errcodes.json``. Any bytes at all as the CSV file never
raise: they give the codes that could be read and warnings with ``file:line``,
and every line with text in it is read into a code or named by a warning.

The ``ci`` profile (the default, what ``make test`` runs) keeps the example
counts small; ``HYPOTHESIS_PROFILE=long`` tries many more::

    HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest tests/test_properties.py
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
from collections import Counter
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import ROOTS, parse_html, read_search_index, warnings_of
from sphinx_errcodes.catalog import anchor_for, group_by_category, parse_catalog
from sphinx_errcodes.export import FORMAT_VERSION

# Parsing takes a millisecond, a Sphinx build about a third of a second:
# each profile has one count for parsing and a smaller one for builds.
for name, parses, builds in (("ci", 500, 25), ("long", 20_000, 500)):
    settings.register_profile(name, max_examples=parses, deadline=None)
    settings.register_profile(
        f"{name}-builds",
        max_examples=builds,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
PARSES = settings.get_profile(PROFILE)
BUILDS = settings.get_profile(f"{PROFILE}-builds")

CODE_RULE = re.compile(r"[A-Za-z0-9_.\-]+")
# Never text: what XML cannot hold, what it discourages (DEL, C1 controls) and Unicode's non-characters.
NON_CHARACTERS = [chr(point) for point in range(0xFDD0, 0xFDF0)] + [chr(plane + last) for plane in range(0, 0x110000, 0x10000) for last in (0xFFFE, 0xFFFF)]
NOT_TEXT = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff{''.join(NON_CHARACTERS)}]")

# --- Valid catalogs ---------------------------------------------------------

# The catalog's rule: no dot at either end (search pages split names at dots).
CODES = st.one_of(
    st.integers(min_value=-(10**6), max_value=10**12).map(str),
    st.from_regex(r"[A-Za-z0-9_\-]([A-Za-z0-9_.\-]{0,18}[A-Za-z0-9_\-])?", fullmatch=True),
)
# Text that means something to HTML, reST, CSV, str.format or %-formatting.
MARKUP = st.sampled_from(
    [",", '"', "'", "<", ">", "&", "&amp;", "<b>bold</b>", '<script>alert("x")</script>', "*emphasis*",
     "**strong**", "``literal``", "`link <https://example.com>`_", ":errcode:`36`", ".. note::", "|subst|",
     "[1]_", "\\", ";", "!", "{anchor}", "%s", "%(code)s", "\t", "\n", "\u00a0", "\u2028", "\ufeff", "\U0001f4b8"]
)
CHARACTERS = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs"), exclude_characters=NON_CHARACTERS), max_size=10)
# What a field holds after the catalog strips it: not empty, no space at either end.
TEXT = st.lists(st.one_of(CHARACTERS, MARKUP), min_size=1, max_size=6).map("".join).map(str.strip).filter(bool)


@dataclass(frozen=True)
class Catalog:
    """Rows of a valid catalog, and how its file is written."""

    rows: tuple[tuple[str, str, str], ...]  # (code, category, description)
    cells: tuple[tuple[tuple[str, str], ...], ...]  # each row's optional cells: (column, cell as written)
    columns: tuple[str, ...]  # the header, in any order and case
    bom: bool
    line_terminator: str
    quoting: int

    def to_bytes(self) -> bytes:
        text = io.StringIO()
        writer = csv.writer(text, lineterminator=self.line_terminator, quoting=self.quoting)
        writer.writerow(self.columns)
        order = [column.lower() for column in self.columns]
        for (code, category, description), cells in zip(self.rows, self.cells):
            values = {"code": code, "category": category, "description": description, **dict(cells)}
            writer.writerow([values.get(column, "") for column in order])
        return ("\ufeff" if self.bom else "").encode() + text.getvalue().encode()

    def exported_fields(self) -> dict[str, dict]:
        """code -> the optional fields errcodes.json should give it."""
        return {code: {column: EXPORTED[column](cell) for column, cell in cells} for (code, _, _), cells in zip(self.rows, self.cells)}


# How errcodes.json writes a valid cell of each optional column; an empty cell is left out.
EXPORTED = {
    "name": str,
    "http_status": int,
    "retryable": lambda cell: cell.lower() in ("yes", "true"),
    "since": str,
    "status": str.lower,
    "replaced_by": str,
    "see_also": str.split,
}
NAMES = st.from_regex(r"[A-Za-z_][A-Za-z0-9_.\-]{0,18}[A-Za-z0-9_]", fullmatch=True)


@st.composite
def optional_cells(draw, code: str, codes: list[str], names: set[str]) -> tuple[tuple[str, str], ...]:
    """Valid cells of some optional columns for one row: names unique and no code, codes named that exist."""
    others = [other for other in codes if other != code]
    candidates = {
        "name": NAMES.filter(lambda name: name not in names and name not in codes),
        "http_status": st.integers(100, 599).map(str),
        "retryable": st.sampled_from(["yes", "no", "YES", "True", "false"]),
        "since": TEXT,
        "status": st.sampled_from(["active", "deprecated", "retired", "Retired"]),
    }
    if others:
        candidates["replaced_by"] = st.sampled_from(others)
        candidates["see_also"] = st.lists(st.sampled_from(others), min_size=1, max_size=3, unique=True).map(" ".join)
    chosen = draw(st.lists(st.sampled_from(sorted(candidates)), unique=True, max_size=len(candidates)))
    cells = tuple((column, draw(candidates[column])) for column in sorted(chosen))
    names.update(cell for column, cell in cells if column == "name")
    return cells


@st.composite
def catalogs(draw) -> Catalog:
    categories = draw(st.lists(TEXT, min_size=1, max_size=4, unique=True))
    rows = draw(
        st.lists(st.tuples(CODES, st.sampled_from(categories), TEXT), min_size=1, max_size=20, unique_by=lambda row: row[0])
    )
    codes = [code for code, _, _ in rows]
    names: set[str] = set()
    cells = tuple(draw(optional_cells(code, codes, names)) for code in codes)
    # A replacement must be in use: a retired one is a warning.
    retired = {code for code, row in zip(codes, cells) if dict(row).get("status", "").lower() == "retired"}
    cells = tuple(tuple((column, cell) for column, cell in row if not (column == "replaced_by" and cell in retired)) for row in cells)
    optional = sorted({column for row in cells for column, _ in row})
    columns = draw(st.permutations(["code", "category", "description", *optional]))
    return Catalog(
        rows=tuple(rows),
        cells=cells,
        columns=tuple(draw(st.sampled_from([name, name.upper(), name.title()])) for name in columns),
        bom=draw(st.booleans()),
        line_terminator=draw(st.sampled_from(["\n", "\r\n"])),
        quoting=draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL])),
    )


# --- Any bytes ----------------------------------------------------------------

# Pieces of CSV, good and bad, so that random files get past the header often.
CSV_PIECES = st.sampled_from(
    [b"code,category,description", b"code,category,description,see_also", b"Code", b"see_also", b"http_status",
     b",", b'"', b'""', b"\n", b"\r\n", b"\r", b"\xef\xbb\xbf", b"36", b"-99", b"E0308", b"a b", b"36 37",
     b"Funds", b"Insufficient funds", b"\xff", b"\xc3", b"\xc3\xa9", b"\xe2\x80\xa8", b"\x00", b"\x07", b"\t",
     b" ", b"<script>", b"&", b"*x*", b"%s", b"{0}"]
)
ANY_BYTES = st.one_of(
    st.binary(max_size=300),
    st.lists(st.one_of(CSV_PIECES, st.binary(max_size=4)), max_size=40).map(b"".join),
)


# CSV text that has broken readers: a header (or none), then rows, some
# valid, some made of pieces: quotes left open, doubled or stray; line breaks
# of every kind; fields over the csv module's limit of 128 KiB; codes over
# int()'s 4,300 digits; characters that are not text (lone surrogates from
# surrogateescape become the bytes 0x80-0xFF).
LONG_LINES = ("x" * 999 + "\n") * 140  # 140,000 characters
HEADERS = st.sampled_from(
    ["code,category,description", "code,category,description,see_also", "Description,CODE,Category", 'code,"category\n",description', ""]
)
ROWS = st.sampled_from(
    ["36,Funds,Insufficient funds", '37,Funds,"Invalid, quantity"', '38,Funds,Say "no"', '39,Funds,"Two\nlines"',
     '40,Funds,"Left open', 'Quantity,41,"Funds', "42,Funds,See,36 42 42", "E0308,Compiler,Mismatched", "",
     "9" * 5_000 + ",Funds,Long code", "E" + "9" * 5_000 + ",Funds,Long code", "43,Funds," + "x" * 140_000,
     '44,Funds,"' + LONG_LINES + '"']
)
PIECES = st.sampled_from(
    [",", '"', '""', '","', ";", "\n", "\r", "\ufeff", " ", "36", "-99", "E0308", "Funds", "Note, however, that",
     '"line one\nline two"', "\x00", "\x07", "\x0b", "\x85", "\ufffe", "\uffff", "\ufdd0", "\U0001fffe",
     "\U0010ffff", "\udc80", "\udcff", "\u2028", "é", "€", "资金", "x" * 140_000, LONG_LINES]
)
MADE_OF_PIECES = st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=8).map("".join)
ROW = st.one_of(ROWS, MADE_OF_PIECES, MADE_OF_PIECES.map("45,Funds,".__add__), MADE_OF_PIECES.map("46,{},Text".format))
HOSTILE_CSV = st.tuples(HEADERS, st.lists(st.tuples(st.sampled_from(["\n", "\r\n", "\r"]), ROW), max_size=12)).map(
    lambda drawn: (drawn[0] + "".join(end + row for end, row in drawn[1])).encode("utf-8", "surrogateescape")
)


def file_lines(data: bytes) -> list[str]:
    """Lines as the catalog counts them: a line ends at LF, CR or CRLF."""
    return io.StringIO(data.decode("utf-8-sig", errors="replace"), newline="").readlines()


def line_count(data: bytes) -> int:
    """How many lines the catalog counts; an empty file has one."""
    return max(1, len(file_lines(data)))


def has_text(line: str) -> bool:
    """Whether a line holds more than commas, quotes and spaces, which the reader skips."""
    return bool(line.replace(",", "").replace('"', "").strip())


# --- Builds -------------------------------------------------------------------


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """The test-catalog project (the reference page is index.html), reused by every example."""
    srcdir = tmp_path_factory.mktemp("properties")
    shutil.copytree(ROOTS / "test-catalog", srcdir, dirs_exist_ok=True)
    return srcdir


@pytest.fixture(scope="module")
def build_bytes(build, project):
    """Build the project from scratch with ``data`` as its CSV file."""

    def build_with(data: bytes, **settings):
        shutil.rmtree(project / "_build", ignore_errors=True)
        (project / "codes.csv").write_bytes(data)
        return build("test-catalog", srcdir=project, freshenv=True, confoverrides=settings)

    return build_with


def page_entries(app) -> list[tuple[str, str, str]]:
    """(anchor, code, description) of every entry on the reference page."""
    page = parse_html(app.outdir / "index.html")
    return [
        (entry["id"], entry.find(class_="errcodes-code").get_text(), entry.find(class_="errcodes-description").get_text())
        for entry in page.find_all(class_="errcodes-entry")
    ]


def search_objects(app) -> list[tuple[str, str, str]]:
    """(name, document, anchor) of every error code among the search objects, as searchtools.js reads them."""
    index = read_search_index(app.outdir)
    objnames = index["objnames"]
    found = []
    for prefix, entries in index["objects"].items():
        for doc, objtype, _priority, anchor, name in entries:
            domain, type_name, _label = objnames[str(objtype)]
            if domain != "errcodes":
                continue
            fullname = f"{prefix}.{name}" if prefix else name
            anchor = {"": fullname, "-": f"{type_name}-{fullname}"}.get(anchor, anchor)
            found.append((fullname, index["docnames"][doc], anchor))
    return found


# --- Properties of valid catalogs ----------------------------------------------


@BUILDS
@given(catalog=catalogs())
def test_a_valid_catalog_builds_without_any_warning(build_bytes, catalog):
    assert warnings_of(build_bytes(catalog.to_bytes())) == ""


@BUILDS
@given(catalog=catalogs())
def test_every_code_is_on_the_page_once_with_its_exact_description_and_anchor(build_bytes, catalog):
    app = build_bytes(catalog.to_bytes())
    expected = [(anchor_for(code), code, description) for code, _, description in catalog.rows]
    assert Counter(page_entries(app)) == Counter(expected)


@BUILDS
@given(catalog=catalogs())
def test_every_code_and_name_is_a_search_object_once_linking_to_its_anchor(build_bytes, catalog):
    app = build_bytes(catalog.to_bytes())
    names = [(cell, code) for (code, _, _), cells in zip(catalog.rows, catalog.cells) for column, cell in cells if column == "name"]
    expected = [(code, "index", anchor_for(code)) for code, _, _ in catalog.rows] + [(name, "index", anchor_for(code)) for name, code in names]
    assert Counter(search_objects(app)) == Counter(expected)


@BUILDS
@given(catalog=catalogs())
def test_every_optional_cell_comes_out_in_errcodes_json_as_written(build_bytes, catalog):
    app = build_bytes(catalog.to_bytes())
    exported = json.loads((app.outdir / "errcodes.json").read_text(encoding="utf-8"))
    optional = set(EXPORTED)
    found = {entry["code"]: {key: value for key, value in entry.items() if key in optional} for entry in exported["codes"]}
    expected = {code: {"see_also": [], **fields} for code, fields in catalog.exported_fields().items()}
    for fields in expected.values():
        if fields.get("status") == "active":
            del fields["status"]
    assert found == expected


@BUILDS
@given(catalog=catalogs())
def test_every_code_is_in_errcodes_json_once_with_its_exact_text_and_url(build_bytes, catalog):
    app = build_bytes(catalog.to_bytes())
    exported = json.loads((app.outdir / "errcodes.json").read_text(encoding="utf-8"))
    assert exported["version"] == FORMAT_VERSION
    assert Counter((entry["code"], entry["category"], entry["description"], entry["url"]) for entry in exported["codes"]) == Counter(
        (code, category, description, f"index.html#{anchor_for(code)}") for code, category, description in catalog.rows
    )


@BUILDS
@given(catalog=catalogs())
def test_every_code_has_a_page_of_its_own_that_leads_to_its_entry(build_bytes, catalog):
    app = build_bytes(catalog.to_bytes(), errcodes_code_urls=True)
    exported = json.loads((app.outdir / "errcodes.json").read_text(encoding="utf-8"))["codes"]
    assert len({entry["doc_url"] for entry in exported}) == len(exported)
    for entry in exported:
        refresh = parse_html(app.outdir / entry["doc_url"]).find("meta", attrs={"http-equiv": "refresh"})
        assert refresh["content"] == f"0; url=../{entry['url']}"


# --- Properties of any bytes -------------------------------------------------------


@PARSES
@example(data=b"code,category,description\n" + b"9" * 5_000 + b",Funds,Long code\n-" + b"9" * 5_000 + b",Funds,Long code\n")
@given(data=st.one_of(ANY_BYTES, HOSTILE_CSV))
def test_parsing_and_sorting_any_bytes_never_raises(data):
    codes, _ = parse_catalog(data, "codes.csv")
    group_by_category(codes)


@PARSES
@given(data=st.one_of(ANY_BYTES, HOSTILE_CSV))
def test_every_problem_found_in_any_bytes_names_lines_of_the_file(data):
    _, problems = parse_catalog(data, "codes.csv")
    lines = line_count(data)
    for problem in problems:
        assert 1 <= problem.line <= problem.end_line <= lines, problem
        assert problem.location == f"codes.csv:{problem.line}"
        assert "\n" not in problem.message and "\r" not in problem.message


@PARSES
@given(data=st.one_of(ANY_BYTES, HOSTILE_CSV))
def test_codes_read_from_any_bytes_are_unique_valid_and_only_text(data):
    codes, _ = parse_catalog(data, "codes.csv")
    lines = line_count(data)
    assert len({code.code for code in codes}) == len(codes)
    for code in codes:
        assert CODE_RULE.fullmatch(code.code)
        assert not NOT_TEXT.search(code.category + code.description)
        assert 1 <= code.line <= code.end_line <= lines
        see_also = code.fields.get("see_also", ())
        assert code.code not in see_also
        assert len(set(see_also)) == len(see_also)


@PARSES
@example(data=b'code,category,description\n36,Funds,"Insufficient funds\n37,Funds,Invalid quantity\n')
@given(data=st.one_of(ANY_BYTES, HOSTILE_CSV))
def test_every_line_with_text_is_read_into_a_code_or_named_by_a_warning(data):
    codes, problems = parse_catalog(data, "codes.csv")
    lines = file_lines(data)
    with_text = [number for number, line in enumerate(lines, start=1) if has_text(line)]
    header = with_text[:1]  # read into no code; named only when something is wrong with it
    named = {number for item in [*codes, *problems] for number in range(item.line, item.end_line + 1)}
    assert set(with_text) - set(header) - named == set()


@BUILDS
@given(data=ANY_BYTES)
def test_building_any_bytes_warns_once_per_catalog_problem_with_file_and_line(build_bytes, data):
    app = build_bytes(data)
    _, problems = parse_catalog(data, app.config.errcodes_file)
    warnings = warnings_of(app)
    for problem in problems:
        assert f"{problem.location}: WARNING: {problem.message} [errcodes.catalog]" in warnings
    assert warnings.count(": WARNING: ") == len(problems)


@BUILDS
@example(data=b"code,\x00\x0b\x00\n\x00")
@given(data=ANY_BYTES)
def test_building_any_bytes_writes_each_warning_on_one_line(build_bytes, data):
    app = build_bytes(data)
    catalog_warning = re.compile(rf"{re.escape(app.config.errcodes_file)}:\d+: WARNING: .+ \[errcodes\.catalog\]")
    for warning in warnings_of(app).splitlines():
        assert catalog_warning.fullmatch(warning), warning


@BUILDS
@given(data=ANY_BYTES)
def test_building_any_bytes_renders_every_code_that_could_be_read(build_bytes, data):
    app = build_bytes(data)
    codes, _ = parse_catalog(data, "codes.csv")
    assert Counter(code for _, code, _ in page_entries(app)) == Counter(code.code for code in codes)
