"""``python -m sphinx_errcodes diff OLD.json NEW.csv``: the changes between two releases, for a release pipeline.

OLD is the ``errcodes.json`` of the previous release; NEW is the catalog
(CSV) of the new one, or its ``errcodes.json`` (a file ending in ``.json``).
The changes are those of :mod:`~sphinx_errcodes.releases`, in the words of
the ``error-codes-changes`` directive, as text or as JSON. The status is 1
when a change is incompatible (a published code deleted, a retired code given
another meaning), 2 when a file cannot be read.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from sphinx_errcodes.catalog import CatalogProblem, ErrorCode, read_catalog
from sphinx_errcodes.check import json_for
from sphinx_errcodes.releases import Change, compare, described, heading, nothing_changed, problems_of, read_release


def _untranslated(text: str) -> str:
    return text  # the terminal is not translated


def diff(previous_path: str, current_path: str, extra_columns: Mapping[str, str], output_format: str, encoding: str) -> tuple[str, int]:
    """The report, and the exit status."""
    previous, problems = read_release(previous_path)
    if current_path.endswith(".json"):
        current, current_problems = read_release(current_path)
    else:
        current, current_problems = read_catalog(current_path, extra_columns)
        if any(not problem.line for problem in current_problems):  # the file cannot be read
            current = None
    problems += current_problems
    if previous is None or current is None:
        return "".join(f"{problem}\n" for problem in problems if not problem.line), 2
    changes = compare(previous, current)
    problems += problems_of(changes, current, current_path, previous_path, _untranslated)
    status = 1 if any(change.incompatible for change in changes) else 0
    if output_format == "json":
        return _as_json(previous_path, previous, current_path, current, changes, problems, encoding), status
    return _as_text(previous_path, previous, current_path, current, changes, problems), status


def _as_text(previous_path: str, previous: list[ErrorCode], current_path: str, current: list[ErrorCode], changes: list[Change], problems: list[CatalogProblem]) -> str:
    lines = [f"Previous release: {previous_path} ({len(previous)} codes)", f"This release: {current_path} ({len(current)} codes)", ""]
    if not changes:
        lines.append(nothing_changed(_untranslated))
    width = max((len(change.code) for change in changes), default=0)
    kind = None
    for change in changes:
        if change.kind != kind:
            kind = change.kind
            lines.append(f"{heading(kind, _untranslated)}:")
        text, replacement = described(change, _untranslated)
        lines.append(f"  {change.code.ljust(width)}  {text}" + (f" \N{EM DASH} {replacement % change.replaced_by}" if replacement else ""))
    if problems:
        lines += ["", *map(str, problems)]
    return "\n".join(lines) + "\n"


def _as_json(previous_path: str, previous: list[ErrorCode], current_path: str, current: list[ErrorCode], changes: list[Change], problems: list[CatalogProblem], encoding: str) -> str:
    report = {
        "previous": {"path": previous_path, "codes": len(previous)},
        "current": {"path": current_path, "codes": len(current)},
        "changes": [{**dataclasses.asdict(change), "incompatible": change.incompatible} for change in changes],
        "problems": [dataclasses.asdict(problem) for problem in problems],
    }
    return json_for(report, encoding)
