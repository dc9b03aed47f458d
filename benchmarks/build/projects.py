"""The three projects the benchmark builds, made from ``templates/``.

- ``errcodes``: the reference page is ``.. error-codes::`` (this extension);
- ``csv-table``: the same CSV shown with docutils' ``.. csv-table::``, what a
  user would write without the extension;
- ``baseline``: the same site without any catalog.

Each is ``templates/common`` with ``templates/<kind>`` laid over it, plus the
generated ``codes.csv``. Every project has ``guide.rst``, a page unrelated to
the error codes, which the benchmark edits to time an incremental rebuild.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from generate import write_catalog

TEMPLATES = Path(__file__).parent / "templates"
KINDS = ("errcodes", "csv-table", "baseline")
GUIDE = (TEMPLATES / "common" / "guide.rst").read_text(encoding="utf-8")


def make_project(kind: str, size: int, workdir: Path) -> Path:
    """A fresh source folder for ``kind`` with a catalog of ``size`` codes; returns it."""
    srcdir = workdir / f"{kind}-{size}" / "src"
    if srcdir.exists():
        shutil.rmtree(srcdir)
    shutil.copytree(TEMPLATES / "common", srcdir)
    shutil.copytree(TEMPLATES / kind, srcdir, dirs_exist_ok=True)
    if kind != "baseline":
        write_catalog(srcdir / "codes.csv", size)
    return srcdir


def edit_unrelated_page(srcdir: Path, revision: int) -> None:
    """Change ``guide.rst``, which neither shows nor links to any code."""
    (srcdir / "guide.rst").write_text(f"{GUIDE}\nRevision {revision} of this page.\n", encoding="utf-8")
