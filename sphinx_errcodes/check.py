"""``python -m sphinx_errcodes check FILE…``: the build's catalog checks, for pre-commit and CI.

Problems are printed as ``file:line: message`` in the same words as the
build's warnings; the status is 1 when there is any problem, 0 otherwise.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping

from sphinx_errcodes.catalog import read_catalog


def check(paths: list[str], extra_columns: Mapping[str, str], output_format: str, encoding: str) -> tuple[str, int]:
    """The report on the catalogs, and the exit status."""
    clean = []
    problems = []
    for path in paths:
        codes, found = read_catalog(path, extra_columns)
        problems.extend(found)
        if not found:
            clean.append(f"{path}: {len(codes)} codes, no problems\n")
    if output_format == "json":
        output = json_for([dataclasses.asdict(problem) for problem in problems], encoding)
    else:
        output = "".join(clean) + "".join(f"{problem}\n" for problem in problems)
    return output, 1 if problems else 0


def json_for(records: list[dict] | dict, encoding: str) -> str:
    """JSON as written, or with ``\\u`` escapes when the output's encoding cannot hold some character."""
    text = json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return json.dumps(records, indent=2) + "\n"
    return text
