"""Settings of the wrong kind get Sphinx's own configuration warning, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import parse_html, warnings_of


@pytest.mark.parametrize("value", [5, ["codes.csv"], b"codes.csv", True], ids=["number", "list", "bytes", "True"])
def test_an_errcodes_file_that_is_not_a_path_gets_a_configuration_warning(build, value):
    app = build("test-basic", confoverrides={"errcodes_file": value})
    warnings = warnings_of(app)
    assert f"WARNING: The config value `errcodes_file' has type `{type(value).__name__}'" in warnings
    assert f"{app.srcdir / 'errors.rst'}:4: WARNING: the error-codes directive needs a catalog: set errcodes_file (or errcodes_catalogs) in conf.py to the path of a CSV file [errcodes.config]" in warnings
    assert "Traceback" not in app.status.getvalue() + warnings


def test_an_errcodes_file_given_as_a_path_object_works(build, basic_srcdir):
    app = build("test-basic", srcdir=basic_srcdir, confoverrides={"errcodes_file": Path("codes.csv")})
    assert "config value" not in warnings_of(app)
    assert "[errcodes.config]" not in warnings_of(app)
    assert parse_html(app.outdir / "errors.html").find(id="code-36") is not None


def test_an_errcodes_file_with_a_nul_character_is_named_in_a_warning(build):
    app = build("test-basic", confoverrides={"errcodes_file": "codes\x00.csv"})
    warnings = warnings_of(app)
    assert "WARNING: errcodes_file 'codes\\x00.csv' contains a NUL character, which no file name can hold; write the path of the CSV catalog [errcodes.config]" in warnings


def test_an_errcodes_file_with_a_nul_character_rebuilds_without_a_traceback(build, basic_srcdir):
    for _ in range(2):
        app = build("test-basic", srcdir=basic_srcdir, confoverrides={"errcodes_file": "codes\x00.csv"})
        assert app.statuscode == 0
