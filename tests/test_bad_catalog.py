"""A wrong catalog: a clear warning with file:line and what to fix, never a traceback, nothing lost."""

from __future__ import annotations

import shutil

import pytest

from conftest import ROOTS, parse_html, warnings_of

HEADER = b"code,category,description\n"


@pytest.fixture
def build_catalog(build, tmp_path):
    """Build the test-catalog project with the given bytes as its CSV."""

    def build_with(data: bytes | None, **kwargs):
        shutil.copytree(ROOTS / "test-catalog", tmp_path, dirs_exist_ok=True)
        if data is not None:
            (tmp_path / "codes.csv").write_bytes(data)
        app = build("test-catalog", srcdir=tmp_path, **kwargs)
        page = app.outdir / "index.html"
        return app, warnings_of(app).splitlines(), parse_html(page) if page.exists() else None

    return build_with


def rendered_codes(page) -> list[str]:
    return [code.get_text() for code in page.find_all(class_="errcodes-code")]


def only_warning(warnings: list[str]) -> str:
    assert len(warnings) == 1, warnings
    assert warnings[0].endswith("[errcodes.catalog]")
    return warnings[0]


def test_missing_file_names_the_resolved_path(build_catalog):
    app, warnings, _ = build_catalog(None)
    (warning,) = warnings
    assert warning.startswith(f"{app.srcdir / 'index.rst'}:4: WARNING: catalog file not found: {app.srcdir / 'codes.csv'}")
    assert "errcodes_file" in warning


def test_unreadable_file_names_the_resolved_path(build_catalog, tmp_path):
    (tmp_path / "codes.csv").mkdir()
    app, warnings, _ = build_catalog(None)
    (warning,) = warnings
    assert f"WARNING: cannot read catalog file {app.srcdir / 'codes.csv'}" in warning


def test_empty_file_asks_for_a_header(build_catalog):
    app, warnings, _ = build_catalog(b"")
    assert only_warning(warnings).startswith(f"{app.srcdir / 'codes.csv'}:1: WARNING: the catalog is empty")


