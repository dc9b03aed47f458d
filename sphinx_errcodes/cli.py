"""``python -m sphinx_errcodes``: the catalog tools on the command line.

``check FILE…`` reports every problem of catalogs (:mod:`~sphinx_errcodes.check`);
``explain CODE --catalog FILE`` prints one code (:mod:`~sphinx_errcodes.explain`);
``diff OLD.json NEW.csv`` prints the changes between two releases
(:mod:`~sphinx_errcodes.diff`); ``schema`` prints the JSON Schema of
``errcodes.json``. The exit status is 0 when all is well, 1 for problems in
a catalog, an unknown code or an incompatible change between releases, and 2
(argparse's) for a usage error or a release that cannot be read, whatever
happens to the output.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from sphinx_errcodes.catalog import BUILT_IN_COLUMNS
from sphinx_errcodes.check import check
from sphinx_errcodes.diff import diff
from sphinx_errcodes.explain import explain
from sphinx_errcodes.export import schema


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sphinx_errcodes", description="Tools for sphinx-errcodes catalogs.")
    commands = parser.add_subparsers(dest="command", required=True)
    checking = commands.add_parser("check", help="report every problem of one or more CSV catalogs")
    checking.add_argument("files", nargs="+", metavar="FILE", help="a CSV catalog (code,category,description and optional columns)")
    checking.add_argument("--format", choices=("text", "json"), default="text", help="text (default): one 'file:line: message' per line; json: a list of {path, line, end_line, message}")
    explaining = commands.add_parser("explain", help="print one code of a catalog: its message and every field")
    explaining.add_argument("code", metavar="CODE_OR_NAME", help="a code (36, E0308) or a name (INSUFFICIENT_FUNDS)")
    explaining.add_argument("--catalog", required=True, metavar="FILE", help="the CSV catalog")
    explaining.add_argument("--explanations", metavar="FOLDER", help="the folder of explanation files (errcodes_explanations), to print the code's")
    comparing = commands.add_parser("diff", help="print the changes between the previous release and this one")
    comparing.add_argument("previous", metavar="OLD.json", help="the errcodes.json of the previous release")
    comparing.add_argument("current", metavar="NEW", help="the CSV catalog of this release, or its errcodes.json")
    comparing.add_argument("--format", choices=("text", "json"), default="text", help="text (default): a list per kind of change; json: the changes and problems as an object")
    for command in (checking, explaining, comparing):
        command.add_argument(
            "--extra-column",
            action="append",
            default=[],
            metavar="NAME=LABEL",
            type=_extra_column,
            help="a column of the project's own, as errcodes_extra_columns declares it (repeat for several)",
        )
    commands.add_parser("schema", help="print the JSON Schema of errcodes.json")
    arguments = parser.parse_args(argv)
    declared = [name for name, _label in getattr(arguments, "extra_column", [])]
    if len(set(declared)) != len(declared):
        parser.error("a column is given twice in --extra-column (names are not case-sensitive); keep one")

    if arguments.command == "schema":
        output, status = json.dumps(schema(), indent=2, ensure_ascii=False) + "\n", 0
    elif arguments.command == "check":
        output, status = check(arguments.files, dict(arguments.extra_column), arguments.format, _encoding())
    elif arguments.command == "diff":
        output, status = diff(arguments.previous, arguments.current, dict(arguments.extra_column), arguments.format, _encoding())
    else:
        output, status = explain(arguments.code, arguments.catalog, dict(arguments.extra_column), arguments.explanations)
    try:
        _write(output)
    except BrokenPipeError:
        # The reader is gone (`check … | head -1`). Python's recipe (the signal
        # module's note on SIGPIPE): stdout to devnull, so that the flush at exit
        # does not fail again; the status still tells what the catalogs are.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return status


def _extra_column(text: str) -> tuple[str, str]:
    name, equals, label = text.partition("=")
    if not (equals and name.strip() and label.strip()):
        raise argparse.ArgumentTypeError(f"{text!r}: write NAME=LABEL, such as owner='Owning team'")
    if name.strip().lower() in BUILT_IN_COLUMNS:
        raise argparse.ArgumentTypeError(f"{name.strip()!r} is a built-in column; give your column another name")
    return name.strip().lower(), label.strip()


def _write(text: str) -> None:
    """Print ``text``, a character that the output's encoding cannot hold as a backslash escape."""
    if sys.stdout is None:  # started with its output closed
        return
    encoding = _encoding()
    sys.stdout.write(text.encode(encoding, "backslashreplace").decode(encoding))
    sys.stdout.flush()


def _encoding() -> str:
    return getattr(sys.stdout, "encoding", None) or "utf-8"
