"""Profile where a build of one benchmark project spends its time.

Builds the project three times under cProfile, each in its own process: a
full build, a rebuild with nothing changed, and a rebuild after editing the
unrelated page ``guide.rst``. For each, prints how the time divides between
the phases of a Sphinx build (reading, writing the pages, the general index,
the search index, ``objects.inv``, the extension's own files), then the
functions with the most time of their own, then the functions of this
extension (``sphinx_errcodes``) by time including callees, and keeps the
``.prof`` files (for ``python -m pstats`` or snakeviz) in the work folder.
Times under cProfile are longer than without it, the shares about the same.

    .venv/bin/python benchmarks/build/profile_build.py --size 10000
"""

from __future__ import annotations

import argparse
import io
import pstats
import shutil
import subprocess
import sys
from pathlib import Path

from projects import KINDS, edit_unrelated_page, make_project
from run import DEFAULT_WORKDIR

# The phases of a build, by the function that does each: (file ending, function name).
PHASES = (
    ("loading the saved environment", "sphinx/application.py", "_load_existing_env"),
    ("reading the sources", "sphinx/builders/__init__.py", "read"),
    ("writing the pages (search words included)", "sphinx/builders/__init__.py", "write_documents"),
    ("  of which feeding the search index", "sphinx/builders/html/__init__.py", "index_page"),
    ("the general index (genindex.html)", "sphinx/builders/html/__init__.py", "write_genindex"),
    ("the search index (searchindex.js)", "sphinx/builders/html/__init__.py", "dump_search_index"),
    ("objects.inv", "sphinx/builders/html/__init__.py", "dump_inventory"),
    ("errcodes.json", "sphinx_errcodes/export.py", "write_catalog_json"),
    ("pages of codes: worked out", "sphinx_errcodes/pages.py", "start_writing_pages"),
    ("pages of codes: waiting for their writing", "sphinx_errcodes/pages.py", "finish_writing_pages"),
)


def profile(srcdir: Path, outdir: Path, output: Path) -> pstats.Stats:
    command = [sys.executable, "-m", "cProfile", "-o", str(output), "-m", "sphinx", "-b", "html", "-q", str(srcdir), str(outdir)]
    subprocess.run(command, cwd=srcdir, check=True)
    return pstats.Stats(str(output), stream=io.StringIO())


def phases(stats: pstats.Stats) -> str:
    """Seconds (under cProfile) and share of the whole build of each phase."""
    total = max(cumulative for (_cc, _nc, _tt, cumulative, _callers) in stats.stats.values())
    lines = ["| phase | s | share |", "|---|---:|---:|"]
    for title, ending, name in PHASES:
        spent = max((row[3] for (path, _line, function), row in stats.stats.items() if function == name and path.endswith(ending)), default=0.0)
        lines.append(f"| {title} | {spent:.2f} | {spent / total:.0%} |")
    lines.append(f"| the whole build | {total:.2f} | 100% |")
    return "\n".join(lines)


def report(title: str, stats: pstats.Stats, top: int) -> str:
    stats.stream = io.StringIO()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(r"sphinx_errcodes", top)
    return f"==== {title}\n\n{phases(stats)}\n{stats.stream.getvalue()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--kind", choices=KINDS, default="errcodes")
    parser.add_argument("--top", type=int, default=25, help="rows of each listing (default: %(default)s)")
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR / "profile")
    args = parser.parse_args()

    srcdir = make_project(args.kind, args.size, args.workdir)
    outdir = srcdir.parent / "html"
    shutil.rmtree(outdir, ignore_errors=True)
    name = f"{args.kind}-{args.size}"
    full = profile(srcdir, outdir, args.workdir / f"{name}-full.prof")
    unchanged = profile(srcdir, outdir, args.workdir / f"{name}-unchanged.prof")
    edit_unrelated_page(srcdir, 1)
    edited = profile(srcdir, outdir, args.workdir / f"{name}-edited.prof")
    print(report(f"full build of {name}", full, args.top))
    print(report(f"rebuild of {name} with nothing changed", unchanged, args.top))
    print(report(f"rebuild of {name} after editing guide.rst", edited, args.top))


if __name__ == "__main__":
    main()
