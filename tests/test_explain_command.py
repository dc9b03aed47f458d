"""python -m sphinx_errcodes explain: one code as a person reads it in a terminal."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import PROJECT, ROOTS, console_example_in_guide
from sphinx_errcodes.export import SCHEMA

FIELDS = ROOTS / "test-fields" / "codes.csv"


def run(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sphinx_errcodes", *arguments], capture_output=True, text=True, cwd=PROJECT)


def test_a_code_is_printed_with_its_name_message_and_every_field():
    result = run("explain", "18", "--catalog", str(FIELDS), "--extra-column", "owner=Owning team")
    assert result.returncode == 0
    assert result.stdout == (
        "18  ORDER_EXPIRED\n"
        "\n"
        "Order expired\n"
        "\n"
        "Category:    Orders\n"
        "HTTP status: HTTP 410 Gone\n"
        "Since:       1.0\n"
        "Status:      retired\n"
        "Replaced by: 37\n"
    )


def test_a_code_is_found_by_its_name():
    by_name = run("explain", "INSUFFICIENT_FUNDS", "--catalog", str(FIELDS), "--extra-column", "owner=Owning team")
    by_code = run("explain", "36", "--catalog", str(FIELDS), "--extra-column", "owner=Owning team")
    assert by_name.stdout == by_code.stdout
    assert "Retryable:   no\n" in by_code.stdout
    assert "See also:    37\n" in by_code.stdout
    assert "Owning team: Payments\n" in by_code.stdout


def test_an_unknown_code_exits_with_1_and_says_so():
    result = run("explain", "12345", "--catalog", str(FIELDS), "--extra-column", "owner=Owning team")
    assert result.returncode == 1
    assert result.stdout == f"{FIELDS}: no code or name '12345' in this catalog\n"


def test_a_missing_catalog_option_is_a_usage_error():
    assert run("explain", "36").returncode == 2


def test_a_malformed_extra_column_is_a_usage_error():
    result = run("explain", "36", "--catalog", str(FIELDS), "--extra-column", "owner")
    assert result.returncode == 2
    assert "write NAME=LABEL" in result.stderr


def test_check_accepts_the_project_s_own_columns():
    assert run("check", str(FIELDS)).returncode == 1
    assert run("check", str(FIELDS), "--extra-column", "owner=Owning team").returncode == 0


def test_schema_prints_the_shipped_schema():
    result = run("schema")
    assert result.returncode == 0
    assert json.loads(result.stdout) == json.loads(SCHEMA.read_text(encoding="utf-8"))


def test_the_extension_guide_shows_what_explain_prints():
    arguments, shown = console_example_in_guide("explain")
    assert run(*arguments).stdout.rstrip("\n").split("\n") == shown


def test_a_catalog_that_cannot_be_read_is_named_with_its_reason(tmp_path):
    result = run("explain", "36", "--catalog", str(tmp_path / "missing.csv"))
    assert (result.returncode, result.stdout) == (1, f"{tmp_path / 'missing.csv'}: catalog file not found: {tmp_path / 'missing.csv'}\n")


def test_what_the_catalog_says_of_the_row_but_cannot_be_shown_is_listed(tmp_path):
    catalog = tmp_path / "codes.csv"
    catalog.write_text("code,category,description,http_status,owner\n36,Funds,Insufficient funds,abc,Payments\n", encoding="utf-8")
    result = run("explain", "36", "--catalog", str(catalog))
    assert result.returncode == 0
    assert result.stdout.endswith(
        "\nProblems in the catalog that this leaves out:\n"
        f"  {catalog}:1: unknown column 'owner'; the columns are code, category, description and the optional name, http_status, retryable, since, status, replaced_by, see_also (declare a column of your own in errcodes_extra_columns)\n"
        f"  {catalog}:2: the http_status of code 36: 'abc' is not an HTTP status: write a number from 100 to 599, such as 404\n"
    )


@pytest.mark.parametrize("declared", [["code=Code"], ["name=Nom"], ["owner=A", "Owner=B"]], ids=["code", "name", "twice"])
def test_an_extra_column_that_cannot_be_one_is_a_usage_error(declared):
    arguments = [argument for column in declared for argument in ("--extra-column", column)]
    assert run("check", str(FIELDS), *arguments).returncode == 2


def test_the_code_s_explanation_is_printed_as_written():
    root = ROOTS / "test-explanations"
    result = run("explain", "INSUFFICIENT_FUNDS", "--catalog", str(root / "codes.csv"), "--explanations", str(root / "explanations"))
    assert result.returncode == 0
    assert result.stdout.endswith("\n\n" + (root / "explanations" / "36.rst").read_text(encoding="utf-8"))


def test_an_explanations_folder_that_is_not_one_exits_with_1(tmp_path):
    root = ROOTS / "test-explanations"
    result = run("explain", "36", "--catalog", str(root / "codes.csv"), "--explanations", str(tmp_path / "missing"))
    assert (result.returncode, result.stdout) == (1, f"{tmp_path / 'missing'}: not a folder of explanations\n")


def test_an_undecodable_explanation_exits_with_1_and_says_so(tmp_path):
    (tmp_path / "36.rst").write_bytes(b"caf\xe9\n")
    result = run("explain", "36", "--catalog", str(ROOTS / "test-explanations" / "codes.csv"), "--explanations", str(tmp_path))
    assert result.returncode == 1
    assert result.stdout.endswith(f"\n{tmp_path / '36.rst'}: the explanation is not valid UTF-8 (byte 0xe9); save it as UTF-8\n")
