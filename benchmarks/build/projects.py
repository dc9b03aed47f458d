"""The three projects the benchmark builds, made from ``templates/``.

- ``errcodes``: the reference pages are ``.. error-codes::`` (this
  extension) with every feature on: two catalogs, the optional columns
  (name, HTTP status, retry advice, version, lifecycle), an explanation for
  every tenth code of the first catalog, a page per code
  (``errcodes_code_urls``), and the site in German, every message of the
  catalogs translated through ``locale/de``;
- ``csv-table``: the same two CSV files shown with docutils'
  ``.. csv-table::``, what a user would write without the extension, in
  the same language with the same translations;
- ``baseline``: the same site without any catalog.

Of ``size`` codes, nine in ten are in the first catalog (``codes.csv``,
page ``errors``), one in ten in the second (``streaming.csv``, page
``streaming``). Each project is ``templates/common`` with
``templates/<kind>`` laid over it, plus the generated files. Every project
has ``guide.rst``, a page unrelated to the error codes, which the benchmark
edits to time an incremental rebuild.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from fields import write_catalog  # the catalog with its optional columns

TEMPLATES = Path(__file__).parent / "templates"
KINDS = ("errcodes", "csv-table", "baseline")
GUIDE = (TEMPLATES / "common" / "guide.rst").read_text(encoding="utf-8")
CATALOGS = {"errors": "codes.csv", "streaming": "streaming.csv"}  # page -> its catalog's file
LANGUAGE = "de"
EXPLAINED_ONE_IN = 10

EXPLANATION = """The request was refused with code {code}.

What to check
-------------

- the parameters of the request;
- the account the request is made for.

.. code-block:: json

   {{"code": {code}}}
"""


def make_project(kind: str, size: int, workdir: Path, *, every_feature: bool = True) -> Path:
    """A fresh source folder for ``kind`` with catalogs of ``size`` codes in all; returns it.

    Without ``every_feature``, the project as it was before issue 14 (the
    filter benchmark's page): one catalog of ``size`` codes with the
    optional columns, in English, without explanations, translations or
    pages of codes.
    """
    srcdir = workdir / f"{kind}-{size}" / "src"
    if srcdir.exists():
        shutil.rmtree(srcdir)
    shutil.copytree(TEMPLATES / "common", srcdir)
    shutil.copytree(TEMPLATES / kind, srcdir, dirs_exist_ok=True)
    if not every_feature:
        _with_one_catalog_in_english(srcdir, kind, size)
        return srcdir
    if kind != "baseline":
        second = size // 10
        write_catalog(srcdir / CATALOGS["errors"], size - second)
        write_catalog(srcdir / CATALOGS["streaming"], second, seed=1)
        for page, filename in CATALOGS.items():
            write_translation(srcdir, page, srcdir / filename)
    if kind == "errcodes":
        add_explanations(srcdir, EXPLAINED_ONE_IN)
    return srcdir


def _with_one_catalog_in_english(srcdir: Path, kind: str, size: int) -> None:
    (srcdir / "streaming.rst").unlink()
    index = srcdir / "index.rst"
    index.write_text(index.read_text(encoding="utf-8").replace("   streaming\n", ""), encoding="utf-8")
    conf = ['project = "Benchmark API"', 'html_theme = "furo"']
    if kind == "errcodes":
        conf += ['extensions = ["sphinx_errcodes"]', f'errcodes_file = "{CATALOGS["errors"]}"']
    (srcdir / "conf.py").write_text("\n".join(conf) + "\n", encoding="utf-8")
    if kind != "baseline":
        write_catalog(srcdir / CATALOGS["errors"], size)


def codes_of(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as catalog:
        return list(csv.DictReader(catalog))


def write_translation(srcdir: Path, page: str, catalog: Path) -> None:
    """``locale/de/LC_MESSAGES/<page>.po``: every description and category of the catalog, marked as translated."""
    texts = dict.fromkeys(text for row in codes_of(catalog) for text in (row["category"], row["description"]))
    folder = srcdir / "locale" / LANGUAGE / "LC_MESSAGES"
    folder.mkdir(parents=True, exist_ok=True)
    lines = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', ""]
    for text in texts:
        quoted = text.replace("\\", "\\\\").replace('"', '\\"')
        lines += [f'msgid "{quoted}"', f'msgstr "[{LANGUAGE}] {quoted}"', ""]
    (folder / f"{page}.po").write_text("\n".join(lines), encoding="utf-8")


def add_explanations(srcdir: Path, one_in: int) -> None:
    """An explanation (a paragraph, a heading, a list and a code block) for every ``one_in``-th code of the first catalog."""
    folder = srcdir / "explanations"
    folder.mkdir()
    for row in codes_of(srcdir / CATALOGS["errors"])[::one_in]:
        (folder / f"{row['code']}.rst").write_text(EXPLANATION.format(code=row["code"]), encoding="utf-8")


def edit_unrelated_page(srcdir: Path, revision: int) -> None:
    """Change ``guide.rst``, which neither shows nor links to any code."""
    (srcdir / "guide.rst").write_text(f"{GUIDE}\nRevision {revision} of this page.\n", encoding="utf-8")
