"""Turn a pyxform / openpyxl / xlrd failure into one sentence naming the sheet, row and column.

pyxform reports rows as ``[row : N]`` and sometimes the sheet and the column; when it does not (an
unknown question type, a duplicated column header), we look the cell up in the workbook ourselves.
"""

from __future__ import annotations

import io
import re
import warnings
from typing import Any

from .problems import ExpressionFormError


def get_column_letter(index: int) -> str:
    """1 -> A, 27 -> AA (openpyxl's, without importing openpyxl: it costs ~0.5 s at start-up)."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_ROW = re.compile(r"\[row\s*:\s*(\d+)\]\s*")
_SHEET = re.compile(r"On the '([^']+)' sheet,?\s*")
_COLUMN = re.compile(r"the '([^']+)' value")
_LEARN_MORE = re.compile(r"\s*Learn more:?\s*\S+", re.I)
_NAMED = re.compile(r"named '([^']+)'")
_UNKNOWN_TYPE = re.compile(r"Unknown question type '([^']+)'")
_DUPLICATE_HEADER = re.compile(r"Duplicate column header: (\S+)")


def read_sheets(data: bytes, suffix: str) -> dict[str, list[list[str]]]:
    """Every sheet's cells as text (best effort: empty when the workbook cannot be read)."""
    sheets: dict[str, list[list[str]]] = {}
    # openpyxl warns while it reads the rows (read-only sheets are parsed lazily): "Data Validation
    # extension is not supported..." is not the supervisor's concern, and never reaches the terminal
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _read_sheets(data, suffix, sheets)


def _read_sheets(data: bytes, suffix: str, sheets: dict[str, list[list[str]]]) -> dict[str, list[list[str]]]:
    try:
        if suffix == "xls":
            import xlrd

            book = xlrd.open_workbook(file_contents=data)
            for sheet in book.sheets():
                sheets[sheet.name] = [[_text(v) for v in sheet.row_values(r)] for r in range(sheet.nrows)]
        else:
            import openpyxl

            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            for sheet in book.worksheets:
                sheets[sheet.title] = [[_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    except Exception:  # the caller already has a failure to report; this lookup only refines it
        return {}
    return sheets


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _where(sheet: str, row: int | None, column: str | None, sheets: dict[str, list[list[str]]]) -> str:
    parts = [f"sheet '{sheet}'"]
    if row is not None:
        parts.append(f"row {row}")
    if column:
        rows = sheets.get(sheet) or []
        header = [h.lower() for h in rows[0]] if rows else []
        if column.lower() in header:
            parts.append(f"column {get_column_letter(header.index(column.lower()) + 1)} ('{column}')")
        else:
            parts.append(f"column '{column}'")
    return ", ".join(parts)


def _find_cell(sheets: dict[str, list[list[str]]], sheet: str, header: str, value: str) -> int | None:
    rows = sheets.get(sheet) or []
    if not rows:
        return None
    names = [h.lower() for h in rows[0]]
    if header not in names:
        return None
    column = names.index(header)
    for number, row in enumerate(rows[1:], start=2):
        if column < len(row) and row[column] == value:
            return number
    return None


def describe_conversion_error(error: Exception, data: bytes, suffix: str, filename: str) -> str:
    text = " ".join(str(error).split())
    if "not recognized as a supported type" in text or type(error).__name__ in ("BadZipFile", "XLRDError"):
        return (
            f"The form '{filename}' cannot be loaded: the file is not a readable Excel workbook "
            "(it may be damaged, password-protected or saved in another format)."
        )
    sheets = read_sheets(data, suffix)
    survey = next((name for name in sheets if name.lower() == "survey"), "survey")
    text = _LEARN_MORE.sub("", text).strip()
    unknown = _UNKNOWN_TYPE.search(text)
    if unknown:
        row = _find_cell(sheets, survey, "type", unknown.group(1))
        where = _where(survey, row, "type", sheets)
        return (
            f"The form '{filename}' cannot be loaded: {where}: the question type "
            f"'{unknown.group(1)}' is not an XLSForm type (check the spelling, or replace this vendor type)."
        )
    duplicate = _DUPLICATE_HEADER.search(text)
    if duplicate:
        header = duplicate.group(1)
        for name, rows in sheets.items():
            columns = [i for i, h in enumerate(rows[0] if rows else []) if h.lower() == header.lower()]
            if len(columns) > 1:
                names = [get_column_letter(i + 1) for i in columns]
                letters = ", ".join(names[:-1]) + " and " + names[-1]
                return (
                    f"The form '{filename}' cannot be loaded: sheet '{name}', row 1: the column "
                    f"header '{header}' appears twice (columns {letters}); rename or remove one."
                )
    row_match = _ROW.search(text)
    sheet_match = _SHEET.search(text)
    column_match = _COLUMN.search(text)
    row = int(row_match.group(1)) if row_match else None
    named = _NAMED.search(text)
    if row is None and named:  # "The survey element named 'a' has no label": find its row ourselves
        row = _find_cell(sheets, survey, "name", named.group(1))
    sheet = sheet_match.group(1) if sheet_match else survey
    reason = _SHEET.sub("", _ROW.sub("", text)).strip()
    reason = reason[:1].upper() + reason[1:]
    if row is None and not sheet_match:  # nothing to point at: pyxform's own sentence
        return f"The form '{filename}' cannot be loaded: {reason}"
    where = _where(sheet, row, column_match.group(1) if column_match else None, sheets)
    return f"The form '{filename}' cannot be loaded: {where}: {reason}"


def describe_expression_error(error: ExpressionFormError, data: bytes, suffix: str, filename: str) -> str:
    """A rule the engine refused, located in the workbook: sheet, row, column and the cell as written."""
    sheets = read_sheets(data, suffix)
    survey = next((name for name in sheets if name.lower() == "survey"), "survey")
    rows = sheets.get(survey) or []
    header = [h.lower() for h in rows[0]] if rows else []
    row = _find_cell(sheets, survey, "name", error.question)
    columns = [
        i for i, h in enumerate(header) if h == error.column.lower() or h.startswith(error.column + "::")
    ]
    if row is None or len(columns) != 1:
        return f"The form '{filename}' cannot be loaded: {error.message}"
    written = rows[row - 1][columns[0]] if columns[0] < len(rows[row - 1]) else ""
    where = (
        f"sheet '{survey}', row {row}, column {get_column_letter(columns[0] + 1)} ('{rows[0][columns[0]]}')"
    )
    expression = written or error.expression
    return f"The form '{filename}' cannot be loaded: {where}: {error.reason}. The expression is: {expression}"


def locate_missing_reference(missing: Any, data: bytes, suffix: str) -> str:
    """One sentence for a reference to a node the form does not have (``dependencies.MissingReference``),
    naming the sheet, row and column when the workbook shows them."""
    sheets = read_sheets(data, suffix)
    survey = next((name for name in sheets if name.lower() == "survey"), "survey")
    rows = sheets.get(survey) or []
    header = [h.lower() for h in rows[0]] if rows else []
    row = _find_cell(sheets, survey, "name", missing.question)
    columns = [i for i, h in enumerate(header) if h == missing.column or h.startswith(missing.column + "::")]
    what = (
        f"question '{missing.question}' refers to '{missing.path}', which is not a node of this form; "
        "it is read as empty, as ODK does (check the spelling if that is not meant)"
    )
    if row is None or len(columns) != 1:
        return what
    letter = get_column_letter(columns[0] + 1)
    return f"sheet '{survey}', row {row}, column {letter} ('{rows[0][columns[0]]}'): {what}"
