"""python -m sphinx_errcodes check: the build's catalog checks on the command line."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

from conftest import PROJECT, ROOTS, warnings_of
from sphinx_errcodes.cli import main


def check(*arguments: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sphinx_errcodes", "check", *arguments], capture_output=True, text=True, cwd=PROJECT, **kwargs)


def write_bad_catalog(tmp_path):
    path = tmp_path / "codes.csv"
    path.write_text("code,category,description\n36,Funds,Insufficient funds\n36,Funds,Again\nx y,Funds,Bad\n", encoding="utf-8")
    return path


def test_the_project_catalog_passes_with_exit_status_0():
    result = check("data/codes.csv")
    assert result.returncode == 0
    assert result.stdout == "data/codes.csv: 94 codes, no problems\n"


def test_problems_exit_with_status_1_one_file_line_message_per_line(tmp_path):
    path = write_bad_catalog(tmp_path)
    result = check(str(path))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{path}:3: duplicate code 36: already defined on line 2; keep one row per code",
        f"{path}:4: invalid code 'x y': a code is an integer (such as 36 or -99) or letters, digits, '_', '.' and '-' (such as E0308), not starting or ending with '.'",
    ]


def test_problems_use_the_same_words_as_the_build_warnings(build, tmp_path):
    shutil.copytree(ROOTS / "test-catalog", tmp_path, dirs_exist_ok=True)
    path = write_bad_catalog(tmp_path)
    app = build("test-catalog", srcdir=tmp_path)
    warnings = [line.replace(" WARNING:", "").removesuffix(" [errcodes.catalog]") for line in warnings_of(app).splitlines()]
    assert warnings == check(str(path)).stdout.splitlines()


def test_json_format_lists_each_problem_with_path_line_and_message(tmp_path):
    path = write_bad_catalog(tmp_path)
    result = check("--format", "json", str(path))
    assert result.returncode == 1
    assert json.loads(result.stdout)[0] == {"path": str(path), "line": 3, "end_line": 3, "message": "duplicate code 36: already defined on line 2; keep one row per code"}


def test_json_format_of_a_clean_catalog_is_an_empty_list():
    result = check("--format", "json", "data/codes.csv")
    assert (result.returncode, json.loads(result.stdout)) == (0, [])


def test_a_missing_file_is_a_problem_not_a_traceback(tmp_path):
    result = check(str(tmp_path / "missing.csv"))
    assert result.returncode == 1
    assert result.stdout == f"{tmp_path / 'missing.csv'}: catalog file not found: {tmp_path / 'missing.csv'}\n"
    assert result.stderr == ""


def test_a_usage_error_exits_with_status_2():
    result = subprocess.run([sys.executable, "-m", "sphinx_errcodes", "check"], capture_output=True, text=True)
    assert result.returncode == 2
    assert "FILE" in result.stderr


def test_a_problem_of_a_span_of_lines_has_its_last_line_in_json(tmp_path):
    path = tmp_path / "codes.csv"
    path.write_bytes(b'code,category,description\n36,Funds,"Insufficient funds\n37,Funds,Invalid quantity\n')
    (problem,) = json.loads(check("--format", "json", str(path)).stdout)
    assert (problem["line"], problem["end_line"]) == (2, 3)


def test_text_the_output_cannot_encode_is_escaped_not_a_traceback(tmp_path):
    path = tmp_path / "codes.csv"
    path.write_text("code,category,description,说明\n36,资金,资金不足,x\nx €,Funds,Bad,y\n", encoding="utf-8")
    result = check(str(path), env={**os.environ, "PYTHONIOENCODING": "ascii"})
    assert (result.returncode, result.stderr) == (1, "")
    unknown_column, invalid_code = result.stdout.splitlines()
    assert unknown_column.startswith(f"{path}:1: unknown column '\\u8bf4\\u660e'; the columns are")
    assert invalid_code.startswith(f"{path}:3: invalid code 'x \\u20ac': a code is")


def test_json_the_output_cannot_encode_is_escaped_and_stays_json(tmp_path):
    path = tmp_path / "codes.csv"
    path.write_text("code,category,description\nx €,Funds,Bad\n", encoding="utf-8")
    result = check("--format", "json", str(path), env={**os.environ, "PYTHONIOENCODING": "ascii"})
    assert (result.returncode, result.stderr) == (1, "")
    assert json.loads(result.stdout)[0]["message"].startswith("invalid code 'x €'")


def test_a_reader_that_stops_early_gets_no_traceback_and_the_status_tells_the_catalog(tmp_path):
    path = tmp_path / "codes.csv"
    path.write_text("code,category,description\n" + "36,Funds,Insufficient funds\n" * 10_000, encoding="utf-8")  # 700 KB of problems
    process = subprocess.Popen([sys.executable, "-m", "sphinx_errcodes", "check", str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=PROJECT)
    process.stdout.readline()
    process.stdout.close()  # as `… | head -1` does
    assert (process.wait(), process.stderr.read()) == (1, b"")


def test_closed_output_is_no_traceback(tmp_path):
    result = subprocess.run([sys.executable, "-m", "sphinx_errcodes", "check", "data/codes.csv"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=PROJECT, preexec_fn=lambda: os.close(1))
    assert (result.returncode, result.stderr) == (0, b"")


def test_a_directory_is_a_problem_not_a_traceback(tmp_path):
    result = check(str(tmp_path))
    assert (result.returncode, result.stdout, result.stderr) == (1, f"{tmp_path}: cannot read catalog file {tmp_path}: Is a directory\n", "")


def test_a_dangling_symbolic_link_names_the_link_and_its_target(tmp_path):
    (tmp_path / "codes.csv").symlink_to("moved.csv")
    result = check(str(tmp_path / "codes.csv"))
    assert result.returncode == 1
    assert result.stdout == f"{tmp_path / 'codes.csv'}: catalog file not found: {tmp_path / 'codes.csv'} is a symbolic link to moved.csv, which does not exist\n"


def test_a_symbolic_link_loop_is_a_problem_not_a_traceback(tmp_path):
    (tmp_path / "codes.csv").symlink_to("other.csv")
    (tmp_path / "other.csv").symlink_to("codes.csv")
    result = check(str(tmp_path / "codes.csv"))
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout == f"{tmp_path / 'codes.csv'}: cannot read catalog file {tmp_path / 'codes.csv'}: Too many levels of symbolic links\n"


def test_a_path_with_a_nul_character_is_a_problem_not_a_traceback(capsys):
    # No command line can hold a NUL; a script calling main() can.
    path = "codes\x00.csv"
    assert main(["check", path]) == 1
    assert capsys.readouterr().out == f"{path}: cannot read catalog file {os.path.abspath(path)!r}: a file name cannot contain a NUL character\n"


def test_a_code_of_thousands_of_digits_passes_as_it_builds(tmp_path):
    path = tmp_path / "codes.csv"
    path.write_text(f"code,category,description\n{'9' * 5_000},Funds,Huge\n36,Funds,Small\n", encoding="utf-8")
    assert check(str(path)).returncode == 0
