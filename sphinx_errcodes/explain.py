"""``python -m sphinx_errcodes explain CODE_OR_NAME --catalog FILE``: one code as a person reads it in a terminal.

Like ``rustc --explain``: the code and its name, the message, then every
field the catalog gives, labelled, in the order the columns are declared.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from sphinx_errcodes.catalog import ErrorCode, read_catalog
from sphinx_errcodes.columns import Column, columns_with


def explain(wanted: str, path: str, extra_columns: Mapping[str, str], explanations: str | None = None) -> tuple[str, int]:
    """The code as text, and the exit status: 1 when the catalog has no such code or name."""
    codes, problems = read_catalog(path, extra_columns)
    unreadable = [problem for problem in problems if not problem.line]
    if unreadable:
        return "".join(f"{problem}\n" for problem in unreadable), 1
    code = find(codes, wanted)
    if code is None:
        more = "; it has problems: run 'python -m sphinx_errcodes check' on it" if problems else ""
        return f"{path}: no code or name {wanted!r} in this catalog{more}\n", 1
    text = explanation(code, columns_with(extra_columns))
    if explanations:
        if not Path(explanations).is_dir():
            return f"{explanations}: not a folder of explanations\n", 1
        written, readable = _explanation_file(Path(explanations), code.code)
        text += written
        if not readable:
            return text, 1
    # What the catalog says of this row, or of every row (its header), is not left out in silence.
    relevant = [problem for problem in problems if problem.line <= code.end_line and problem.end_line >= code.line or problem.line == 1]
    if relevant:
        text += "\nProblems in the catalog that this leaves out:\n" + "".join(f"  {problem}\n" for problem in relevant)
    return text, 0


def _explanation_file(folder: Path, code: str) -> tuple[str, bool]:
    """The code's explanation as written, like ``rustc --explain`` prints its Markdown; and whether it could be read."""
    for suffix in (".rst", ".md"):
        path = folder / f"{code}{suffix}"
        if path.is_file():
            try:
                return "\n" + path.read_text(encoding="utf-8-sig").rstrip("\n") + "\n", True
            except UnicodeDecodeError as error:
                return f"\n{path}: the explanation is not valid UTF-8 (byte 0x{error.object[error.start]:02x}); save it as UTF-8\n", False
            except OSError as error:
                return f"\n{path}: cannot read the explanation: {error.strerror or error}\n", False
    return "", True


def find(codes: list[ErrorCode], wanted: str) -> ErrorCode | None:
    """The code written exactly so, or else the code with that name."""
    by_code = {code.code: code for code in codes}
    if wanted in by_code:
        return by_code[wanted]
    return next((code for code in codes if code.fields.get("name") == wanted), None)


def explanation(code: ErrorCode, columns: Mapping[str, Column]) -> str:
    name = code.fields.get("name")
    lines = [f"{code.code}  {name}" if name else code.code, "", code.description, ""]
    facts = [("Category", code.category)]
    for column in columns.values():
        value = code.value(column)
        if value == column.empty or column.name == "name":
            continue
        facts.append((column.label if column.declared_by_project else column.label[0].upper() + column.label[1:], _shown(column, value)))
    width = max(len(label) for label, _text in facts) + 2
    lines += [f"{(label + ':').ljust(width)}{text}" for label, text in facts]
    return "\n".join(lines) + "\n"


def _shown(column: Column, value) -> str:
    """Text as written; codes as a list; yes or no; an HTTP status as the page's badge words it ("HTTP 404 Not Found")."""
    if column.names_codes:
        return ", ".join(column.codes_named(value))
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int) and column.badge is not None:
        return column.badge(value, str)  # the terminal is not translated
    return str(value)
