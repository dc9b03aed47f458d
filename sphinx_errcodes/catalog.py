"""Read and validate a CSV catalog of error codes.

This module knows nothing of Sphinx: it turns a file into plain data
(:class:`ErrorCode`) and a list of :class:`CatalogProblem`, each with the
line it comes from, so that any front end (the Sphinx build, the command
line checker) reports the same problems in the same words.

The CSV reader is our own, not the csv module: a quote left open must be
reported where it opens with the lines it takes, and those lines read again
as rows; and a field may be of any length (the csv module's limit is global).
It reads what the csv module reads, with its default dialect.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any
from collections.abc import Mapping

from sphinx_errcodes.columns import CODE_PATTERN, CODE_RULE, OPTIONAL_COLUMNS, CellError, Column, columns_with

REQUIRED_COLUMNS = ("code", "category", "description")
BUILT_IN_COLUMNS = REQUIRED_COLUMNS + tuple(column.name for column in OPTIONAL_COLUMNS)
UNCATEGORIZED = "Uncategorized"

_CODE = CODE_PATTERN
_INTEGER = re.compile(r"-?[0-9]+")
_DIGIT_RUNS = re.compile(r"([0-9]+)")
# Characters that are never text, reported and replaced in every text column.
# XML 1.0, and so EPUB and the XML builders, cannot hold the C0 controls but
# tab and line breaks, U+FFFE, U+FFFF and lone surrogates (the UTF-8 decoder
# replaces these already; errors="surrogateescape" would let them through).
# XML allows but discourages DEL, the C1 controls and the other non-characters
# (U+FDD0-U+FDEF and the last two of every plane): they are taken too, as in a
# UTF-8 file a C1 control is Windows-1252 text decoded as Latin-1 ("\x80" for
# "€"), and a non-character is never meant as text.
_NOT_TEXT = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(chr(plane + 0xFFFE) + chr(plane + 0xFFFF) for plane in range(0, 0x110000, 0x10000))
    + "]"
)
_CODE_RULE = CODE_RULE


# Not slotted: the build environment pickles every code, and slotted
# dataclasses pickle several times slower.
@dataclass(frozen=True)
class ErrorCode:
    """One row of the catalog."""

    code: str
    category: str
    description: str
    line: int
    end_line: int = 0  # the row's last line: a quoted field may run over several; 0 when not read from a file
    fields: dict[str, Any] = field(default_factory=dict)  # the optional columns that have a value, by name; not to be changed

    def value(self, column: Column) -> Any:
        """The value of an optional column; its empty value when the row has none."""
        return self.fields.get(column.name, column.empty)

    @property
    def sort_key(self) -> tuple:
        return code_sort_key(self.code)


@dataclass(frozen=True, slots=True)
class CatalogProblem:
    """Something wrong with the catalog, and where: lines ``line`` to ``end_line``.

    A problem of one line has ``end_line == line``; one of the whole file
    (it cannot be read, say) has line 0.
    """

    path: str
    line: int
    message: str
    end_line: int = 0

    @property
    def location(self) -> str:
        """``file:line``, or the file alone for a problem of the whole file (line 0)."""
        return f"{self.path}:{self.line}" if self.line else self.path

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


def anchor_for(code: str) -> str:
    """The HTML id of a code's entry, derived from the code alone (a page may add a prefix)."""
    return f"code-{code}"


def code_sort_key(code: str) -> tuple:
    """Integers sort numerically, other codes naturally (E2 before E10).

    Numbers are Decimals: int() refuses more than 4,300 digits, and a code may have more.
    """
    if _INTEGER.fullmatch(code):
        return (0, Decimal(code), code)
    # split() puts the digit runs at the odd places: text, digits, text, …
    parts = tuple(
        (0, Decimal(part)) if place % 2 else (1, part.lower())
        for place, part in enumerate(_DIGIT_RUNS.split(code))
        if part
    )
    return (1, parts, code)


def group_by_category(codes: list[ErrorCode]) -> list[tuple[str, list[ErrorCode]]]:
    """Categories in order of first appearance, codes sorted inside each."""
    groups: dict[str, list[ErrorCode]] = {}
    for code in codes:
        groups.setdefault(code.category, []).append(code)
    return [(category, sorted(members, key=lambda c: c.sort_key)) for category, members in groups.items()]


