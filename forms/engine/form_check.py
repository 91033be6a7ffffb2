"""`forms check`: every problem of an XLSForm in one run, and a repaired copy for the mechanical ones.

pyxform stops at the first error. To list them all, the workbook is first read cell by cell for the
problems that are found without converting it (duplicate column headers, names used twice among
siblings, a group named ``meta``, choice names used twice in a list); then a working copy with those
set aside is converted and loaded, and each further refusal that names a cell is recorded and set
aside in the copy (an expression emptied, a vendor type read as text), until the copy loads or a
refusal names no cell. Each problem says where (sheet, row, column), what is wrong and what to change.

``repair_workbook`` writes the changes a supervisor would make by hand for the mechanical cases:
choice names used twice -> the ``allow_choice_duplicates`` setting; a group named ``meta`` -> renamed;
a name used twice among siblings -> the later ones suffixed ``_2``, ``_3``.
"""

from __future__ import annotations

import io
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from .definition import FormDefinition
from .diagnostics import get_column_letter, read_sheets
from .problems import FormError

MAX_PASSES = 25
_LOCATED = re.compile(r"^sheet '([^']+)', row (\d+)(?:, column ([A-Z]+) \('([^']*)'\))?: (.*)$", re.S)
_PREFIX = re.compile(r"^The form '[^']*' cannot be loaded: ")
_EXPRESSION_COLUMNS = {"relevant", "constraint", "calculation", "required", "choice_filter",
                       "repeat_count", "default", "read_only", "trigger"}  # fmt: skip
_GROUP_STARTS = ("begin group", "begin_group", "begin repeat", "begin_repeat")
_GROUP_ENDS = ("end group", "end_group", "end repeat", "end_repeat")


@dataclass(frozen=True)
class FormIssue:
    """One problem: where it is, what is wrong, and what to change."""

    sheet: str
    row: int | None
    column: str | None  # "B ('name')"
    problem: str
    change: str = ""
    fixable: bool = False

    def sentence(self) -> str:
        where = [f"sheet '{self.sheet}'"]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column}")
        text = f"{', '.join(where)}: {self.problem}"
        if self.change:
            text = f"{text.rstrip('.')}; {self.change}"
        return text if text.endswith(".") else text + "."


@dataclass
class CheckReport:
    issues: list[FormIssue] = field(default_factory=list)
    definition: FormDefinition | None = None  # the form, when it loads as it is


@dataclass
class _Book:
    """The workbook's cells as text, per sheet (a working copy: changed freely)."""

    sheets: dict[str, list[list[str]]]

    def sheet(self, name: str) -> tuple[str, list[list[str]]] | None:
        for title, rows in self.sheets.items():
            if title.strip().lower() == name:
                return title, rows
        return None

    @staticmethod
    def columns(rows: list[list[str]]) -> dict[str, int]:
        header = rows[0] if rows else []
        found: dict[str, int] = {}
        for index, text in enumerate(header):
            key = text.strip().lower()
            if key and key not in found:
                found[key] = index
        return found

    def to_xlsx(self) -> bytes:
        import openpyxl

        workbook = openpyxl.Workbook()
        workbook.remove(workbook.active)
        for title, rows in self.sheets.items():
            sheet = workbook.create_sheet(title)
            for row in rows:
                sheet.append([cell if cell != "" else None for cell in row])
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()


def _cell(rows: list[list[str]], row: int, column: int) -> str:
    return rows[row][column] if column < len(rows[row]) else ""


def _set(rows: list[list[str]], row: int, column: int, value: str) -> None:
    while len(rows[row]) <= column:
        rows[row].append("")
    rows[row][column] = value


def _where(rows: list[list[str]], column: int) -> str:
    return f"{get_column_letter(column + 1)} ('{rows[0][column]}')"


# --- problems found in the cells ------------------------------------------------------------------
def _duplicate_headers(book: _Book) -> list[FormIssue]:
    issues = []
    for title, rows in book.sheets.items():
        if not rows:
            continue
        seen: dict[str, int] = {}
        for index, text in enumerate(rows[0]):
            key = text.strip().lower()
            if not key:
                continue
            if key in seen:
                issues.append(FormIssue(
                    title, 1, None,
                    f"the column header '{text}' appears twice (columns {get_column_letter(seen[key] + 1)} "
                    f"and {get_column_letter(index + 1)})",
                    "rename or remove one of them",
                ))  # fmt: skip
                rows[0][index] = ""  # the working copy keeps the first
            else:
                seen[key] = index
    return issues