# (catalog bytes, start of the warning after "codes.csv:", codes still rendered)
BAD_CATALOGS = {
    "missing header": (
        b"36,Funds,Insufficient funds\n37,Funds,Invalid quantity\n",
        "1: WARNING: missing header row; add 'code,category,description' as the first line",
        ["36", "37"],
    ),
    "missing required column": (
        b"code,description\n36,Insufficient funds\n",
        "1: WARNING: missing required column 'category'",
        ["36"],
    ),
    "unknown column": (
        b"code,category,description,colour\n36,Funds,Insufficient funds,red\n",
        "1: WARNING: unknown column 'colour'",
        ["36"],
    ),
    "invalid code": (
        HEADER + b"36,Funds,Insufficient funds\n3 6,Funds,Spaced\n",
        "3: WARNING: invalid code '3 6': a code is an integer",
        ["36"],
    ),
    "duplicate code": (
        HEADER + b"36,Funds,Insufficient funds\n37,Funds,Invalid quantity\n36,Funds,Again\n",
        "4: WARNING: duplicate code 36: already defined on line 2",
        ["36", "37"],
    ),
    "empty description": (HEADER + b"36,Funds,\n", "2: WARNING: code 36 has an empty description", ["36"]),
    "empty category": (HEADER + b"36,,Insufficient funds\n", "2: WARNING: code 36 has an empty category", ["36"]),
    "too many fields": (
        HEADER + b"36,Funds,Insufficient, funds\n37,Funds,Invalid quantity\n",
        "2: WARNING: too many fields: 4 instead of 3 ('code', 'category', 'description'); put a field that contains a comma in double quotes",
        ["37"],
    ),
    "too few fields": (
        HEADER + b"36,Funds\n37,Funds,Invalid quantity\n",
        "2: WARNING: too few fields: 2 instead of 3",
        ["37"],
    ),
    "malformed quoting": (
        HEADER + b'36,Funds,"Insufficient" funds\n37,Funds,Invalid quantity\n',
        "2: WARNING: malformed CSV",
        ["37"],
    ),
    "invalid UTF-8": (
        HEADER + b"36,Funds,Insufficient funds\n37,Funds,Invalid \xff quantity\n",
        "3: WARNING: the file is not valid UTF-8",
        ["36", "37"],
    ),
    "quote left open, swallowing rows": (
        HEADER + b'36,Funds,"Insufficient funds\n37,Funds,Invalid quantity\n38,Funds,Bad price\n',
        "2: WARNING: quote left open: the quoted field that starts on this line runs to the end of the file (lines 2-4)",
        ["36", "37", "38"],
    ),
    "quote left open on the last row": (
        HEADER + b'36,Funds,Insufficient funds\n37,Funds,"Invalid quantity\n',
        "3: WARNING: quote left open: the quoted field that starts on this line runs to the end of the file (line 3)",
        ["36", "37"],
    ),
    "see_also naming the code itself": (
        b"code,category,description,see_also\n36,Funds,Insufficient funds,36\n",
        "2: WARNING: code 36 has itself in see_also; remove 36 from its see_also",
        ["36"],
    ),
    "see_also naming a code twice": (
        b"code,category,description,see_also\n36,Funds,Insufficient funds,37 37\n37,Funds,Invalid quantity,\n",
        "2: WARNING: code 36 has 37 twice in see_also; keep it once",
        ["36", "37"],
    ),
    "non-characters": (
        HEADER + "36,Funds,Insufficient \ufffe funds \U0010ffff\n".encode(),
        "2: WARNING: the description of code 36 contains a non-character (U+FFFE) and 1 more; remove them",
        ["36"],
    ),
    "control character": (
        HEADER + b"36,Funds,Insufficient\x07 funds\n",
        "2: WARNING: the description of code 36 contains a control character (U+0007); remove it (shown as \N{REPLACEMENT CHARACTER})",
        ["36"],
    ),
    "NUL byte": (
        HEADER + b"36,Funds,Insufficient\x00 funds\n",
        "2: WARNING: the description of code 36 contains a control character (U+0000)",
        ["36"],
    ),
    "C1 control character, from Windows-1252 text read as Latin-1": (
        HEADER + "36,Funds,Insufficient funds \x80\n".encode(),
        "2: WARNING: the description of code 36 contains a control character (U+0080)",
        ["36"],
    ),
    "non-character that XML cannot hold": (
        HEADER + "36,Funds,Insufficient\ufffe funds\n".encode(),
        "2: WARNING: the description of code 36 contains a non-character (U+FFFE); remove it (shown as \N{REPLACEMENT CHARACTER})",
        ["36"],
    ),
    "non-characters of another plane, in the category": (
        HEADER + "36,Funds\U0010ffff\U0001fffe,Insufficient funds\n".encode(),
        "2: WARNING: the category of code 36 contains a non-character (U+10FFFF) and 1 more; remove them",
        ["36"],
    ),
    "lone surrogate written in UTF-8": (
        HEADER + b"36,Funds,Insufficient \xed\xa0\x80 funds\n",
        "2: WARNING: the file is not valid UTF-8 (byte 0xed)",
        ["36"],
    ),
    "non-character in see_also": (
        "code,category,description,see_also\n36,Funds,Insufficient funds,37\ufffe\n37,Funds,Invalid quantity,\n".encode(),
        "2: WARNING: the see_also of code 36: '37\\ufffe' is not a code: a code is an integer",
        ["36", "37"],
    ),
    "see_also names the code itself": (
        b"code,category,description,see_also\n36,Funds,Insufficient funds,36 37\n37,Funds,Invalid quantity,\n",
        "2: WARNING: code 36 has itself in see_also; remove 36 from its see_also",
        ["36", "37"],
    ),
    "see_also names a code twice": (
        b"code,category,description,see_also\n36,Funds,Insufficient funds,37 37\n37,Funds,Invalid quantity,\n",
        "2: WARNING: code 36 has 37 twice in see_also; keep it once",
        ["36", "37"],
    ),
    "quote left open to the end of the file": (
        HEADER + b'36,Funds,"Insufficient funds\n37,Funds,Invalid quantity\n38,Funds,Expired\n',
        "2: WARNING: quote left open: the quoted field that starts on this line runs to the end of the file (lines 2-4);"
        " close it with '\"' where the field ends (a quote inside a field is written \"\"). Read as ending with line 2, and lines 3-4 as rows",
        ["36", "37", "38"],
    ),
    "quote left open on the last line": (
        HEADER + b'36,Funds,Insufficient funds\n37,Funds,"Invalid quantity\n',
        "3: WARNING: quote left open: the quoted field that starts on this line runs to the end of the file (line 3);"
        " close it with '\"' where the field ends (a quote inside a field is written \"\"). Read as ending with line 3 [",
        ["36", "37"],
    ),
    "quote left open, closed rows later by a quote followed by text": (
        HEADER + b'36,Funds,"Insufficient funds\n37,Funds,Invalid "quantity"\n38,Funds,Expired\n',
        "2: WARNING: quote left open: the quoted field that starts on this line takes lines 2-3 and its closing quote is followed by text;",
        ["36", "37", "38"],
    ),
    "quote left open, closed rows later by a stray quote": (
        HEADER + b'36,Funds,"Insufficient funds\n37,Funds,Invalid quantity\n38,Funds,Expired"\n39,Funds,Closed\n',
        "2: WARNING: quote left open: the quoted field that starts on this line takes lines 2-4 and line 3 inside it reads as a row of codes;",
        ["36", "37", "38", "39"],
    ),
    "quote left open in the header": (
        b'code,category,"description\n36,Funds,Insufficient funds\n',
        "1: WARNING: quote left open: the quoted field that starts on this line runs to the end of the file (lines 1-2);",
        ["36"],
    ),
    "header on two lines": (
        b'code,"category\n",description\n36,Funds,Insufficient funds\n',
        "1: WARNING: the header row takes lines 1-2; write the column names on one line",
        ["36"],
    ),
    "byte order mark inside the file": (
        HEADER + "36,Funds,Insufficient funds\n\ufeff37,Funds,Invalid quantity\n".encode(),
        "3: WARNING: invalid code '\\ufeff37'",
        ["36"],
    ),
    "carriage return alone inside a field ends its row": (
        HEADER + b"36,Funds,Insufficient\rfunds\n37,Funds,Invalid quantity\n",
        "3: WARNING: too few fields: 1 instead of 3",
        ["36", "37"],
    ),
    "column without a name": (
        b"code,category,description,\n36,Funds,Insufficient funds,\n",
        "1: WARNING: a column without a name; the columns are code, category, description and the optional name,",
        ["36"],
    ),
    "unknown column given twice": (
        b"code,category,description,x,x\n36,Funds,Insufficient funds,1,2\n",
        "1: WARNING: unknown column 'x' (2 times); the columns are",
        ["36"],
    ),
    "code column given twice": (
        b"code,code,category,description\n36,37,Funds,Insufficient funds\n",
        "1: WARNING: column 'code' appears 2 times; keep one",
        ["36"],
    ),
}