@dataclass(frozen=True)
class SharedMessage:
    """The other codes whose description is exactly the same as one code's."""

    codes: tuple[str, ...]  # the first SHARED_CODES_SHOWN of them, in code order
    total: int


# A message shared by thousands of codes would otherwise list every one under each.
SHARED_CODES_SHOWN = 10


def codes_sharing_description(codes: list[ErrorCode]) -> dict[str, SharedMessage]:
    """For each code whose description other codes have too, those codes."""
    by_description: dict[str, list[ErrorCode]] = {}
    for code in codes:
        if code.description:
            by_description.setdefault(code.description, []).append(code)
    shared: dict[str, SharedMessage] = {}
    for group in by_description.values():
        if len(group) < 2:
            continue
        first = [code.code for code in sorted(group, key=lambda c: c.sort_key)[: SHARED_CODES_SHOWN + 1]]
        for code in group:
            shown = tuple(other for other in first if other != code.code)[:SHARED_CODES_SHOWN]
            shared[code.code] = SharedMessage(shown, len(group) - 1)
    return shared


def read_catalog(path: str | Path, extra_columns: Mapping[str, str] = MappingProxyType({})) -> tuple[list[ErrorCode], list[CatalogProblem]]:
    """Turn a CSV file into its codes and the problems found in it.

    Never raises for bad input: every problem becomes a :class:`CatalogProblem`
    and every row that can be rendered is returned.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except (OSError, ValueError) as error:  # ValueError: a name the OS cannot take, such as one with a NUL
        return [], [CatalogProblem(str(path), 0, _cannot_read(path, error))]
    return parse_catalog(data, str(path), extra_columns)


def _cannot_read(path: Path, error: OSError | ValueError) -> str:
    # The absolute path, not the resolved one: resolving a symlink loop raises,
    # and a dangling link would name its target instead of the file that was set.
    shown = _printable(os.path.abspath(path))
    if isinstance(error, FileNotFoundError):
        if path.is_symlink():
            return f"catalog file not found: {shown} is a symbolic link to {_printable(os.readlink(path))}, which does not exist"
        return f"catalog file not found: {shown}"
    if "\x00" in str(path):
        reason = "a file name cannot contain a NUL character"
    else:
        reason = getattr(error, "strerror", None) or str(error)
    return f"cannot read catalog file {shown}: {reason}"


def _printable(text: str) -> str:
    """Text for a one-line message: as it is, or as a Python literal if it holds line breaks or other unprintable characters."""
    return text if text.isprintable() else repr(text)


def parse_catalog(data: bytes, path: str, extra_columns: Mapping[str, str] = MappingProxyType({})) -> tuple[list[ErrorCode], list[CatalogProblem]]:
    """The body of :func:`read_catalog`, for data that is already in memory.

    ``extra_columns`` names the project's own columns, with their labels.
    """
    return _CatalogParser(path, columns_with(extra_columns)).parse(data)


# CSV as the csv module reads it: a line ends at CRLF, LF or CR; a quoted
# field holds anything, a quote written twice; an unquoted one, no comma or
# line break (a quote inside it is kept as it is).
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_QUOTED_FIELD = re.compile(r'"([^"]*(?:""[^"]*)*)("?)')
_UNQUOTED_FIELD = re.compile(r"[^,\r\n]*")
_QUOTING_RULE = "put a field that contains commas, quotes or line breaks in double quotes and double any quote inside it"


def _lines(first: int, last: int) -> str:
    return f"line {first}" if first == last else f"lines {first}-{last}"


def _describe(character: str) -> str:
    point = ord(character)
    if 0xD800 <= point <= 0xDFFF:
        kind = "a lone surrogate"
    elif point <= 0x9F:
        kind = "a control character"
    else:
        kind = "a non-character"
    return f"{kind} (U+{point:04X})"


class _CatalogParser:
    def __init__(self, path: str, optional_columns: Mapping[str, Column]) -> None:
        self.path = path
        self.optional_columns = optional_columns
        self.known_columns = REQUIRED_COLUMNS + tuple(optional_columns)
        self.problems: list[CatalogProblem] = []
        self.codes: list[ErrorCode] = []
        self.first_line_of: dict[str, int] = {}
        self.line_starts: list[int] = [0]  # the offset in the text where each line starts
        # Set once the header is read; until then a line inside a quoted field
        # is compared with the required columns to tell whether it is a row.
        self.columns: list[str] | None = None

    def report(self, line: int, end_line: int, message: str) -> None:
        self.problems.append(CatalogProblem(self.path, line, message, end_line))

    def parse(self, data: bytes) -> tuple[list[ErrorCode], list[CatalogProblem]]:
        text = self._decode(data)
        self.line_starts += [match.end() for match in _LINE_BREAK.finditer(text)]
        records = self._records(text)
        header = next(records, None)
        if header is None:
            self.report(1, 1, "the catalog is empty; write a header row 'code,category,description' and one row per code")
            return self.codes, self.problems
        self.columns = self._columns(*header, last_line=self._line_of(len(text) - 1))
        if self.columns is not None:
            for record in records:
                self._add_row(*record, self.columns)
        self._check_across_rows()
        self._check_replacements()
        self.problems.sort(key=lambda problem: problem.line)  # in the order of the file, as a reader goes through it
        return self.codes, self.problems

    def _line_of(self, offset: int) -> int:
        return bisect_right(self.line_starts, offset)

    def _check_across_rows(self) -> None:
        """What one row cannot tell: codes named in a cell exist, and unique values are unique.

        A value that fails is reported and left out; the rest of the row stays.
        """
        first_row_with: dict[tuple[str, Any], ErrorCode] = {}
        for index, code in enumerate(self.codes):
            fields = dict(code.fields)
            for name, value in code.fields.items():
                column = self.optional_columns[name]
                if column.names_codes:
                    kept = self._codes_named(code, column, value)
                    fields[name] = kept if isinstance(value, tuple) else (kept[0] if kept else column.empty)
                elif column.unique:
                    if value == code.code:
                        self.report(code.line, code.end_line, f"the {name} of code {code.code} is the code itself; leave the {name} empty or give another")
                        fields[name] = column.empty
                    elif value in self.first_line_of:
                        self.report(code.line, code.end_line, f"the {name} {value!r} of code {code.code} is the code on line {self.first_line_of[value]}; give the code another {name}")
                        fields[name] = column.empty
                    elif (name, value) in first_row_with:
                        other = first_row_with[name, value]
                        self.report(code.line, code.end_line, f"the {name} {value!r} of code {code.code} is already the {name} of code {other.code} on line {other.line}; keep each {name} unique")
                        fields[name] = column.empty
                    else:
                        first_row_with[name, value] = code
            fields = {name: value for name, value in fields.items() if value != self.optional_columns[name].empty}
            if fields != code.fields:
                self.codes[index] = replace(code, fields=fields)

    def _check_replacements(self) -> None:
        """A replacement that is retired itself sends readers to another dead end."""
        status = {code.code: code.fields.get("status", "active") for code in self.codes}
        for code in self.codes:
            replacement = code.fields.get("replaced_by")
            if replacement and status.get(replacement) == "retired":
                self.report(code.line, code.end_line, f"code {code.code} is replaced by {replacement}, which is retired too; name a code in use")

    def _codes_named(self, code: ErrorCode, column: Column, value: Any) -> tuple[str, ...]:
        """The codes a cell names that lead somewhere, once each; the others reported."""
        kept: list[str] = []
        seen: set[str] = set()
        for other in column.codes_named(value):
            if other in seen:
                if other != code.code:
                    self.report(code.line, code.end_line, f"code {code.code} has {other} twice in {column.name}; keep it once")
            elif other == code.code:
                self.report(code.line, code.end_line, f"code {code.code} has itself in {column.name}; remove {other} from its {column.name}")
            elif other not in self.first_line_of:
                self.report(code.line, code.end_line, f"code {code.code} has {column.name} {other!r}, which is not a code of this catalog; fix or remove it")
            else:
                kept.append(other)
            seen.add(other)
        return tuple(kept)

    def _decode(self, data: bytes) -> str:
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            before = data[: error.start]
            line = before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1
            self.report(
                line,
                line,
                f"the file is not valid UTF-8 (byte 0x{data[error.start]:02x}); save it as UTF-8. "
                "Undecodable bytes are shown as \N{REPLACEMENT CHARACTER}",
            )
            return data.decode("utf-8-sig", errors="replace")

    def _records(self, text: str):
        """Yield (first line, last line, fields) for every record with some text in it."""
        position = 0
        while position < len(text):
            start = position
            fields, position = self._record(text, start)
            line_break = _LINE_BREAK.match(text, position)
            if fields is not None and any(field.strip() for field in fields):
                yield self._line_of(start), self._line_of(max(start, position - 1)), [field.strip() for field in fields]
            position = line_break.end() if line_break else len(text)

    def _record(self, text: str, start: int) -> tuple[list[str] | None, int]:
        """The fields of the record at ``start`` (None if it cannot be read, reported), and where it ends: a line break or the end."""
        fields = []
        position = start
        while True:
            if text.startswith('"', position):
                field, position = self._quoted_field(text, position)
                if field is None:
                    self.report(self._line_of(start), self._line_of(position - 1), f"malformed CSV: a quoted field is followed by text, not by a comma or the end of the line; {_QUOTING_RULE}")
                    line_break = _LINE_BREAK.search(text, position)
                    return None, line_break.start() if line_break else len(text)
            else:
                match = _UNQUOTED_FIELD.match(text, position)
                field, position = match[0], match.end()
            fields.append(field)
            if not text.startswith(",", position):
                return fields, position
            position += 1

    def _quoted_field(self, text: str, start: int) -> tuple[str | None, int]:
        """The quoted field at ``start`` and where it ends; None if text follows it on the line of its closing quote.

        A field that is never closed, runs on to a line where text follows its
        closing quote, or takes a line that reads as a row, is taken for a
        quote left open: it is reported and read as ending with its first line.
        """
        match = _QUOTED_FIELD.match(text, start)
        end = match.end()
        first, last = self._line_of(start), self._line_of(end - 1)
        closed = match[2] == '"'
        followed_by_text = closed and end < len(text) and text[end] not in ",\r\n"
        if not closed:
            why = f"runs to the end of the file ({_lines(first, last)})"
        elif followed_by_text:
            if first == last:
                return None, end
            why = f"takes {_lines(first, last)} and its closing quote is followed by text"
        else:
            row = self._row_inside(match[1]) if last > first else None
            if row is None:
                return match[1].replace('""', '"'), end
            why = f"takes {_lines(first, last)} and line {first + row} inside it reads as a row of codes"
        read_as = f"Read as ending with line {first}" + (f", and {_lines(first + 1, last)} as rows" if last > first else "")
        self.report(first, last, f"quote left open: the quoted field that starts on this line {why}; close it with '\"' where the field ends (a quote inside a field is written \"\"). {read_as}")
        line_break = _LINE_BREAK.search(text, start)
        end_of_line = line_break.start() if line_break else len(text)
        # No single quote on the rest of this line, or the field would have closed on it: only doubled ones.
        return text[start + 1 : end_of_line].replace('""', '"'), end_of_line

    def _row_inside(self, field: str) -> int | None:
        """Which line of a quoted field, after its first (1 for the second), reads as a row of the catalog, if any.

        It has a field for every column and a code in the code column: a row
        that a quote left open above it took in. A line of prose may too
        ("Note, however, that …"), so a code without a digit counts only on a
        line without ", ", as prose puts a space after its commas.
        """
        columns = self.columns or REQUIRED_COLUMNS
        code_at = columns.index("code")
        for number, line in enumerate(_LINE_BREAK.split(field)[1:], start=1):
            fields = line.split(",")
            if len(fields) < len(columns):
                continue
            code = fields[code_at].strip()
            if _CODE.fullmatch(code) and (_DIGIT_RUNS.search(code) or ", " not in line):
                return number
        return None

    def _columns(self, line: int, end_line: int, header: list[str], *, last_line: int) -> list[str] | None:
        """The column of each field, from the header; None if no row can be read (reported up to ``last_line``)."""
        names = [name.lower() for name in header]
        if not set(names) & set(self.known_columns):
            if len(header) == len(REQUIRED_COLUMNS) and _CODE.fullmatch(header[0]):
                self.report(line, end_line, "missing header row; add 'code,category,description' as the first line (this row is read as code, category, description)")
                self._add_row(line, end_line, header, list(REQUIRED_COLUMNS))
                return list(REQUIRED_COLUMNS)
            self.report(line, last_line, f"missing header row: expected the columns {','.join(REQUIRED_COLUMNS)}, found {','.join(header)!r}; no row is read")
            return None
        if end_line > line:
            self.report(line, end_line, f"the header row takes {_lines(line, end_line)}; write the column names on one line")
        for name, count in Counter(header).items():
            if name.lower() not in self.known_columns:
                times = f" ({count} times)" if count > 1 else ""
                what = f"unknown column {name!r}" if name else "a column without a name"
                self.report(
                    line,
                    end_line,
                    f"{what}{times}; the columns are {', '.join(REQUIRED_COLUMNS)} and the optional {', '.join(self.optional_columns)}"
                    " (declare a column of your own in errcodes_extra_columns)",
                )
        counts = Counter(names)
        for name in self.known_columns:
            if counts[name] > 1:
                self.report(line, end_line, f"column {name!r} appears {counts[name]} times; keep one")
        missing = [name for name in REQUIRED_COLUMNS if name not in counts]
        for name in missing:
            unread = ", so no row is read" if name == "code" else ""
            self.report(line, last_line if unread else end_line, f"missing required column {name!r} in the header{unread}; the columns are {','.join(REQUIRED_COLUMNS)}")
        return None if "code" in missing else names

    def _add_row(self, line: int, end_line: int, fields: list[str], columns: list[str]) -> None:
        if len(fields) != len(columns):
            if len(fields) > len(columns):
                fix = "put a field that contains a comma in double quotes"
            else:
                fix = "add the missing fields"
            many = "many" if len(fields) > len(columns) else "few"
            self.report(line, end_line, f"too {many} fields: {len(fields)} instead of {len(columns)} ({', '.join(map(repr, columns))}); {fix}")
            return
        values = {}
        for name, cell in zip(columns, fields):
            values.setdefault(name, cell)
        code = values["code"]
        if not _CODE.fullmatch(code):
            reason = "the code is empty" if not code else f"invalid code {code!r}"
            self.report(line, end_line, f"{reason}: {_CODE_RULE}")
            return
        if code in self.first_line_of:
            self.report(line, end_line, f"duplicate code {code}: already defined on line {self.first_line_of[code]}; keep one row per code")
            return
        self.first_line_of[code] = line
        category = self._text(line, end_line, code, "category", values.get("category"))
        description = self._text(line, end_line, code, "description", values.get("description"))
        optional = {}
        for name, column in self.optional_columns.items():
            cell = values.get(name, "")
            if not cell:
                continue
            try:
                value = column.read(self._text(line, end_line, code, name, cell) if column.free_text else cell)
            except CellError as error:
                self.report(line, end_line, f"the {name} of code {code}: {error}")
                value = column.empty if error.kept is None else error.kept
            if value != column.empty:
                optional[name] = value
        self.codes.append(ErrorCode(code, category or UNCATEGORIZED, description, line, end_line, optional))

    def _text(self, line: int, end_line: int, code: str, column: str, value: str | None) -> str:
        if value is None:  # the whole column is missing, which the header reported
            return ""
        if not value:
            self.report(line, end_line, f"code {code} has an empty {column}; write one")
        found = _NOT_TEXT.search(value)
        if found:
            value, count = _NOT_TEXT.subn("\N{REPLACEMENT CHARACTER}", value)
            more = f" and {count - 1} more" if count > 1 else ""
            self.report(line, end_line, f"the {column} of code {code} contains {_describe(found[0])}{more}; remove {'them' if more else 'it'} (shown as \N{REPLACEMENT CHARACTER})")
        return value