def _survey_names(book: _Book, repair: bool) -> tuple[list[FormIssue], list[str]]:
    found = book.sheet("survey")
    if found is None:
        return [], []
    title, rows = found
    columns = book.columns(rows)
    if "type" not in columns or "name" not in columns:
        return [], []
    type_at, name_at = columns["type"], columns["name"]
    issues: list[FormIssue] = []
    changes: list[str] = []
    scopes: list[set[str]] = [set()]
    for number in range(1, len(rows)):
        kind = " ".join(_cell(rows, number, type_at).lower().split())
        name = _cell(rows, number, name_at).strip()
        if kind in _GROUP_ENDS:
            if len(scopes) > 1:
                scopes.pop()
            continue
        if not name:
            if kind.startswith(_GROUP_STARTS):
                scopes.append(set())
            continue
        if kind.startswith(("begin group", "begin_group")) and name.lower() == "meta" and len(scopes) == 1:
            renamed = _free_name("meta_group", scopes[-1], plain_first=True)
            issues.append(FormIssue(
                title, number + 1, _where(rows, name_at),
                "a group may not be named 'meta' (the form's metadata group, instanceID and friends, "
                "has that name)",
                f"rename it (for example '{renamed}')", fixable=True,
            ))  # fmt: skip
            _set(rows, number, name_at, renamed)
            changes.append(f"sheet '{title}', row {number + 1}: the group 'meta' is renamed '{renamed}'.")
            name = renamed
        elif name in scopes[-1]:
            renamed = _free_name(name, scopes[-1])
            issues.append(FormIssue(
                title, number + 1, _where(rows, name_at),
                f"the name '{name}' is used twice in the same group (names must be unique among the "
                "questions of one group or repeat)",
                f"rename this one (for example '{renamed}')", fixable=True,
            ))  # fmt: skip
            _set(rows, number, name_at, renamed)
            changes.append(
                f"sheet '{title}', row {number + 1}: the second '{name}' is renamed '{renamed}' "
                f"(references ${{{name}}} still mean the first)."
            )
            name = renamed
        scopes[-1].add(name)
        if kind.startswith(_GROUP_STARTS):
            scopes.append(set())
    return issues, changes if repair else []


def _free_name(base: str, taken: set[str], plain_first: bool = False) -> str:
    if plain_first and base not in taken:
        return base
    number = 2
    while f"{base}_{number}" in taken:
        number += 1
    return f"{base}_{number}"


def _duplicate_choices(book: _Book) -> tuple[list[FormIssue], bool]:
    found = book.sheet("choices")
    if found is None:
        return [], False
    settings = book.sheet("settings")
    if settings is not None:
        columns = book.columns(settings[1])
        if "allow_choice_duplicates" in columns and len(settings[1]) > 1:
            value = _cell(settings[1], 1, columns["allow_choice_duplicates"]).strip().lower()
            if value in ("yes", "true", "true()"):
                return [], False
    title, rows = found
    columns = book.columns(rows)
    if "list_name" not in columns or "name" not in columns:
        return [], False
    issues = []
    seen: dict[tuple[str, str], int] = {}
    for number in range(1, len(rows)):
        key = (
            _cell(rows, number, columns["list_name"]).strip(),
            _cell(rows, number, columns["name"]).strip(),
        )
        if not key[0] or not key[1]:
            continue
        if key in seen:
            issues.append(FormIssue(
                title, number + 1, _where(rows, columns["name"]),
                f"the choice name '{key[1]}' is used twice in the list '{key[0]}' (first on row {seen[key]})",
                "rename one, or allow it with the setting allow_choice_duplicates = yes", fixable=True,
            ))  # fmt: skip
        else:
            seen[key] = number + 1
    if issues:
        _allow_choice_duplicates(book)
    return issues, bool(issues)


def _allow_choice_duplicates(book: _Book) -> None:
    found = book.sheet("settings")
    if found is None:
        book.sheets["settings"] = [["allow_choice_duplicates"], ["yes"]]
        return
    _, rows = found
    if not rows:
        rows.append([])
    if len(rows) < 2:
        rows.append([])
    columns = book.columns(rows)
    column = columns.get("allow_choice_duplicates")
    if column is None:
        column = len(rows[0])
        _set(rows, 0, column, "allow_choice_duplicates")
    _set(rows, 1, column, "yes")


# --- problems pyxform and the engine find ---------------------------------------------------------
def _load(data: bytes, filename: str, media: dict[str, bytes] | None = None) -> FormDefinition:
    from . import load_form_bytes

    return load_form_bytes(data, filename, media)