@pytest.mark.parametrize("data, warning, rendered", BAD_CATALOGS.values(), ids=BAD_CATALOGS.keys())
def test_a_bad_catalog_warns_at_its_line_and_valid_rows_still_render(build_catalog, data, warning, rendered):
    app, warnings, page = build_catalog(data)
    assert only_warning(warnings).startswith(f"{app.srcdir / 'codes.csv'}:{warning}")
    assert rendered_codes(page) == rendered


def test_a_field_longer_than_the_csv_modules_limit_is_rendered_whole_and_invents_no_code(build_catalog):
    one_line = "Insufficient funds " * 10_000  # 190,000 characters, over the 131,072 of the csv module
    many_lines = "Invalid quantity," + "\nit must be a multiple of the lot size," * 10_000
    data = f'code,category,description\n36,Funds,{one_line}\n37,Funds,"{many_lines}"\n'.encode()
    app, warnings, page = build_catalog(data)
    assert warnings == []
    assert rendered_codes(page) == ["36", "37"]
    assert [d.get_text() for d in page.find_all(class_="errcodes-description")] == [one_line.strip(), many_lines]


def test_a_code_of_thousands_of_digits_is_rendered_in_numeric_order(build_catalog):
    huge = "9" * 5_000  # int() refuses more than 4,300 digits
    app, warnings, page = build_catalog(f"code,category,description\n{huge},Funds,Huge\n36,Funds,Small\n-{huge},Funds,Negative\n".encode())
    assert warnings == []
    assert rendered_codes(page) == [f"-{huge}", "36", huge]


