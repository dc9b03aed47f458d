"""``python -m sphinx_errcodes explain CODE_OR_NAME --catalog FILE``: one code as a person reads it in a terminal.

Like ``rustc --explain``: the code and its name, the message, then every
field the catalog gives, labelled, in the order the columns are declared.
"""

from __future__ import annotations

from collections.abc import Mapping

from sphinx_errcodes.catalog import ErrorCode, read_catalog
from sphinx_errcodes.columns import Column, columns_with


def explain(wanted: str, path: str, extra_columns: Mapping[str, str]) -> tuple[str, int]:
    """The code as text, and the exit status: 1 when the catalog has no such code or name."""
    codes, problems = read_catalog(path, extra_columns)
    code = find(codes, wanted)
    if code is None:
        unreadable = "; it has problems: run 'python -m sphinx_errcodes check' on it" if problems else ""
        return f"{path}: no code or name {wanted!r} in this catalog{unreadable}\n", 1
    return explanation(code, columns_with(extra_columns)), 0


def find(codes: list[ErrorCode], wanted: str) -> ErrorCode | None:
    """The code written exactly so, or else the code with that name."""
    by_code = {code.code: code for code in codes}
    if wanted in by_code:
        return by_code[wanted]
    return next((code for code in codes if code.fields.get("name") == wanted), None)


def explanation(code: ErrorCode, columns: Mapping[str, Column]) -> str:
    name = code.fields.get("name")
    lines = [f"{code.code}  {name}" if name else code.code, "", code.description, ""]
    facts = [("category", code.category)]
    for column in columns.values():
        value = code.value(column)
        if value == column.empty or column.name == "name":
            continue
        facts.append((column.label, _shown(column, value)))
    width = max(len(label) for label, _text in facts) + 2
    lines += [f"{(label[0].upper() + label[1:] + ':').ljust(width)}{text}" for label, text in facts]
    return "\n".join(lines) + "\n"


def _shown(column: Column, value) -> str:
    """Text as written; codes as a list; a number or yes/no as the page's badge words it ("HTTP 404 Not Found", "Retryable")."""
    if column.names_codes:
        return ", ".join(column.codes_named(value))
    if isinstance(value, (int, bool)) and column.badge is not None:
        return column.badge(value, str)  # the terminal is not translated
    return str(value)
