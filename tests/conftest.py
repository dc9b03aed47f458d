"""Shared fixtures: real Sphinx builds of the projects under ``roots/``, and HTML parsing."""

from __future__ import annotations

import io
import itertools
import json
import os
import posixpath
import re
import shlex
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors
from sphinx.util.inventory import InventoryFile

ROOTS = Path(__file__).parent / "roots"
PROJECT = Path(__file__).parent.parent


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where ``@pytest.mark.sphinx(testroot=...)`` finds its projects."""
    return ROOTS


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    """Copy a root (or any folder) to a fresh directory, build it, return the app.

    Module scoped, so one build serves every test that reads its output. The
    app is cleaned up at once (its output stays), so that builds do not share
    docutils' global node registry.
    """

    def build_project(root: str | Path, buildername: str = "html", *, srcdir: Path | None = None, **kwargs) -> SphinxTestApp:
        if srcdir is None:
            srcdir = tmp_path_factory.mktemp(Path(root).name)
            shutil.copytree(ROOTS / root, srcdir, dirs_exist_ok=True)
        app = SphinxTestApp(buildername, srcdir=srcdir, **kwargs)
        try:
            app.build()
        finally:
            app.cleanup()
        return app

    return build_project


@pytest.fixture
def basic_srcdir(tmp_path) -> Path:
    """A fresh copy of the test-basic project, for tests that edit its sources between builds."""
    shutil.copytree(ROOTS / "test-basic", tmp_path, dirs_exist_ok=True)
    return tmp_path


@pytest.fixture(scope="module")
def site_srcdir(tmp_path_factory) -> Path:
    """A copy of the project's site and catalog, laid out as in the repository."""
    checkout = tmp_path_factory.mktemp("site")
    shutil.copytree(PROJECT / "docs", checkout / "docs", ignore=shutil.ignore_patterns("_build"))
    shutil.copytree(PROJECT / "data", checkout / "data")
    return checkout / "docs"


def edit_source(path: Path, old: str, new: str) -> None:
    """Replace text in a source file and make the file visibly newer, as Sphinx compares modification times."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    later = path.stat().st_mtime + 5
    os.utime(path, (later, later))


def parse_html(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def read_search_index(outdir: Path) -> dict:
    text = (outdir / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])


def search_index_without_empty_terms(outdir) -> dict:
    """Sphinx keeps a word that no page has any more as an empty list after a rebuild; it finds nothing."""
    index = read_search_index(outdir)
    for key in ("terms", "titleterms"):
        index[key] = {term: pages for term, pages in index[key].items() if pages != []}
    return index


def inventory_uris(path: Path, object_type: str) -> dict[str, str]:
    """Name -> URI of each object of one type in an ``objects.inv``, as Sphinx's own reader sees it."""
    data = path.read_bytes()
    # Sphinx 8.2 added loads() and made the entries objects; 8.1's load() gives
    # (project, version, uri, display name) tuples, whose indexing 8.2 deprecates.
    if hasattr(InventoryFile, "loads"):
        return {name: item.uri for name, item in InventoryFile.loads(data, uri="").data[object_type].items()}
    return {name: item[2] for name, item in InventoryFile.load(io.BytesIO(data), "", posixpath.join)[object_type].items()}


def warnings_of(app: SphinxTestApp) -> str:
    """The build's warnings as plain text, one per line."""
    return strip_colors(app.warning.getvalue())


def documents_written(app: SphinxTestApp) -> list[str]:
    """The documents a (serial) build wrote, from its progress lines."""
    # Progress lines end in "\r" or "\n" depending on whether colour output is on.
    return re.findall(r"writing output\.\.\. \[\s*\d+%\] (\S+)", strip_colors(app.status.getvalue()))


def serial_and_parallel(build, root: str, srcdir: Path, tmp_path_factory, markup: str, **kwargs):
    """Serial and ``-j 2`` builds of a project with six more pages that each hold ``markup``; the parallel one warns of nothing."""
    for number in range(1, 7):
        (srcdir / f"page{number}.rst").write_text(f":orphan:\n\nPage {number}\n=======\n\n{markup}\n", encoding="utf-8")
    serial = build(root, srcdir=srcdir, builddir=tmp_path_factory.mktemp("serial"), **kwargs)
    parallel = build(root, srcdir=srcdir, builddir=tmp_path_factory.mktemp("parallel"), parallel=2, **kwargs)
    assert warnings_of(parallel) == ""
    return serial, parallel


def console_example_in_guide(command: str) -> tuple[list[str], list[str]]:
    """The arguments and the output lines of the guide's console example of ``python -m sphinx_errcodes <command>``."""
    guide = (PROJECT / "docs" / "extension.rst").read_text(encoding="utf-8")
    line, *rest = guide[guide.index(f"   $ python -m sphinx_errcodes {command}") :].split("\n")
    shown = list(itertools.takewhile(lambda text: not text or text.startswith("   "), rest))
    while not shown[-1]:
        shown.pop()
    return shlex.split(line.removeprefix("   $ python -m sphinx_errcodes ")), [text.removeprefix("   ") for text in shown]
