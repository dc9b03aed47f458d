"""Benchmark ``.. error-codes::`` against ``.. csv-table::`` and an empty site.

For every catalog size, three projects (see ``projects.py``) are built with
furo, one build at a time, each in a fresh ``python -m sphinx -b html -q``
subprocess:

- full build: empty output folder; median wall time of ``--repeats`` runs
  (and median CPU time, user + system, which other work on a shared machine
  disturbs less), and the largest peak memory (``ru_maxrss`` of that build's
  own process);
- the sizes of ``errors.html`` (the reference page) and ``searchindex.js``;
- rebuild when nothing changed, and rebuild after editing ``guide.rst`` (a
  page unrelated to the codes): medians, and whether the edit made Sphinx
  re-read or re-write the reference page (it must not).

Repeats alternate between the projects so that a slow moment of the machine
does not land on one of them only. Results go to ``<workdir>/results.json``
and are printed as Markdown tables, with the ratios the targets are set on.

    .venv/bin/python benchmarks/build/run.py
    .venv/bin/python benchmarks/build/run.py --sizes 100 1000 --repeats 3
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import NamedTuple

import sphinx

from projects import KINDS, edit_unrelated_page, make_project

DEFAULT_SIZES = (100, 1_000, 10_000, 100_000)
DEFAULT_WORKDIR = Path(__file__).resolve().parents[1] / "results" / "build"
REFERENCE_PAGE = "errors"


class Run(NamedTuple):
    """One build."""

    wall: float  # seconds
    cpu: float  # user + system seconds of the build's process
    peak_mib: float
    system: float = 0.0  # the part of cpu spent in the kernel (creating files, say)


@dataclass
class Figures:
    """What one project of one size measured."""

    kind: str
    size: int
    full: list[Run] = field(default_factory=list)
    unchanged: list[Run] = field(default_factory=list)
    edited: list[Run] = field(default_factory=list)
    page_bytes: int = 0
    searchindex_bytes: int = 0
    edit_rereads_reference: bool = False
    edit_rewrites_reference: bool = False

    @property
    def peak_mib(self) -> float:
        return max(run.peak_mib for run in self.full)


def median(runs: list[Run]) -> tuple[float, float]:
    """The median wall time and, separately, the median CPU time."""
    return statistics.median(run.wall for run in runs), statistics.median(run.cpu for run in runs)


def sphinx_build(srcdir: Path, outdir: Path, builder: str = "html") -> Run:
    """Build ``srcdir`` into ``outdir`` in a child process.

    ``os.wait4`` gives the resource usage of this child alone, so the CPU
    time and peak memory are that build's. Any warning or error stops the
    benchmark: the figures of a broken build would mean nothing.
    """
    command = [sys.executable, "-m", "sphinx", "-b", builder, "-q", str(srcdir), str(outdir)]
    with tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=srcdir, stdout=subprocess.DEVNULL, stderr=stderr)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        stderr.seek(0)
        messages = stderr.read().decode(errors="replace")
    if child.returncode or messages:
        raise SystemExit(f"the build of {srcdir} failed or warned:\n{messages}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, usage.ru_stime)


def mtime(path: Path) -> int:
    return path.stat().st_mtime_ns


def measure_size(size: int, repeats: int, workdir: Path) -> list[Figures]:
    projects = {kind: make_project(kind, size, workdir) for kind in KINDS}
    outdirs = {kind: srcdir.parent / "html" for kind, srcdir in projects.items()}
    figures = {kind: Figures(kind, size) for kind in KINDS}

    for _ in range(repeats):
        for kind in KINDS:
            shutil.rmtree(outdirs[kind], ignore_errors=True)
            figures[kind].full.append(sphinx_build(projects[kind], outdirs[kind]))
    for kind in KINDS:
        figures[kind].page_bytes = (outdirs[kind] / f"{REFERENCE_PAGE}.html").stat().st_size
        figures[kind].searchindex_bytes = (outdirs[kind] / "searchindex.js").stat().st_size

    for _ in range(repeats):
        for kind in KINDS:
            figures[kind].unchanged.append(sphinx_build(projects[kind], outdirs[kind]))

    for revision in range(repeats):
        for kind in KINDS:
            page = outdirs[kind] / f"{REFERENCE_PAGE}.html"
            doctree = outdirs[kind] / ".doctrees" / f"{REFERENCE_PAGE}.doctree"
            guide = outdirs[kind] / "guide.html"
            before = mtime(page), mtime(doctree), mtime(guide)
            edit_unrelated_page(projects[kind], revision)
            figures[kind].edited.append(sphinx_build(projects[kind], outdirs[kind]))
            if mtime(guide) == before[2]:
                raise SystemExit(f"editing guide.rst did not rebuild guide.html in {outdirs[kind]}")
            figures[kind].edit_rereads_reference |= mtime(doctree) != before[1]
            figures[kind].edit_rewrites_reference |= mtime(page) != before[0]
    return list(figures.values())


def kib(size: int) -> str:
    return f"{size / 1024:,.0f} KiB"


def seconds(runs: list[Run]) -> str:
    """Median wall time, with the median CPU time in brackets."""
    wall, cpu = median(runs)
    return f"{wall:.2f} ({cpu:.2f})"


def ratio(numerator: list[Run], denominator: list[Run], digits: int = 2) -> str:
    """Ratio of median wall times, with the ratio of median CPU times in brackets."""
    (top_wall, top_cpu), (bottom_wall, bottom_cpu) = median(numerator), median(denominator)
    return f"{top_wall / bottom_wall:.{digits}f} ({top_cpu / bottom_cpu:.{digits}f})"


def figures_table(results: list[Figures]) -> str:
    lines = [
        "| codes | project | full build, s | peak memory, MiB | errors.html | searchindex.js "
        "| rebuild, nothing changed, s | rebuild, unrelated page edited, s | edit re-reads / re-writes errors page |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for f in results:
        touched = f"{'yes' if f.edit_rereads_reference else 'no'} / {'yes' if f.edit_rewrites_reference else 'no'}"
        lines.append(
            f"| {f.size:,} | {f.kind} | {seconds(f.full)} | {f.peak_mib:,.0f} | {kib(f.page_bytes)} | {kib(f.searchindex_bytes)} "
            f"| {seconds(f.unchanged)} | {seconds(f.edited)} | {touched} |"
        )
    return "\n".join(lines)


def ratios_table(results: list[Figures]) -> str:
    """The ratios the targets of issue 14 are set on, for every size measured."""
    by = {(f.kind, f.size): f for f in results}
    lines = [
        "| codes | full build, errcodes / csv-table (target ≤ 0.25 at 10,000) | edit rebuild, errcodes / baseline (target ≤ 1.2 at 10,000) "
        "| rebuild with nothing changed, errcodes / baseline (target ≤ 2 at 100,000) | full build, errcodes / errcodes at a tenth of the codes (target ≤ 10 from 10,000 to 100,000) "
        "| peak memory of the full build, errcodes / csv-table (target ≤ 0.5 at 100,000) |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for size in sorted({f.size for f in results}):
        ours, table, empty = by["errcodes", size], by["csv-table", size], by["baseline", size]
        smaller = by.get(("errcodes", size // 10))
        growth = ratio(ours.full, smaller.full, digits=1) if smaller else "–"
        lines.append(
            f"| {size:,} | {ratio(ours.full, table.full)} | {ratio(ours.edited, empty.edited)} "
            f"| {ratio(ours.unchanged, empty.unchanged)} | {growth} | {ours.peak_mib / table.peak_mib:.2f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=DEFAULT_SIZES, help="catalog sizes (default: %(default)s)")
    parser.add_argument("--repeats", type=int, default=5, help="runs of each measure up to 10,000 codes (default: %(default)s)")
    parser.add_argument("--large-repeats", type=int, default=2, help="runs of each measure above 10,000 codes (default: %(default)s)")
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR, help="where projects and results.json go (default: %(default)s)")
    args = parser.parse_args()

    args.workdir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    results: list[Figures] = []
    for size in sorted(args.sizes):
        repeats = args.repeats if size <= 10_000 else args.large_repeats
        print(f"{size:,} codes, {repeats} runs of each measure...", file=sys.stderr, flush=True)
        results += measure_size(size, repeats, args.workdir)

    machine = f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, Sphinx {sphinx.__version__}"
    minutes = (time.perf_counter() - started) / 60
    (args.workdir / "results.json").write_text(
        json.dumps({"machine": machine, "minutes": minutes, "figures": [asdict(f) for f in results]}, indent=2),
        encoding="utf-8",
    )
    print(f"{machine}; the whole run took {minutes:.1f} minutes. Times: median wall seconds (median CPU seconds).\n")
    print(figures_table(results) + "\n")
    print(ratios_table(results))


if __name__ == "__main__":
    main()
