"""Two releases of a catalog compared: what the new one adds, retires, deprecates and changes.

The previous release is its ``errcodes.json``, as a site built with this
extension published it; the new one is a CSV catalog (or another
``errcodes.json``). :func:`compare` turns the two into a list of
:class:`Change`, which the ``error-codes-changes`` directive, the build's
guard and ``python -m sphinx_errcodes diff`` all present, so that they say
the same thing.

Two changes break clients that handled an earlier release, and are
*incompatible*: a published code that is no longer in the catalog (a client
meets it and finds no entry; the code is kept with status ``retired``), and a
retired code brought back (active or deprecated) with another message (the
code now means something else; a new error takes a new code). Anything else
is compatible: rewording an active code's message, moving a code to another
category (anchors are made from the code alone), changing its HTTP status or
retry advice, retiring or deprecating it.

Like the catalog reader, this module knows nothing of Sphinx; the words it
shows go through a ``translate`` function that the caller passes in.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sphinx_errcodes.catalog import CatalogProblem, ErrorCode, code_sort_key
from sphinx_errcodes.columns import CODE_PATTERN, CODE_RULE, OPTIONAL_COLUMNS, Column, Translate

# The errcodes.json formats this module reads: each has codes with code,
# category and description, and the optional columns under their own names.
READABLE_VERSIONS = (1, 2, 3)

# The kinds of change, in the order they are shown: the incompatible ones first.
INCOMPATIBLE = ("removed", "reused")
KINDS = (*INCOMPATIBLE, "added", "retired", "deprecated", "restored", "message", "http_status", "retryable")

_COLUMNS = {column.name: column for column in OPTIONAL_COLUMNS}


@dataclass(frozen=True)
class Change:
    """One change of one code between two releases.

    ``description`` is the code's message in the new release (in the previous
    one for a removed code); ``before`` and ``after`` are the values that
    changed, for the kinds that have them (``None`` when a release does not
    give the value).
    """

    kind: str
    code: str
    description: str
    before: Any = None
    after: Any = None
    replaced_by: str = ""  # for a retired or deprecated code: what to use instead

    @property
    def incompatible(self) -> bool:
        return self.kind in INCOMPATIBLE


def compare(previous: list[ErrorCode], current: list[ErrorCode]) -> list[Change]:
    """Every change from ``previous`` to ``current``, by kind (in :data:`KINDS` order), then by code."""
    before = {code.code: code for code in previous}
    now = {code.code: code for code in current}
    changes = [Change("removed", code.code, code.description) for code in previous if code.code not in now]
    for code in current:
        old = before.get(code.code)
        if old is None:
            changes.append(Change("added", code.code, code.description))
        else:
            changes += _changes_of(old, code)
    return sorted(changes, key=lambda change: (KINDS.index(change.kind), code_sort_key(change.code)))


def _changes_of(old: ErrorCode, new: ErrorCode) -> list[Change]:
    status_before, status_now = old.value(_COLUMNS["status"]), new.value(_COLUMNS["status"])
    replaced_by = new.value(_COLUMNS["replaced_by"])
    changes = []
    reused = status_before == "retired" and status_now != "retired" and old.description != new.description
    if reused:
        changes.append(Change("reused", new.code, new.description, old.description, new.description))
    elif old.description != new.description:
        changes.append(Change("message", new.code, new.description, old.description, new.description))
    if status_now != status_before and not reused:
        if status_now == "retired" or status_now == "deprecated" and status_before == "active":
            changes.append(Change(status_now, new.code, new.description, status_before, status_now, replaced_by))
        else:  # active again, or only deprecated after being retired
            changes.append(Change("restored", new.code, new.description, status_before, status_now))
    for name in ("http_status", "retryable"):
        if old.fields.get(name) != new.fields.get(name):
            changes.append(Change(name, new.code, new.description, old.fields.get(name), new.fields.get(name)))
    return changes


def heading(kind: str, translate: Translate) -> str:
    """The title of the list of one kind of change."""
    return {
        "removed": translate("Published before, missing from the catalog"),
        "reused": translate("Retired codes given another meaning"),
        "added": translate("Added"),
        "retired": translate("Retired"),
        "deprecated": translate("Deprecated"),
        "restored": translate("Back in use"),
        "message": translate("Changed message"),
        "http_status": translate("Changed HTTP status"),
        "retryable": translate("Changed retry advice"),
    }[kind]


def _values_shown(change: Change, translate: Translate) -> tuple[str, str] | None:
    """The value before and after, as a reader sees them; ``None`` for a kind that shows the message instead."""
    if change.kind in ("message", "reused"):
        return translate("“%s”") % change.before, translate("“%s”") % change.after
    if change.kind in ("http_status", "retryable"):
        column = _COLUMNS[change.kind]
        return tuple(column.badge(value, translate) if value is not None else translate("not given") for value in (change.before, change.after))
    return None


def described(change: Change, translate: Translate) -> tuple[str, str]:
    """What follows the code: the values before and after, or the message; and "Use %s instead." where a replacement is named."""
    shown = _values_shown(change, translate)
    text = translate("%s → %s") % shown if shown else change.description
    return text, _COLUMNS["replaced_by"].note(change.replaced_by, translate) if change.replaced_by else ""


def nothing_changed(translate: Translate) -> str:
    return translate("No error code changed in this release.")


def problems_of(changes: list[Change], current: list[ErrorCode], current_path: str, previous_path: str, translate: Translate) -> list[CatalogProblem]:
    """The incompatible changes as problems of the new catalog: at the row of a code given another meaning, at the file for one deleted."""
    lines = {code.code: (code.line, code.end_line) for code in current}
    problems = []
    for change in changes:
        if change.incompatible:
            line, end_line = lines.get(change.code, (0, 0))
            problems.append(CatalogProblem(current_path, line, problem_of(change, previous_path, current_path, translate), end_line))
    return problems


def problem_of(change: Change, previous: str, current: str, translate: Translate) -> str:
    """What to fix, for an incompatible change; ``previous`` and ``current`` name the two files."""
    if change.kind == "removed":
        return translate("code %s was published in the previous release (%s) and is missing from the catalog (%s); keep it with status retired instead of deleting it") % (
            change.code,
            previous,
            current,
        )
    return translate("code %s was retired in the previous release (%s) with the message %r, and is back with the message %r; give the new error a new code and keep %s retired") % (
        change.code,
        previous,
        change.before,
        change.after,
        change.code,
    )


def read_release(path: str | Path) -> tuple[list[ErrorCode] | None, list[CatalogProblem]]:
    """The codes of an ``errcodes.json``, and the problems found in it.

    The codes are ``None`` when the file cannot be used at all (missing, not
    JSON, not the format, or a version this module does not read); an entry
    that cannot be read is reported and left out, a value that is not as the
    format says is reported and taken as not given. Problems have line 0:
    JSON files are written on one line.
    """
    path = Path(path)
    shown = os.path.abspath(path)
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except FileNotFoundError:
        return None, [_problem(path, f"previous release not found: {shown}; give the path of its errcodes.json")]
    except (OSError, ValueError) as error:  # ValueError: a name with a NUL, or not UTF-8, or not JSON
        reason = getattr(error, "strerror", None) or str(error)
        return None, [_problem(path, f"cannot read the previous release {shown}: {reason}; give the errcodes.json that the previous release published")]
    if not isinstance(data, dict) or not isinstance(data.get("codes"), list) or "version" not in data:
        return None, [_problem(path, 'not an errcodes.json: expected an object with "version" and a list of "codes"; give the errcodes.json that the previous release published')]
    version = data["version"]
    if version not in READABLE_VERSIONS or isinstance(version, bool):
        readable = f"{READABLE_VERSIONS[0]} to {READABLE_VERSIONS[-1]}"
        if isinstance(version, int) and not isinstance(version, bool) and version > READABLE_VERSIONS[-1]:
            why = f"its format version {version} is newer than this sphinx-errcodes reads ({readable}); upgrade sphinx-errcodes"
        else:
            why = f"unknown format version {version!r}; this sphinx-errcodes reads versions {readable}"
        return None, [_problem(path, why)]
    codes: list[ErrorCode] = []
    problems: list[CatalogProblem] = []
    seen: set[str] = set()
    for index, entry in enumerate(data["codes"]):
        code = _code_of(entry, f"codes[{index}]", path, problems)
        if code is None:
            continue
        if code.code in seen:
            problems.append(_problem(path, f"codes[{index}]: code {code.code} is listed twice; the first is compared"))
            continue
        seen.add(code.code)
        codes.append(code)
    return codes, problems


def _code_of(entry: Any, where: str, path: Path, problems: list[CatalogProblem]) -> ErrorCode | None:
    if not isinstance(entry, dict):
        problems.append(_problem(path, f"{where} is not an object; it is left out"))
        return None
    missing = [key for key in ("code", "category", "description") if not isinstance(entry.get(key), str)]
    if missing:
        problems.append(_problem(path, f"{where} has no {' nor '.join(missing)} as text; it is left out"))
        return None
    if not CODE_PATTERN.fullmatch(entry["code"]):
        problems.append(_problem(path, f"{where}: {entry['code']!r} is not a code ({CODE_RULE}); it is left out"))
        return None
    fields = {}
    for name, column in _COLUMNS.items():
        if name not in entry:
            continue
        value = entry[name]
        if not _matches(column.schema, value):
            problems.append(_problem(path, f"{where}: the {name} of code {entry['code']} is {json.dumps(value, ensure_ascii=False)}, which is not {_expected(column)}; it is taken as not given"))
            continue
        value = tuple(value) if isinstance(value, list) else value
        if value != column.empty:
            fields[name] = value
    return ErrorCode(entry["code"], entry["category"], entry["description"], 0, 0, fields)


def _matches(schema: Mapping[str, Any], value: Any) -> bool:
    """Whether a value is as the column's JSON Schema says (the parts of JSON Schema that the columns use)."""
    if "enum" in schema:
        return value in schema["enum"]
    kind = schema["type"]
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool) and schema.get("minimum", value) <= value <= schema.get("maximum", value)
    if kind == "array":
        return isinstance(value, list) and all(_matches(schema["items"], item) for item in value)
    return isinstance(value, str) and ("pattern" not in schema or re.search(schema["pattern"], value) is not None)


def _expected(column: Column) -> str:
    schema = column.schema
    if "enum" in schema:
        return " or ".join(map(json.dumps, schema["enum"]))
    if schema["type"] == "integer":
        return f"a number from {schema['minimum']} to {schema['maximum']}"
    return {"boolean": "true or false", "array": "a list of codes"}.get(schema["type"], "a code" if "pattern" in schema else "text")


def _problem(path: Path, message: str) -> CatalogProblem:
    return CatalogProblem(str(path), 0, message)
