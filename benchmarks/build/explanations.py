"""The cost of explanations: the full build of a 10,000-code catalog with 1,000 explanation files, against the same without.

Both projects are the benchmark's ``errcodes`` project (see projects.py);
one has an ``explanations/`` folder with a file for every tenth code, each a
paragraph, a list and a code block, like a real explanation. Builds
alternate between the two, so that both meet the same load.

    .venv/bin/python benchmarks/build/explanations.py [--size 10000] [--explained 1000] [--repeats 5]
"""

from __future__ import annotations

import argparse
import csv
import shutil
import statistics
import tempfile
from pathlib import Path

from projects import make_project
from run import median, sphinx_build

EXPLANATION = """The request was refused with code {code}.

What to check
-------------

- the parameters of the request;
- the account the request is made for.

.. code-block:: json

   {{"code": {code}}}
"""


def add_explanations(srcdir: Path, count: int) -> None:
    with open(srcdir / "codes.csv", encoding="utf-8", newline="") as catalog:
        codes = [row["code"] for row in csv.DictReader(catalog)]
    folder = srcdir / "explanations"
    folder.mkdir()
    step = max(1, len(codes) // count)
    for code in codes[::step][:count]:
        (folder / f"{code}.rst").write_text(EXPLANATION.format(code=code), encoding="utf-8")
    with open(srcdir / "conf.py", "a", encoding="utf-8") as conf:
        conf.write('errcodes_explanations = "explanations"\n')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--explained", type=int, default=1_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        workdir = Path(temporary)
        plain = make_project("errcodes", args.size, workdir / "plain")
        explained = make_project("errcodes", args.size, workdir / "explained")
        add_explanations(explained, args.explained)
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
    print(f"| with {args.explained:,} explanations | {with_wall:.2f} | {with_cpu:.2f} | {statistics.median(run.peak_mib for run in runs['with']):.0f} |")
    print(f"| ratio | {with_wall / without_wall:.2f} | {with_cpu / without_cpu:.2f} | |")


if __name__ == "__main__":
    main()
