"""python -m sphinx_errcodes check: the build's catalog checks on the command line."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys

import pytest

from conftest import PROJECT, ROOTS, warnings_of


def check(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sphinx_errcodes", "check", *arguments], capture_output=True, text=True, cwd=PROJECT)


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


def unreadable_paths(tmp_path) -> dict[str, tuple[str, str]]:
    """(path, what the message says after the path) for each kind of path that is no readable file."""
    (tmp_path / "folder").mkdir()
    (tmp_path / "dangling").symlink_to(tmp_path / "gone.csv")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    return {
        "a folder": (str(tmp_path / "folder"), f"cannot read catalog file {tmp_path / 'folder'}: Is a directory"),
        "a dangling link": (str(tmp_path / "dangling"), f"catalog file not found: {tmp_path / 'dangling'} is a symbolic link to {tmp_path / 'gone.csv'}, which does not exist"),
        "a link loop": (str(tmp_path / "loop"), f"cannot read catalog file {tmp_path / 'loop'}: Too many levels of symbolic links"),
    }


@pytest.mark.parametrize("kind", ["a folder", "a dangling link", "a link loop"])
def test_a_path_that_is_no_readable_file_is_named_in_a_problem(tmp_path, kind):
    path, message = unreadable_paths(tmp_path)[kind]
    result = check(path)
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout == f"{path}: {message}\n"


def test_a_path_with_a_nul_character_is_a_problem_not_a_traceback():
    # A NUL cannot be passed on a command line, but a tool may call main() with one.
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from sphinx_errcodes.cli import main; sys.exit(main(['check', 'codes\\x00.csv']))"], capture_output=True, text=True, cwd=PROJECT
    )
    assert (result.returncode, result.stderr) == (1, "")
    assert "a file name cannot contain a NUL character" in result.stdout


def test_output_that_cannot_encode_a_character_is_escaped_not_a_traceback(tmp_path):
    path = tmp_path / "codes.csv"
    path.write_text("code,category,description\n36,资金,资金不足\n36,资金,再次\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "sphinx_errcodes", "check", str(path)], capture_output=True, cwd=PROJECT, env={**os.environ, "PYTHONIOENCODING": "ascii"})
    assert (result.returncode, result.stderr) == (1, b"")
    assert result.stdout == f"{path}:3: duplicate code 36: already defined on line 2; keep one row per code\n".encode("ascii")


def test_json_output_that_cannot_encode_a_character_uses_json_escapes(tmp_path):
    path = tmp_path / "资金.csv"
    path.write_text("code,category,description\n36,Funds,x\n36,Funds,y\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "sphinx_errcodes", "check", "--format", "json", str(path)], capture_output=True, cwd=PROJECT, env={**os.environ, "PYTHONIOENCODING": "ascii"})
    assert (result.returncode, result.stderr) == (1, b"")
    assert json.loads(result.stdout)[0]["path"] == str(path)


def test_a_reader_that_stops_early_does_not_make_a_traceback(tmp_path):
    path = tmp_path / "codes.csv"
    path.write_text("code,category,description\n" + "".join(f"x y{n},Funds,Bad\n" for n in range(20_000)), encoding="utf-8")
    result = subprocess.run(f"{shlex.quote(sys.executable)} -m sphinx_errcodes check {shlex.quote(str(path))} | head -1", shell=True, capture_output=True, text=True, cwd=PROJECT, executable="/bin/bash")
    assert result.stderr == ""
    assert result.stdout.startswith(f"{path}:2: invalid code 'x y0'")
    status = subprocess.run(f"set -o pipefail; {shlex.quote(sys.executable)} -m sphinx_errcodes check {shlex.quote(str(path))} | head -1 >/dev/null", shell=True, cwd=PROJECT, executable="/bin/bash")
    assert status.returncode == 1
