"""An empty import template for a form: the field names as the header row, a Choices sheet with the
allowed values of every select question, and drop-down lists where a spreadsheet can offer them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from forms.dates import TYPED_DATE_FORMATS
from forms.engine.model import pick
from forms.errors import DeskError
from forms.store.atomic import atomic_write_bytes

from .fields import importable_questions

if TYPE_CHECKING:
    from forms.engine import FormDefinition
    from forms.engine.model import Question

DATA_SHEET = "registrations"
CHOICES_SHEET = "Choices"
# Rows that get a drop-down list: a day's import is far smaller; Excel copies validation when rows
# are inserted inside the range.
VALIDATED_ROWS = 5000
FORMATS = {"date": "yyyy-mm-dd", "datetime": "yyyy-mm-dd hh:mm", "time": "hh:mm", "integer": "0"}


def _hint(question: Question, form: FormDefinition) -> str:
    label = question.label(None, form.default_language)
    parts = [label] if label else []
    if question.type == "date":
        parts.append(f"Date: {TYPED_DATE_FORMATS}.")
    elif question.type == "select_one":
        parts.append(f"One value from the {CHOICES_SHEET} sheet: its name, or its label in any language.")
    elif question.type == "select_multiple":
        parts.append(
            f"Values from the {CHOICES_SHEET} sheet (names or labels), separated by commas "
            "(names also by spaces)."
        )
    hint = question.hint(None, form.default_language)
    if hint:
        parts.append(hint)
    return "\n".join(parts)


def template_bytes(form: FormDefinition) -> bytes:
    import io

    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    data = workbook.active
    data.title = DATA_SHEET
    choices = workbook.create_sheet(CHOICES_SHEET)
    bold = Font(bold=True)
    choice_column = 0
    for index, question in enumerate(importable_questions(form), start=1):
        letter = get_column_letter(index)
        cell = data.cell(row=1, column=index, value=question.name)
        cell.font = bold
        hint = _hint(question, form)
        if hint:
            cell.comment = Comment(hint, "Diaspora Desk", width=300, height=120)
        dimension = data.column_dimensions[letter]
        dimension.width = max(12, len(question.name) + 4)
        # Text columns as text: Excel would otherwise turn +231... into a number and drop zeros.
        dimension.number_format = FORMATS.get(question.type, "@")
        if not question.choices:
            continue
        choice_column += 2
        names_letter = get_column_letter(choice_column - 1)
        choices.cell(row=1, column=choice_column - 1, value=question.name).font = bold
        choices.cell(row=1, column=choice_column, value=f"{question.name} (label)").font = bold
        for row, choice in enumerate(question.choices, start=2):
            choices.cell(row=row, column=choice_column - 1, value=choice.name)
            choices.cell(
                row=row, column=choice_column, value=pick(choice.labels, None, form.default_language)
            )
        choices.column_dimensions[names_letter].width = max(14, len(question.name) + 2)
        choices.column_dimensions[get_column_letter(choice_column)].width = 28
        if question.type == "select_one" and not question.choice_filter:
            last = len(question.choices) + 1
            validation = DataValidation(
                type="list",
                formula1=f"{CHOICES_SHEET}!${names_letter}$2:${names_letter}${last}",
                allow_blank=True,
                showErrorMessage=True,
                errorTitle="Not an allowed value",
                error=f"Choose a value listed under {question.name} in the {CHOICES_SHEET} sheet.",
            )
            validation.add(f"{letter}2:{letter}{VALIDATED_ROWS}")
            data.add_data_validation(validation)
    data.freeze_panes = "A2"
    _repeat_sheets(form, workbook, data, bold)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _repeat_sheets(form: FormDefinition, workbook: Any, data: Any, bold: Any) -> None:
    """A form with repeats: ``_index`` on the first sheet, and a sheet per repeat whose rows name the
    row they belong to by ``_parent_index`` (as the export lays them out; forms.importing.linked)."""
    from openpyxl.comments import Comment
    from openpyxl.utils import get_column_letter

    from .linked import INDEX, PARENT_INDEX, direct_fields

    if not any(q.kind == "repeat" for top in form.questions for q in top.walk()):
        return
    data.cell(row=1, column=data.max_column + 1, value=INDEX).font = bold
    for top in form.questions:
        for repeat in top.walk():
            if repeat.kind != "repeat":
                continue
            sheet = workbook.create_sheet(repeat.name[:31])
            fields = [q for q in direct_fields(repeat.children) if q.answerable and q.type not in ("hidden",)]
            for index, name in enumerate([*(q.name for q in fields), INDEX, PARENT_INDEX], start=1):
                sheet.cell(row=1, column=index, value=name).font = bold
                sheet.column_dimensions[get_column_letter(index)].width = max(12, len(name) + 4)
            for index, question in enumerate(fields, start=1):
                hint = _hint(question, form)
                if hint:
                    from openpyxl.comments import Comment

                    sheet.cell(row=1, column=index).comment = Comment(
                        hint, "Diaspora Desk", width=300, height=120
                    )
            sheet.freeze_panes = "A2"


def write_template(form: FormDefinition, path: Path) -> int:
    """Write the template to ``path`` (atomically); returns the number of columns."""
    if path.suffix.lower() != ".xlsx":
        raise DeskError(
            f"the template is an Excel workbook: name it with .xlsx (not {path.name})", exit_code=2
        )
    atomic_write_bytes(path, template_bytes(form))
    return len(importable_questions(form))
