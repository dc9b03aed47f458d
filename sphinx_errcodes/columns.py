"""The optional columns of a catalog, declared once.

Each :class:`Column` says how a cell is read and checked, how its value is
shown on the page, and how it is written to ``errcodes.json`` with the JSON
Schema of that value. The CSV reader (:mod:`~sphinx_errcodes.catalog`), the
page (:mod:`~sphinx_errcodes.html`), the other builders
(:mod:`~sphinx_errcodes.nodes`), ``errcodes.json`` and its schema
(:mod:`~sphinx_errcodes.export`) all follow these declarations: a new column
is one more :class:`Column` in :data:`OPTIONAL_COLUMNS`.

Like the reader, this module knows nothing of Sphinx. What it shows is
written through a ``translate`` function that the Sphinx side passes in
(``sphinx.locale._``), so that every word is in the message catalog.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

Translate = Callable[[str], str]

# A code, and a name: letters, digits, '_', '.' and '-', not starting or
# ending with a dot (search pages split object names at dots).
CODE_PATTERN = re.compile(r"(?!\.)[A-Za-z0-9_.\-]+(?<!\.)")
CODE_RULE = "a code is an integer (such as 36 or -99) or letters, digits, '_', '.' and '-' (such as E0308), not starting or ending with '.'"


class CellError(ValueError):
    """A cell that cannot be read as written: what to write instead, and the value kept meanwhile."""

    def __init__(self, message: str, kept: Any = None) -> None:
        super().__init__(message)
        self.kept = kept


@dataclass(frozen=True)
class Column:
    """One optional column of the catalog.

    ``read`` turns a non-empty cell (spaces around it removed) into a value,
    or raises :class:`CellError`. An empty cell, or a column the catalog
    does not have, gives ``empty``, which is neither shown nor exported.
    """

    name: str
    label: str  # what the column holds, where a value is shown with a label (explain, the project's own columns)
    read: Callable[[str], Any]
    schema: Mapping[str, Any]  # of the value in errcodes.json
    empty: Any = None
    # How the value is shown: as a short badge beside the code, or as a line under the message.
    badge: Callable[[Any, Translate], str] | None = None
    note: Callable[[Any, Translate], str] | None = None  # "%s" stands for the links to the codes it names
    names_codes: bool = False  # the value is codes of the catalog: each must exist and not be the row's own
    unique: bool = False  # no two rows have the same value, nor a value that is another row's code
    filterable: bool = False  # the filter box matches it (name:, http:, retryable, status:)
    declared_by_project: bool = False  # in errcodes_extra_columns; errcodes.json has these under "extra"
    free_text: bool = False  # any text, so checked for characters that are not text; the other readers take a strict form

    @property
    def css(self) -> str:
        return "errcodes-extra" if self.declared_by_project else f"errcodes-{self.name.replace('_', '-')}"

    def codes_named(self, value: Any) -> tuple[str, ...]:
        if not self.names_codes or value == self.empty:
            return ()
        return value if isinstance(value, tuple) else (value,)


def _code_list(cell: str) -> tuple[str, ...]:
    codes = tuple(cell.replace(",", " ").split())
    wrong = [code for code in codes if not CODE_PATTERN.fullmatch(code)]
    if wrong:
        raise CellError(f"{', '.join(map(repr, wrong))} is not a code: {CODE_RULE}", tuple(code for code in codes if code not in wrong))
    return codes


def _one_code(cell: str) -> str:
    if not CODE_PATTERN.fullmatch(cell):
        raise CellError(f"{cell!r} is not a code: write one code of the catalog ({CODE_RULE})")
    return cell


def _name(cell: str) -> str:
    if not CODE_PATTERN.fullmatch(cell):
        raise CellError(f"{cell!r} is not a name: write ASCII letters, digits, '_', '.' and '-' (such as NOT_FOUND or ENOENT), not starting or ending with '.'")
    return cell


def _http_status(cell: str) -> int:
    # Three ASCII digits, as HTTP writes them: no sign, no leading zero, and no int() of a huge number.
    if not (len(cell) == 3 and cell.isascii() and cell.isdigit() and 100 <= int(cell) <= 599):
        raise CellError(f"{cell!r} is not an HTTP status: write a number from 100 to 599, such as 404")
    return int(cell)


_YES_NO = {"yes": True, "true": True, "no": False, "false": False}


def _retryable(cell: str) -> bool:
    try:
        return _YES_NO[cell.lower()]
    except KeyError:
        raise CellError(f"{cell!r} is not yes or no: write yes or no (true and false work too), or leave the cell empty when it is not known") from None


STATUSES = ("active", "deprecated", "retired")


def _status(cell: str) -> str:
    if cell.lower() not in STATUSES:
        raise CellError(f"{cell!r} is not a status: write active, deprecated or retired (empty means active)", "active")
    return cell.lower()


def _text(cell: str) -> str:
    return cell


def _http_badge(status: int, translate: Translate) -> str:
    try:
        return f"HTTP {status} {HTTPStatus(status).phrase}"
    except ValueError:  # a status outside the standard, such as 499
        return f"HTTP {status}"


def _retryable_badge(retryable: bool, translate: Translate) -> str:
    return translate("Retryable") if retryable else translate("Not retryable")


def _status_badge(status: str, translate: Translate) -> str:
    return {"deprecated": translate("Deprecated"), "retired": translate("Retired")}.get(status, "")


def _since_badge(version: str, translate: Translate) -> str:
    return translate("Since %s") % version


def _replaced_by_note(code: str, translate: Translate) -> str:
    return translate("Use %s instead.")


def _see_also_note(codes: tuple[str, ...], translate: Translate) -> str:
    return translate("See also: %s")


# Without lookaround, which some validators (RE2) cannot compile.
CODE_SCHEMA = {"type": "string", "pattern": "^[A-Za-z0-9_-]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?$"}

OPTIONAL_COLUMNS: tuple[Column, ...] = (
    Column("name", "name", _name, {"description": "The code's symbolic name, unique in the catalog.", **CODE_SCHEMA}, empty="", unique=True, filterable=True),
    Column(
        "http_status",
        "HTTP status",
        _http_status,
        {"description": "The HTTP status that comes with the error.", "type": "integer", "minimum": 100, "maximum": 599},
        badge=_http_badge,
        filterable=True,
    ),
    Column(
        "retryable",
        "retryable",
        _retryable,
        {"description": "Whether the request may be retried as it is; absent when not known.", "type": "boolean"},
        badge=_retryable_badge,
        filterable=True,
    ),
    Column("since", "since", _text, {"description": "The version that introduced the code.", "type": "string"}, empty="", badge=_since_badge, free_text=True),
    Column(
        "status",
        "status",
        _status,
        {"description": "deprecated or retired; absent for an active code.", "enum": ["deprecated", "retired"]},
        empty="active",
        badge=_status_badge,
        filterable=True,
    ),
    Column(
        "replaced_by",
        "replaced by",
        _one_code,
        {"description": "The code to use instead.", **CODE_SCHEMA},
        empty="",
        note=_replaced_by_note,
        names_codes=True,
    ),
    Column(
        "see_also",
        "see also",
        _code_list,
        {"description": "Codes named in the catalog's see_also column.", "type": "array", "items": CODE_SCHEMA},
        empty=(),
        note=_see_also_note,
        names_codes=True,
    ),
)


def extra_column(name: str, label: str) -> Column:
    """A column that a project declares in ``errcodes_extra_columns``: text, shown as "label: value"."""
    return Column(name, label, _text, {"type": "string"}, empty="", note=lambda value, translate: translate("%(label)s: %(value)s") % {"label": label, "value": value}, declared_by_project=True, free_text=True)


def columns_with(extra: Mapping[str, str]) -> dict[str, Column]:
    """Every optional column by name: the built-in ones, then the project's own."""
    columns = {column.name: column for column in OPTIONAL_COLUMNS}
    columns.update((name, extra_column(name, label)) for name, label in extra.items() if name not in columns)
    return columns
