"""``python -m sphinx_errcodes check FILE…``: the build's catalog checks, for pre-commit and CI.

Problems are printed as ``file:line: message`` in the same words as the
build's warnings. The exit status says what the catalogs are, whatever
happens to the output: 1 when there is any problem, 0 otherwise (2 is
argparse's, for a usage error).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys

from sphinx_errcodes.catalog import read_catalog


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sphinx_errcodes", description="Tools for sphinx-errcodes catalogs.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="report every problem of one or more CSV catalogs")
    check.add_argument("files", nargs="+", metavar="FILE", help="a CSV catalog (code,category,description[,see_also])")
    check.add_argument("--format", choices=("text", "json"), default="text", help="text (default): one 'file:line: message' per line; json: a list of {path, line, end_line, message}")
    arguments = parser.parse_args(argv)

    clean = []
    problems = []
    for path in arguments.files:
        codes, found = read_catalog(path)
        problems.extend(found)
        if not found:
            clean.append(f"{path}: {len(codes)} codes, no problems\n")
    if arguments.format == "json":
        output = _json([dataclasses.asdict(problem) for problem in problems])
    else:
        output = "".join(clean) + "".join(f"{problem}\n" for problem in problems)
    try:
        _write(output)
    except BrokenPipeError:
        # The reader is gone (`check … | head -1`). Python's recipe (the signal
        # module's note on SIGPIPE): stdout to devnull, so that the flush at exit
        # does not fail again; the status still tells what the catalogs are.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 1 if problems else 0


def _json(records: list[dict]) -> str:
    """JSON as written, or with ``\\u`` escapes when the output's encoding cannot hold some character."""
    text = json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    try:
        text.encode(_encoding())
    except UnicodeEncodeError:
        return json.dumps(records, indent=2) + "\n"
    return text


def _write(text: str) -> None:
    """Print ``text``, a character that the output's encoding cannot hold as a backslash escape."""
    if sys.stdout is None:  # started with its output closed
        return
    encoding = _encoding()
    sys.stdout.write(text.encode(encoding, "backslashreplace").decode(encoding))
    sys.stdout.flush()


def _encoding() -> str:
    return getattr(sys.stdout, "encoding", None) or "utf-8"


if __name__ == "__main__":
    sys.exit(main())
