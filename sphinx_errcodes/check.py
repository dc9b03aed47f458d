"""``python -m sphinx_errcodes check FILE…``: the build's catalog checks, for pre-commit and CI.

Problems are printed as ``file:line: message`` in the same words as the
build's warnings; the exit status is 1 when there is any, 0 otherwise.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys

from sphinx_errcodes.catalog import read_catalog


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sphinx_errcodes", description="Tools for sphinx-errcodes catalogs.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="report every problem of one or more CSV catalogs")
    check.add_argument("files", nargs="+", metavar="FILE", help="a CSV catalog (code,category,description[,see_also])")
    check.add_argument("--format", choices=("text", "json"), default="text", help="text (default): one 'file:line: message' per line; json: a list of {path, line, message}")
    arguments = parser.parse_args(argv)

    problems = []
    for path in arguments.files:
        codes, found = read_catalog(path)
        problems.extend(found)
        if arguments.format == "text" and not found:
            print(f"{path}: {len(codes)} codes, no problems")
    if arguments.format == "json":
        print(json.dumps([dataclasses.asdict(problem) for problem in problems], ensure_ascii=False, indent=2))
    else:
        for problem in problems:
            print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
