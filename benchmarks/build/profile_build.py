"""Profile where a build of one benchmark project spends its time.

Builds the project twice under cProfile, each in its own process: a full
build, then a rebuild after editing the unrelated page ``guide.rst``. Prints
for each the functions with the most time of their own, then the functions
of this extension (``sphinx_errcodes``) by time including callees, and keeps
the ``.prof`` files (for ``python -m pstats`` or snakeviz) in the work folder.

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


def profile(srcdir: Path, outdir: Path, output: Path) -> pstats.Stats:
    command = [sys.executable, "-m", "cProfile", "-o", str(output), "-m", "sphinx", "-b", "html", "-q", str(srcdir), str(outdir)]
    subprocess.run(command, cwd=srcdir, check=True)
    return pstats.Stats(str(output), stream=io.StringIO())


def report(title: str, stats: pstats.Stats, top: int) -> str:
    stats.stream = io.StringIO()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(r"sphinx_errcodes", top)
    return f"==== {title}\n{stats.stream.getvalue()}"


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
    edit_unrelated_page(srcdir, 1)
    edited = profile(srcdir, outdir, args.workdir / f"{name}-edited.prof")
    print(report(f"full build of {name}", full, args.top))
    print(report(f"rebuild of {name} after editing guide.rst", edited, args.top))


if __name__ == "__main__":
    main()
