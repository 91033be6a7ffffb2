"""Build small XLSForms in memory for tests (openpyxl), so each test states the form it needs."""

from __future__ import annotations

import io

import openpyxl

from forms.engine import FormDefinition, load_form_bytes


def workbook_bytes(survey: list[list[object]], choices: list[list[object]] | None = None,
                   settings: list[list[object]] | None = None) -> bytes:  # fmt: skip
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "survey"
    for row in survey:
        sheet.append(row)
    for title, rows in (("choices", choices), ("settings", settings)):
        if rows:
            extra = workbook.create_sheet(title)
            for row in rows:
                extra.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def make_form(survey, choices=None, settings=None, filename: str = "test_form.xlsx") -> FormDefinition:
    return load_form_bytes(workbook_bytes(survey, choices, settings), filename)