def _set_aside(book: _Book, issue: FormIssue) -> bool:
    """Neutralise the cell a refusal names in the working copy; False when there is none."""
    if issue.row is None or issue.column is None:
        return False
    found = book.sheet(issue.sheet.strip().lower())
    if found is None:
        return False
    _, rows = found
    letter = issue.column.split(" ")[0]
    index = sum((ord(c) - 64) * 26**i for i, c in enumerate(reversed(letter))) - 1
    if issue.row - 1 >= len(rows) or index >= len(rows[0]):
        return False
    header = rows[0][index].strip().lower().split("::")[0]
    if header == "type":
        _set(rows, issue.row - 1, index, "text")
    elif header == "calculation":
        _set(rows, issue.row - 1, index, "''")
    elif header in _EXPRESSION_COLUMNS or header in ("label", "hint", "constraint_message"):
        _set(rows, issue.row - 1, index, "")
    elif header == "name":
        _set(rows, issue.row - 1, index, f"checked_row_{issue.row}")
    else:
        return False
    return True


def _issue_from_error(error: FormError, sheets: dict[str, list[list[str]]]) -> FormIssue:
    text = _PREFIX.sub("", error.message)
    located = _LOCATED.match(text)
    if located is None:
        survey = next((name for name in sheets if name.strip().lower() == "survey"), "survey")
        return FormIssue(survey, None, None, text.rstrip("."))
    sheet, row, letter, header, reason = located.groups()
    column = f"{letter} ('{header}')" if letter else None
    return FormIssue(sheet, int(row), column, reason.strip().rstrip("."))


def check_workbook(data: bytes, filename: str, media: dict[str, bytes] | None = None) -> CheckReport:
    """Every problem of the workbook (see the module's text); the form itself when it loads as is.
    ``media``: the files shipped with it (choices files, forms.engine.media)."""
    suffix = Path(filename).suffix.lower().lstrip(".")
    try:
        definition = _load(data, filename, media)
    except FormError as error:
        first = error
    else:
        return CheckReport([], definition)
    sheets = _read(data, suffix)
    if not sheets:
        raise first
    book = _Book(sheets)
    issues = _duplicate_headers(book)
    names, _ = _survey_names(book, repair=False)
    choices, _ = _duplicate_choices(book)
    issues += names + choices
    for _ in range(MAX_PASSES):
        try:
            _load(book.to_xlsx(), Path(filename).stem + ".xlsx", media)
        except FormError as error:
            issue = _issue_from_error(error, book.sheets)
            if issue not in issues:
                issues.append(issue)
            if not _set_aside(book, issue):
                break
        else:
            break
    if not issues:
        issues.append(_issue_from_error(first, book.sheets))
    order = {title: index for index, title in enumerate(book.sheets)}
    issues.sort(key=lambda issue: (order.get(issue.sheet, len(order)), issue.row or 0))
    return CheckReport(issues, None)


def _read(data: bytes, suffix: str) -> dict[str, list[list[str]]]:
    sheets = read_sheets(data, suffix)
    for rows in sheets.values():  # .xls numbers come back as floats: 1.0 was written 1
        for row in rows:
            for index, cell in enumerate(row):
                if cell.endswith(".0") and cell[:-2].lstrip("-").isdigit():
                    row[index] = cell[:-2]
    return sheets


def repair_workbook(data: bytes, filename: str) -> tuple[bytes, list[str]]:
    """An .xlsx copy with the mechanical problems repaired, and one sentence per change made."""
    suffix = Path(filename).suffix.lower().lstrip(".")
    sheets = _read(data, suffix)
    if not sheets:
        raise FormError(
            f"The form '{Path(filename).name}' cannot be read as a workbook, so it cannot be repaired."
        )
    book = _Book(sheets)
    _, changes = _survey_names(book, repair=True)
    issues, allowed = _duplicate_choices(book)
    if allowed:
        changes.append(
            f"sheet 'settings': allow_choice_duplicates = yes ({len(issues)} choice name(s) used twice "
            "in a list)."
        )
    if suffix == "xlsx" and changes:
        return _patch_xlsx(data, book), changes
    return book.to_xlsx(), changes


def _patch_xlsx(data: bytes, book: _Book) -> bytes:
    """The original workbook (formatting and other sheets kept) with the survey's names and the
    settings of the working copy written in."""
    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        workbook = openpyxl.load_workbook(io.BytesIO(data))
    survey = book.sheet("survey")
    if survey is not None:
        title, rows = survey
        name_at = book.columns(rows).get("name")
        if name_at is not None:
            for number in range(1, len(rows)):
                value = _cell(rows, number, name_at)
                cell = workbook[title].cell(row=number + 1, column=name_at + 1)
                if value and ("" if cell.value is None else str(cell.value).strip()) != value:
                    cell.value = value
    settings = book.sheet("settings")
    if settings is not None:
        title, rows = settings
        sheet = workbook[title] if title in workbook.sheetnames else workbook.create_sheet(title)
        for column, header in enumerate(rows[0], start=1):
            if header.strip().lower() == "allow_choice_duplicates":
                sheet.cell(row=1, column=column).value = header
                sheet.cell(row=2, column=column).value = "yes"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
