"""A bad cell of an optional column: a file:line warning saying what to write; the row still renders with what is valid."""

from __future__ import annotations

import shutil

import pytest

from conftest import ROOTS, parse_html, warnings_of

HEADER = "code,name,category,description,http_status,retryable,status,replaced_by\n"
GOOD = "36,INSUFFICIENT_FUNDS,Funds,Insufficient funds,402,no,,\n"


@pytest.fixture
def build_catalog(build, tmp_path):
    def build_with(text: str, **kwargs):
        shutil.copytree(ROOTS / "test-catalog", tmp_path, dirs_exist_ok=True)
        (tmp_path / "codes.csv").write_text(text, encoding="utf-8")
        app = build("test-catalog", srcdir=tmp_path, **kwargs)
        return app, warnings_of(app).splitlines(), parse_html(app.outdir / "index.html")

    return build_with


# (the row after the good one, the warning after "codes.csv:3: WARNING: ", the badges its entry still shows)
BAD_CELLS = {
    "http_status not a number": (
        "37,INVALID_QUANTITY,Orders,Invalid quantity,abc,no,,",
        "the http_status of code 37: 'abc' is not an HTTP status: write a number from 100 to 599, such as 404",
        ["Not retryable"],
    ),
    "http_status out of range": (
        "37,INVALID_QUANTITY,Orders,Invalid quantity,99,no,,",
        "the http_status of code 37: '99' is not an HTTP status: write a number from 100 to 599, such as 404",
        ["Not retryable"],
    ),
    "http_status with a leading zero": (
        "37,INVALID_QUANTITY,Orders,Invalid quantity,0404,no,,",
        "the http_status of code 37: '0404' is not an HTTP status: write a number from 100 to 599, such as 404",
        ["Not retryable"],
    ),
    "http_status of thousands of digits": (
        "37,INVALID_QUANTITY,Orders,Invalid quantity," + "4" * 5000 + ",no,,",
        "the http_status of code 37: '" + "4" * 5000 + "' is not an HTTP status: write a number from 100 to 599, such as 404",
        ["Not retryable"],
    ),
    "name equal to the code itself": (
        "37,37,Orders,Invalid quantity,400,no,,",
        "the name of code 37 is the code itself; leave the name empty or give another",
        ["HTTP 400 Bad Request", "Not retryable"],
    ),
    "replaced_by a retired code": (
        "37,INVALID_QUANTITY,Orders,Invalid quantity,400,no,retired,36\n38,,Orders,Old,,,retired,37",
        "code 38 is replaced by 37, which is retired too; name a code in use",
        ["HTTP 400 Bad Request", "Not retryable", "Retired"],
    ),
    "retryable neither yes nor no": (
        "37,INVALID_QUANTITY,Orders,Invalid quantity,400,maybe,,",
        "the retryable of code 37: 'maybe' is not yes or no: write yes or no (true and false work too), or leave the cell empty when it is not known",
        ["HTTP 400 Bad Request"],
    ),
    "unknown status": (
        "37,INVALID_QUANTITY,Orders,Invalid quantity,400,no,gone,",
        "the status of code 37: 'gone' is not a status: write active, deprecated or retired (empty means active)",
        ["HTTP 400 Bad Request", "Not retryable"],
    ),
    "replaced_by a missing code": (
        "37,INVALID_QUANTITY,Orders,Invalid quantity,400,no,retired,38",
        "code 37 has replaced_by '38', which is not a code of this catalog; fix or remove it",
        ["HTTP 400 Bad Request", "Not retryable", "Retired"],
    ),
    "replaced_by the code itself": (
        "37,INVALID_QUANTITY,Orders,Invalid quantity,400,no,retired,37",
        "code 37 has itself in replaced_by; remove 37 from its replaced_by",
        ["HTTP 400 Bad Request", "Not retryable", "Retired"],
    ),
    "duplicate name": (
        "37,INSUFFICIENT_FUNDS,Orders,Invalid quantity,400,no,,",
        "the name 'INSUFFICIENT_FUNDS' of code 37 is already the name of code 36 on line 2; keep each name unique",
        ["HTTP 400 Bad Request", "Not retryable"],
    ),
    "name equal to another row's code": (
        "37,36,Orders,Invalid quantity,400,no,,",
        "the name '36' of code 37 is the code on line 2; give the code another name",
        ["HTTP 400 Bad Request", "Not retryable"],
    ),
    "name with a space": (
        "37,INVALID QUANTITY,Orders,Invalid quantity,400,no,,",
        "the name of code 37: 'INVALID QUANTITY' is not a name: write ASCII letters, digits, '_', '.' and '-' (such as NOT_FOUND or ENOENT), not starting or ending with '.'",
        ["HTTP 400 Bad Request", "Not retryable"],
    ),
}


