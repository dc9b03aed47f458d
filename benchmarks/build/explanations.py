"""The cost of explanations: the full build of the benchmark's ``errcodes`` project, with its explanations and without.

The project (see projects.py) has an explanation for every tenth code of its
first catalog, each a paragraph, a heading, a list and a code block, like a
real explanation; the other is the same project without them. Builds
alternate between the two, so that both meet the same load.

    .venv/bin/python benchmarks/build/explanations.py [--size 10000] [--repeats 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
from pathlib import Path

from projects import make_project
from run import median, sphinx_build


def without_explanations(srcdir: Path) -> None:
    shutil.rmtree(srcdir / "explanations")
    conf = srcdir / "conf.py"
    conf.write_text("".join(line for line in conf.read_text(encoding="utf-8").splitlines(keepends=True) if not line.startswith("errcodes_explanations")), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        workdir = Path(temporary)
        plain = make_project("errcodes", args.size, workdir / "plain")
        without_explanations(plain)
        explained = make_project("errcodes", args.size, workdir / "explained")
        count = len(list((explained / "explanations").iterdir()))
        runs = {"without": [], "with": []}
        for _ in range(args.repeats):
            for name, srcdir in (("without", plain), ("with", explained)):
                outdir = srcdir.parent / "html"
                shutil.rmtree(outdir, ignore_errors=True)
                runs[name].append(sphinx_build(srcdir, outdir))
    (without_wall, without_cpu), (with_wall, with_cpu) = median(runs["without"]), median(runs["with"])
    print(f"| {args.size:,} codes, full build, median of {args.repeats} | wall s | CPU s | peak MiB |")
    print("|---|---:|---:|---:|")
    print(f"| without explanations | {without_wall:.2f} | {without_cpu:.2f} | {statistics.median(run.peak_mib for run in runs['without']):.0f} |")
    print(f"| with {count:,} explanations | {with_wall:.2f} | {with_cpu:.2f} | {statistics.median(run.peak_mib for run in runs['with']):.0f} |")
    print(f"| ratio | {with_wall / without_wall:.2f} | {with_cpu / without_cpu:.2f} | |")


if __name__ == "__main__":
    main()
