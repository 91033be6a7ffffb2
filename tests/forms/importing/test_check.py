"""Cells become answers per question type, and every row is judged by FormDefinition.validate."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from forms.engine import FormDefinition
from forms.importing import ImportFileError, SourceRow, check_columns, check_table
from forms.importing.check import row_answers
from forms.importing.convert import convert_cell

from .conftest import valid_person


@pytest.mark.parametrize(
    ("name", "cell", "expected"),
    [
        ("birth_date", datetime(1990, 5, 17), "1990-05-17"),  # an Excel date cell
        ("birth_date", date(1990, 5, 17), "1990-05-17"),
        ("birth_date", " 1990-05-17 ", "1990-05-17"),
        ("household_size", 3.0, 3),  # Excel stores every number as a float
        ("household_size", "3", 3),
        ("household_size", "3.5", "3.5"),  # left for the engine to refuse
        ("nationalities", "CI, FR", "CI FR"),
        ("nationalities", "CI;FR  PT", "CI FR PT"),
        ("document_number", 12345678.0, "12345678"),  # a number typed into a text column
        ("given_name", "  Kwame ", "Kwame"),
        ("sex", "female", "female"),
    ],
)
def test_cells_become_answers_in_the_contract_format(
    form: FormDefinition, name: str, cell: Any, expected: Any
) -> None:
    converted = convert_cell(form.question(name), cell)
    assert converted == expected
    assert type(converted) is type(expected)


def test_a_valid_row_is_accepted_with_the_app_context_filled(form: FormDefinition) -> None:
    rows = [SourceRow(2, valid_person())]
    checked = check_table(form, rows, defaults={"operator": "amara", "registration_batch": "Paris day"})
    assert checked.problems == []
    ((number, answers),) = checked.accepted
    assert number == 2
    assert answers["household_size"] == 3
    assert answers["operator"] == "amara"


def test_every_rejected_cell_is_reported_with_row_column_and_a_reason_without_the_value(
    form: FormDefinition,
) -> None:
    canary_date = "31/02/1984"
    canary_phone = "0612-CANARY"
    rows = [
        SourceRow(2, valid_person()),
        SourceRow(3, valid_person(birth_date=canary_date, phone=canary_phone)),
        SourceRow(4, valid_person(sex="feminine")),
        SourceRow(7, valid_person(given_name="")),
    ]
    checked = check_table(form, rows)
    found = {(p.row, p.column, p.code) for p in checked.problems}
    assert found == {
        (3, "birth_date", "date_no_such_day"),
        (3, "phone", "phone_not_a_number"),
        (4, "sex", "not_a_choice"),
        (7, "given_name", "required"),
    }
    assert checked.rejected_rows == [3, 4, 7]
    assert (checked.rows, checked.rejected) == (4, 3)
    assert checked.accepted == []  # nothing will be saved: the accepted answers are not kept
    reasons = {p.column: p.reason for p in checked.problems}
    assert reasons["birth_date"] == "no such day in that month (expected YYYY-MM-DD or DD/MM/YYYY)"
    assert reasons["given_name"] == "required, but empty"
    everything = repr(checked.problems)
    for value in (canary_date, canary_phone, "feminine"):
        assert value not in everything


def test_an_answer_to_a_question_the_form_does_not_ask_is_rejected(form: FormDefinition) -> None:
    # The identity questions are asked only with consent: an answer without consent is refused,
    # exactly as the form would never have shown the field to a clerk.
    checked = check_table(form, [SourceRow(2, valid_person(consent="no"))])
    assert {p.code for p in checked.problems} == {"not_relevant"}
    assert "given_name" in {p.column for p in checked.problems}


def test_a_constraint_reason_carries_the_form_message(form: FormDefinition) -> None:
    checked = check_table(form, [SourceRow(9, valid_person(birth_date="2999-01-01"))])
    (problem,) = checked.problems
    assert (problem.row, problem.column, problem.code) == (9, "birth_date", "constraint")
    assert "future" in problem.reason
    assert "2999" not in problem.reason


def test_unknown_computed_and_app_filled_columns_stop_the_import_before_any_row(
    form: FormDefinition, tmp_path: Path
) -> None:
    for column, words in (("given_nmae", "not a field"), ("age", "computed"), ("operator", "filled by")):
        with pytest.raises(ImportFileError) as caught:
            check_columns(form, ["given_name", column], "people.csv")
        assert column in caught.value.message and words in caught.value.message


def test_a_value_under_a_column_without_a_name_is_reported(form: FormDefinition) -> None:
    answers, problems = row_answers(form, SourceRow(2, {**valid_person(), "": "stray"}))
    assert "" not in answers
    assert [(p.column, p.code) for p in problems] == [("(no name)", "unnamed_column")]


def small_form(tmp_path: Path) -> FormDefinition:
    """A form whose constraint message quotes another answer: the report must not repeat it."""
    from openpyxl import Workbook

    from forms.engine import load_form

    workbook = Workbook()
    survey = workbook.active
    survey.title = "survey"
    survey.append(["type", "name", "label", "constraint", "constraint_message"])
    survey.append(["text", "nickname", "Nickname", "", ""])
    survey.append(["integer", "age", "Age", ". < 130", "${nickname} cannot be that old"])
    settings = workbook.create_sheet("settings")
    settings.append(["form_id", "version"])
    settings.append(["small", "1"])
    workbook.save(tmp_path / "small.xlsx")
    return load_form(tmp_path / "small.xlsx")


def test_a_form_message_quoting_an_answer_is_reported_without_the_answer(tmp_path: Path) -> None:
    form = small_form(tmp_path)
    checked = check_table(form, [SourceRow(2, {"nickname": "Zizou-CANARY", "age": "150"})])
    (problem,) = checked.problems
    assert (problem.column, problem.code) == ("age", "constraint")
    assert problem.reason == "does not meet the form's rule: … cannot be that old"
    assert "CANARY" not in repr(problem)
