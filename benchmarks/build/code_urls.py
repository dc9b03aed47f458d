"""The cost of a page per code: the full build of a 10,000-code catalog with ``errcodes_code_urls``, against the same without, and against the same pages rendered through Sphinx's templates.

Four variants of the benchmark's ``errcodes`` project (see projects.py),
built one after the other in each round, so that all meet the same load:

- **without**: the project as it is (no code pages);
- **code URLs**: ``errcodes_code_urls = True``, the extension's pages, written
  straight to files (and ``doc_url`` in errcodes.json);
- **own template**: the same pages yielded to Sphinx's ``html-collect-pages``
  and rendered by ``handle_page`` through a template of their own (the same
  HTML as the extension writes, without the theme), by a small extension of
  the benchmark (``CODE_PAGES_EXTENSION`` below);
- **theme's page**: the same through the theme's ``page.html`` (furo), as
  an ordinary page of the site looks.

Beside them, in the same rounds: the rebuild with nothing changed, without
and with code URLs (every page is read back and left alone), and what the
file system alone takes to create as many files of the same size in a fresh
folder (``FILES_ALONE``, in a process of its own), which no way of writing
the pages avoids. CPU seconds are given with their kernel part, where file
creation is counted.

    .venv/bin/python benchmarks/build/code_urls.py [--size 10000] [--repeats 5] [--builder html]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from projects import make_project
from run import Run, median, sphinx_build

CODE_PAGES_EXTENSION = '''
"""The code pages yielded to html-collect-pages, for the benchmark only."""
import posixpath
from html import escape

from sphinx_errcodes.backlinks import target_uri
from sphinx_errcodes.urls import code_filename, relative_url, url_of_page


def pages(app):
    domain = app.env.domains["errcodes"]
    for code, place in domain.placed["default"].items():
        docname, error_code = place.docname, place.code
        pagename = posixpath.join(posixpath.dirname(docname), "code", code_filename(code))
        entry = relative_url(url_of_page(app.builder, pagename), target_uri(app.builder, None, docname, place.anchor))
        link = f'<p><a href="{escape(entry)}"><code>{escape(code)}</code> {escape(error_code.description)}</a></p>'
        yield pagename, {"entry": entry, "code": code, "description": error_code.description, "title": f"Error code {code}", "body": link}, TEMPLATE


def setup(app):
    app.connect("html-collect-pages", pages)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
'''

OWN_TEMPLATE = """<!DOCTYPE html>
<html lang="{{ language or 'en' }}">
<head>
<meta charset="utf-8">
<meta name="generator" content="sphinx-errcodes">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={{ entry|e }}">
<link rel="canonical" href="{{ entry|e }}">
<title>Error code {{ code|e }}: {{ description|e }}</title>
</head>
<body>
<p><a href="{{ entry|e }}"><code>{{ code|e }}</code> {{ description|e }}</a></p>
</body>
</html>
"""

THEME_TEMPLATE = """{% extends "page.html" %}
{% block extrahead %}{{ super() }}<meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url={{ entry|e }}">{% endblock %}
"""

VARIANTS = ("without", "code URLs", "own template", "theme's page")

FILES_ALONE = """
import os, sys
folder, count, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(folder)
data = b"x" * size
for number in range(count):
    descriptor = os.open(os.path.join(folder, f"{number}.html"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    os.write(descriptor, data)
    os.close(descriptor)
"""


def create_files_alone(folder: Path, count: int, size: int) -> Run:
    """Create ``count`` files of ``size`` bytes in a fresh folder, in a child process measured like a build."""
    shutil.rmtree(folder, ignore_errors=True)
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", FILES_ALONE, str(folder), str(count), str(size)])
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status):
        raise SystemExit("creating the files failed")
    return Run(time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, usage.ru_stime)


def make_variant(variant: str, size: int, workdir: Path) -> Path:
    srcdir = make_project("errcodes", size, workdir / variant.replace(" ", "-").replace("'", ""))
    with open(srcdir / "conf.py", "a", encoding="utf-8") as conf:
        if variant == "code URLs":
            conf.write("errcodes_code_urls = True\n")
        elif variant != "without":
            template = "errcodes-code.html" if variant == "own template" else "errcodes-code-page.html"
            (srcdir / "_templates").mkdir()
            (srcdir / "_templates" / template).write_text(OWN_TEMPLATE if variant == "own template" else THEME_TEMPLATE, encoding="utf-8")
            (srcdir / "bench_code_pages.py").write_text(CODE_PAGES_EXTENSION.replace("TEMPLATE", repr(template)), encoding="utf-8")
            conf.write('import sys, os\nsys.path.insert(0, os.path.dirname(__file__))\nextensions.append("bench_code_pages")\ntemplates_path = ["_templates"]\nexclude_patterns = ["_templates"]\n')
    return srcdir


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--builder", default="html")
    args = parser.parse_args()
    rows: dict[str, list[Run]] = {name: [] for name in (*VARIANTS, "rebuild, nothing changed: without", "rebuild, nothing changed: code URLs", FILES)}
    with tempfile.TemporaryDirectory() as temporary:
        workdir = Path(temporary)
        projects = {variant: make_variant(variant, args.size, workdir) for variant in VARIANTS}
        pages: dict[str, tuple[int, int]] = {}  # variant -> how many code pages, of how many bytes
        for _ in range(args.repeats):
            for variant, srcdir in projects.items():
                outdir = srcdir.parent / "out"
                shutil.rmtree(outdir, ignore_errors=True)
                rows[variant].append(sphinx_build(srcdir, outdir, args.builder))
                files = list((outdir / "code").rglob("*.html")) if (outdir / "code").exists() else []
                pages[variant] = (len(files), sum(file.stat().st_size for file in files))
                if variant in ("without", "code URLs"):
                    rows[f"rebuild, nothing changed: {variant}"].append(sphinx_build(srcdir, outdir, args.builder))
            count, total = pages["code URLs"]
            rows[FILES].append(create_files_alone(workdir / "files", count, total // count))
    print(f"{args.size:,} codes, {args.builder}, median of {args.repeats} runs; CPU is user + kernel seconds, the kernel's part in brackets.\n")
    print("| | wall s | CPU s | peak MiB | code pages | wall / without | CPU / without |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, runs in rows.items():
        wall, cpu = median(runs)
        base_wall, base_cpu = median(rows["rebuild, nothing changed: without" if name.startswith("rebuild") else "without"])
        count, total = pages.get(name.rpartition(": ")[2], pages["code URLs"] if name == FILES else (0, 0))
        print(
            f"| {name} | {wall:.2f} | {cpu:.2f} ({statistics.median(run.system for run in runs):.2f}) | {statistics.median(run.peak_mib for run in runs):.0f} "
            f"| {count:,} ({total / 1024 / 1024:,.1f} MiB) | {wall / base_wall:.2f} | {cpu / base_cpu:.2f} |"
        )


FILES = "creating as many files alone"


if __name__ == "__main__":
    main()
