"""The empty template: the form's columns, the allowed values, drop-downs; filled in, it imports."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from forms.demo_data import demo_registrations
from forms.engine import FormDefinition
from forms.errors import DeskError
from forms.importing import batch_for_import, import_file, importable_questions, write_template
from forms.importing.template import CHOICES_SHEET
from forms.store import Store
from forms.store.search import count


def test_the_template_has_one_column_per_importable_field_and_the_allowed_values(
    form: FormDefinition, tmp_path: Path
) -> None:
    path = tmp_path / "template.xlsx"
    columns = write_template(form, path)
    workbook = load_workbook(path)
    data, choices = workbook.worksheets
    header = [cell.value for cell in data[1]]
    assert header == [q.name for q in importable_questions(form)] and len(header) == columns
    for name in ("given_name", "family_name", "sex", "birth_date", "document_number", "residence_country",
                 "residence_city", "phone", "email", "skills_sector"):  # fmt: skip
        assert name in header
    assert not {"operator", "registration_batch", "age", "notice_version"} & set(header)
    assert data.max_row == 1  # empty: nothing to delete before filling it in
    assert choices.title == CHOICES_SHEET
    lists = {choices.cell(1, c).value: c for c in range(1, choices.max_column + 1)}
    sex_values = [choices.cell(r, lists["sex"]).value for r in range(2, 5)]
    assert sex_values == [c.name for c in form.question("sex").choices or []]
    countries = [choices.cell(r, lists["residence_country"]).value for r in range(2, choices.max_row + 1)]
    assert {"LR", "GH", "PT", "FR"} <= set(countries)
    sex_column = header.index("sex") + 1
    sex_letter = data.cell(1, sex_column).column_letter
    dropdowns = {str(dv.sqref).split(":")[0]: dv for dv in data.data_validations.dataValidation}
    assert dropdowns[f"{sex_letter}2"].type == "list"
    assert CHOICES_SHEET in dropdowns[f"{sex_letter}2"].formula1
    assert data.column_dimensions[data.cell(1, header.index("phone") + 1).column_letter].number_format == "@"


def test_a_filled_in_template_imports(form: FormDefinition, store: Store, tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"
    write_template(form, path)
    workbook = load_workbook(path)
    sheet = workbook.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    for person in demo_registrations(3, seed=5):
        sheet.append([person.get(name) for name in header])
    workbook.save(path)
    batch = batch_for_import(store, "Template day", "Bruxelles")
    assert import_file(store, form, path, batch).imported == 3
    assert count(store) == 3


def test_the_template_is_an_xlsx_workbook(form: FormDefinition, tmp_path: Path) -> None:
    with pytest.raises(DeskError):
        write_template(form, tmp_path / "template.csv")
