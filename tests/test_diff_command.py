"""python -m sphinx_errcodes diff: the changes between two releases, for a release pipeline."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import PROJECT, ROOTS, console_example_in_guide, warnings_of

RELEASES = ROOTS / "test-releases"
PREVIOUS = RELEASES / "previous.json"
CATALOG = RELEASES / "codes.csv"
OWNER = ("--extra-column", "owner=Owning team")


def diff(*arguments: str) -> subprocess.CompletedProcess:
    """The command run in the folder of the releases, so that it prints their names as a pipeline gives them; this checkout's package first."""
    environment = {**os.environ, "PYTHONPATH": str(PROJECT)}
    return subprocess.run([sys.executable, "-m", "sphinx_errcodes", "diff", *arguments], capture_output=True, text=True, cwd=RELEASES, env=environment)


def write(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path


def test_the_changes_are_printed_by_kind_then_the_problems_and_exit_1_when_a_published_code_disappeared():
    result = diff("previous.json", "codes.csv", *OWNER)
    assert result.returncode == 1
    assert result.stdout == (
        "Previous release: previous.json (7 codes)\n"
        "This release: codes.csv (6 codes)\n"
        "\n"
        "Published before, missing from the catalog:\n"
        "  18  Order <i>cancelled</i>\n"
        "  22  Order not found\n"
        "Retired codes given another meaning:\n"
        "  21  “Price outside the band” → “Order rejected: <b>*price*</b> & \"limit\"”\n"
        "Added:\n"
        "  40  Market closed\n"
        "Retired:\n"
        "  20  Order expired — Use 37 instead.\n"
        "Deprecated:\n"
        "  19  Too many declined cards\n"
        "Changed message:\n"
        "  36  “Insufficient funds” → “Not enough funds”\n"
        "Changed HTTP status:\n"
        "  21  not given → HTTP 400 Bad Request\n"
        "  37  HTTP 422 Unprocessable Entity → HTTP 400 Bad Request\n"
        "Changed retry advice:\n"
        "  21  not given → Not retryable\n"
        "\n"
        "codes.csv: code 18 was published in the previous release (previous.json) and is missing from the catalog (codes.csv); keep it with status retired instead of deleting it\n"
        "codes.csv: code 22 was published in the previous release (previous.json) and is missing from the catalog (codes.csv); keep it with status retired instead of deleting it\n"
        "codes.csv:6: code 21 was retired in the previous release (previous.json) with the message 'Price outside the band', and is back with the message "
        "'Order rejected: <b>*price*</b> & \"limit\"'; give the new error a new code and keep 21 retired\n"
    )


def test_compatible_changes_only_exit_0(tmp_path):
    catalog = write(tmp_path / "codes.csv", "code,category,description,http_status\n36,Funds,Not enough funds,400\n37,Orders,Invalid quantity,\n")
    previous = write(tmp_path / "previous.json", json.dumps({"version": 2, "codes": [{"code": "36", "category": "Money", "description": "Insufficient funds", "http_status": 402}]}))
    result = diff(str(previous), str(catalog))
    assert result.returncode == 0
    assert result.stdout.splitlines()[3:] == [
        "Added:",
        "  37  Invalid quantity",
        "Changed message:",
        "  36  “Insufficient funds” → “Not enough funds”",
        "Changed HTTP status:",
        "  36  HTTP 402 Payment Required → HTTP 400 Bad Request",
    ]


def test_a_code_kept_with_status_retired_is_listed_as_retired_and_exits_0(tmp_path):
    catalog = write(tmp_path / "codes.csv", "code,category,description,status\n18,Orders,Order cancelled,retired\n")
    previous = write(tmp_path / "previous.json", json.dumps({"version": 2, "codes": [{"code": "18", "category": "Orders", "description": "Order cancelled"}]}))
    result = diff(str(previous), str(catalog))
    assert (result.returncode, result.stdout.splitlines()[3:]) == (0, ["Retired:", "  18  Order cancelled"])


def test_a_retired_code_back_in_use_with_its_message_is_listed_and_exits_0(tmp_path):
    catalog = write(tmp_path / "codes.csv", "code,category,description\n18,Orders,Order cancelled\n")
    previous = write(tmp_path / "previous.json", json.dumps({"version": 2, "codes": [{"code": "18", "category": "Orders", "description": "Order cancelled", "status": "retired"}]}))
    result = diff(str(previous), str(catalog))
    assert (result.returncode, result.stdout.splitlines()[3:]) == (0, ["Back in use:", "  18  Order cancelled"])


def test_a_release_without_changes_says_so_and_exits_0(build, tmp_path):
    shutil.copytree(RELEASES, tmp_path, dirs_exist_ok=True)
    published = build("test-releases", srcdir=tmp_path).outdir / "errcodes.json"
    result = diff(str(published), "codes.csv", *OWNER)
    assert result.returncode == 0
    assert result.stdout.splitlines()[3:] == ["No error code changed in this release."]


def test_json_format_lists_each_change_and_problem_for_a_pipeline():
    result = diff("--format", "json", "previous.json", "codes.csv", *OWNER)
    report = json.loads(result.stdout)
    assert result.returncode == 1
    assert (report["previous"], report["current"]) == ({"path": "previous.json", "codes": 7}, {"path": "codes.csv", "codes": 6})
    assert report["changes"][0] == {"kind": "removed", "code": "18", "description": "Order <i>cancelled</i>", "before": None, "after": None, "replaced_by": "", "incompatible": True}
    assert {"kind": "http_status", "code": "37", "description": "Invalid quantity", "before": 422, "after": 400, "replaced_by": "", "incompatible": False} in report["changes"]
    assert {"kind": "retired", "code": "20", "description": "Order expired", "before": "active", "after": "retired", "replaced_by": "37", "incompatible": False} in report["changes"]
    assert [(problem["path"], problem["line"]) for problem in report["problems"]] == [("codes.csv", 0), ("codes.csv", 0), ("codes.csv", 6)]


def test_the_new_release_may_be_an_errcodes_json_too(tmp_path):
    current = write(tmp_path / "current.json", json.dumps({"version": 3, "codes": [{"code": "40", "category": "General", "description": "Market closed"}]}))
    previous = write(tmp_path / "previous.json", json.dumps({"version": 1, "codes": [{"code": "40", "category": "General", "description": "Market shut"}]}))
    result = diff(str(previous), str(current))
    assert (result.returncode, result.stdout.splitlines()[3:]) == (0, ["Changed message:", "  40  “Market shut” → “Market closed”"])


def test_the_project_s_own_columns_are_declared_with_extra_column_like_check():
    without = diff("previous.json", "codes.csv")
    assert "codes.csv:1: unknown column 'owner'" in without.stdout
    assert "unknown column" not in diff("previous.json", "codes.csv", *OWNER).stdout


def test_the_messages_are_those_of_the_build_warnings(build, tmp_path):
    shutil.copytree(RELEASES, tmp_path, dirs_exist_ok=True)
    warnings = warnings_of(build("test-releases", srcdir=tmp_path))
    for line in diff(str(tmp_path / "previous.json"), str(tmp_path / "codes.csv"), *OWNER).stdout.splitlines()[-3:]:
        message = line.split(": ", 1)[1]
        assert f"WARNING: {message} [errcodes.release]" in warnings


@pytest.mark.parametrize(
    ("previous", "current", "message"),
    [
        ("missing.json", "codes.csv", "missing.json: previous release not found: {dir}/missing.json; give the path of its errcodes.json"),
        ("codes.csv", "codes.csv", "codes.csv: cannot read the previous release {dir}/codes.csv: Expecting value: line 1 column 1 (char 0); give the errcodes.json that the previous release published"),
        ("previous.json", "missing.csv", "missing.csv: catalog file not found: {dir}/missing.csv"),
    ],
    ids=["previous missing", "previous not JSON", "catalog missing"],
)
def test_a_file_that_cannot_be_read_is_named_and_exits_2(previous, current, message):
    result = diff(previous, current, *OWNER)
    assert (result.returncode, result.stdout, result.stderr) == (2, message.format(dir=RELEASES) + "\n", "")


def test_a_newer_format_version_asks_for_an_upgrade_and_exits_2(tmp_path):
    previous = write(tmp_path / "previous.json", '{"version": 4, "codes": []}')
    result = diff(str(previous), str(CATALOG), *OWNER)
    assert (result.returncode, result.stdout) == (2, f"{previous}: its format version 4 is newer than this sphinx-errcodes reads (1 to 3); upgrade sphinx-errcodes\n")


def test_a_usage_error_exits_2():
    result = diff("previous.json")
    assert result.returncode == 2
    assert "NEW" in result.stderr


def test_the_extension_guide_shows_what_diff_prints_for_its_example_files():
    arguments, shown = console_example_in_guide("diff")
    result = subprocess.run([sys.executable, "-m", "sphinx_errcodes", *arguments], capture_output=True, text=True, cwd=PROJECT)
    assert result.returncode == 1
    assert result.stdout.rstrip("\n").split("\n") == shown