def test_a_dangling_symbolic_link_names_the_link_and_its_target(build_catalog, tmp_path):
    (tmp_path / "codes.csv").symlink_to("moved.csv")
    app, warnings, _ = build_catalog(None)
    (warning,) = warnings
    assert f"WARNING: catalog file not found: {app.srcdir / 'codes.csv'} is a symbolic link to moved.csv, which does not exist" in warning


def test_a_symbolic_link_loop_is_a_warning_not_a_traceback(build_catalog, tmp_path):
    (tmp_path / "codes.csv").symlink_to("other.csv")
    (tmp_path / "other.csv").symlink_to("codes.csv")
    app, warnings, _ = build_catalog(None)
    (warning,) = warnings
    assert f"WARNING: cannot read catalog file {app.srcdir / 'codes.csv'}: Too many levels of symbolic links" in warning


def test_bom_crlf_quoted_commas_and_quotes_are_read_correctly(build_catalog):
    data = '\ufeffcode,category,description\r\n36,Funds,"Funds, insufficient"\r\n37,Funds,"Say ""no"""\r\n'.encode()
    app, warnings, page = build_catalog(data)
    assert warnings == []
    descriptions = [d.get_text() for d in page.find_all(class_="errcodes-description")]
    assert descriptions == ["Funds, insufficient", 'Say "no"']


def test_a_catalog_warning_fails_a_build_with_W(build_catalog):
    app, _, _ = build_catalog(HEADER + b"36,Funds,Insufficient funds\nbad code,Funds,x\n", warningiserror=True)
    assert app.statuscode == 1


def test_directive_without_errcodes_file_says_how_to_configure(build_catalog):
    app, warnings, _ = build_catalog(None, confoverrides={"errcodes_file": None})
    (warning,) = warnings
    assert warning.startswith(f"{app.srcdir / 'index.rst'}:4: WARNING: the error-codes directive needs a catalog: set errcodes_file (or errcodes_catalogs) in conf.py")


def test_a_field_longer_than_the_csv_module_allows_is_read_whole(build_catalog):
    long = "x" * 200_000
    app, warnings, page = build_catalog(HEADER + f'36,Funds,"{long}\nand more"\n37,Funds,Invalid quantity\n'.encode())
    assert warnings == []
    assert rendered_codes(page) == ["36", "37"]
    assert page.find(id="code-36").find(class_="errcodes-description").get_text() == f"{long}\nand more"


def test_a_code_of_thousands_of_digits_is_sorted_without_a_traceback(build_catalog):
    huge = "9" * 5_000
    app, warnings, page = build_catalog(HEADER + f"{huge},Funds,Huge\n36,Funds,Insufficient funds\n".encode())
    assert warnings == []
    assert rendered_codes(page) == ["36", huge]


def test_characters_that_xml_cannot_hold_never_reach_the_xml_output(build_catalog):
    from xml.etree import ElementTree

    app, warnings, _page = build_catalog(HEADER + "36,Funds \uffff,Insufficient \ufffe funds \x0b\n".encode(), buildername="xml")
    assert len(warnings) == 2
    ElementTree.parse(app.outdir / "index.xml")  # well-formed


def test_see_also_naming_the_code_itself_twice_warns_once(build_catalog):
    app, warnings, _page = build_catalog(b"code,category,description,see_also\n36,Funds,Insufficient funds,36 36\n")
    assert warnings == [f"{app.srcdir / 'codes.csv'}:2: WARNING: code 36 has itself in see_also; remove 36 from its see_also [errcodes.catalog]"]


def test_problems_come_in_the_order_of_the_file(build_catalog):
    app, warnings, _page = build_catalog(b"code,category,description,see_also\n36,Funds,x,99\n37,,y,\n")
    assert [warning.split(": WARNING")[0] for warning in warnings] == [f"{app.srcdir / 'codes.csv'}:2", f"{app.srcdir / 'codes.csv'}:3"]