@pytest.mark.parametrize("row, warning, shown", BAD_CELLS.values(), ids=BAD_CELLS.keys())
def test_a_bad_cell_warns_at_its_line_and_the_row_keeps_what_is_valid(build_catalog, row, warning, shown):
    app, warnings, page = build_catalog(HEADER + GOOD + row + "\n")
    line = 2 + row.count("\n") + 1
    assert warnings == [f"{app.srcdir / 'codes.csv'}:{line}: WARNING: {warning} [errcodes.catalog]"]
    entry = page.find(id="code-37")
    assert entry.find(class_="errcodes-description").get_text() == "Invalid quantity"
    assert [badge.get_text() for badge in entry.find_all(class_="errcodes-badge")] == shown


def test_a_column_neither_built_in_nor_declared_is_reported(build_catalog):
    app, warnings, page = build_catalog("code,category,description,owner\n36,Funds,Insufficient funds,Payments\n")
    assert warnings == [
        f"{app.srcdir / 'codes.csv'}:1: WARNING: unknown column 'owner'; the columns are code, category, description and the optional"
        " name, http_status, retryable, since, status, replaced_by, see_also (declare a column of your own in errcodes_extra_columns) [errcodes.catalog]"
    ]
    assert page.find(id="code-36") is not None


def test_a_declared_column_is_read(build_catalog):
    app, warnings, page = build_catalog("code,category,description,owner\n36,Funds,Insufficient funds,Payments\n", confoverrides={"errcodes_extra_columns": {"owner": "Owning team"}})
    assert warnings == []
    assert page.find(id="code-36").find(class_="errcodes-extra").get_text() == "Owning team: Payments"


@pytest.mark.parametrize(
    "declared, warning",
    [
        ({"name": "Name"}, "errcodes_extra_columns: 'name': 'name' is a built-in column; give your column another name"),
        ({"owner": 5}, "errcodes_extra_columns: 'owner': give each column a name and a label, both text, such as {'owner': 'Owning team'}"),
        ({"owner": "A", " Owner ": "B"}, "errcodes_extra_columns: ' Owner ': the column 'owner' is declared more than once (names are not case-sensitive); keep one"),
    ],
    ids=["built-in name", "label not text", "declared twice"],
)
def test_a_wrong_column_declaration_is_reported(build_catalog, declared, warning):
    app, warnings, _page = build_catalog("code,category,description\n36,Funds,Insufficient funds\n", confoverrides={"errcodes_extra_columns": declared})
    assert warnings == [f"WARNING: {warning} [errcodes.config]"]


def test_a_retired_code_without_a_replacement_is_fine(build_catalog):
    _app, warnings, page = build_catalog(HEADER + "37,INVALID_QUANTITY,Orders,Invalid quantity,,,retired,\n")
    assert warnings == []
    assert page.find(id="code-37").find(class_="errcodes-replaced-by") is None


@pytest.mark.parametrize("cell", ["yes", "YES", "true", "True", "no", "FALSE"])
def test_retryable_takes_yes_no_true_false_in_any_case(build_catalog, cell):
    _app, warnings, _page = build_catalog(HEADER + f"37,INVALID_QUANTITY,Orders,Invalid quantity,,{cell},,\n")
    assert warnings == []
