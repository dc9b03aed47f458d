"""A parallel build gives no warnings and the same pages as a serial one."""

from __future__ import annotations

import pytest

from sphinx.util.console import strip_colors

from conftest import warnings_of

PAGES = ["errors.html", "index.html", *(f"page{n}.html" for n in range(1, 9)), "genindex.html", "errcodes.json", "objects.inv", "searchindex.js"]


@pytest.fixture(scope="module")
def serial(build):
    return build("test-parallel")


@pytest.fixture(scope="module")
def parallel(build):
    return build("test-parallel", parallel=2)


def test_parallel_build_has_no_warnings(parallel):
    assert warnings_of(parallel) == ""


def test_parallel_build_really_read_in_chunks(parallel):
    # A serial build reports one document at a time; parallel workers report chunks.
    assert "reading sources... [ 50%] errors .. page3" in strip_colors(parallel.status.getvalue())


@pytest.mark.parametrize("page", PAGES)
def test_parallel_build_writes_the_same_page_as_a_serial_build(serial, parallel, page):
    assert (parallel.outdir / page).read_bytes() == (serial.outdir / page).read_bytes()
