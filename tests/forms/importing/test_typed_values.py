"""Issue 12 defect 10: a file is not stricter than typing. Dates as the registration page takes them
(forms.dates, the one owner), choices by label in any of the form's languages, any case, any accents."""

from __future__ import annotations

import pytest

from forms.dates import parse_typed_date, parse_typed_datetime, parse_typed_time
from forms.engine import FormDefinition
from forms.engine.model import Choice, Question
from forms.importing.check import check_row
from forms.importing.choices import ChoiceReader
from forms.importing.readers import SourceRow

from .conftest import valid_person


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("1990-03-07", "1990-03-07"), ("7/3/1990", "1990-03-07"), ("07.03.1990", "1990-03-07"),
     ("07-03-1990", "1990-03-07"), (" 1990-3-7 ", "1990-03-07"), ("31/02/1985", "31/02/1985"),
     ("1990/03/07", "1990/03/07"), ("soon", "soon")],
)  # fmt: skip
def test_typed_dates_are_read_as_the_registration_page_reads_them(typed: str, stored: str) -> None:
    assert parse_typed_date(typed) == stored


def test_typed_times_and_datetimes() -> None:
    assert parse_typed_time("9:05") == "09:05:00"
    assert parse_typed_time("25 past") == "25 past"
    assert parse_typed_datetime("13/06/2026 14:30").startswith("2026-06-13T14:30:00")
    assert parse_typed_datetime("tomorrow") == "tomorrow"


def check(form: FormDefinition, **changes: str) -> tuple[dict, list[tuple[str, str]]]:
    answers, problems = check_row(form, SourceRow(2, valid_person(**changes)))
    return answers, [(p.column, p.code) for p in problems]


@pytest.mark.parametrize("typed", ["07/03/1984", "7/3/1984", "07.03.1984", "1984-03-07"])
def test_a_file_takes_dd_mm_yyyy_dates_as_typing_does(form: FormDefinition, typed: str) -> None:
    answers, problems = check(form, birth_date=typed)
    assert problems == []
    assert answers["birth_date"] == "1984-03-07"


@pytest.mark.parametrize(
    ("written", "code", "reason"),
    [
        ("31/02/1985", "date_no_such_day", "no such day in that month (expected YYYY-MM-DD or DD/MM/YYYY)"),
        ("1985-13-02", "date_no_such_month",
         "no such month: months go from 1 to 12 (expected YYYY-MM-DD or DD/MM/YYYY)"),
        ("02 March 1985", "type_date", "not a valid date (expected YYYY-MM-DD or DD/MM/YYYY)"),
    ],
)  # fmt: skip
def test_an_impossible_date_is_refused_saying_what_is_wrong_as_typing_does(
    form: FormDefinition, written: str, code: str, reason: str
) -> None:
    _answers, problems = check_row(form, SourceRow(2, valid_person(birth_date=written)))
    assert [(p.column, p.code, p.reason) for p in problems] == [("birth_date", code, reason)]


@pytest.mark.parametrize(
    ("written", "country", "stored"),
    [
        ("+1 612-555-0147", "US", "+16125550147"),
        ("+33 6 12 34 56 78", "FR", "+33612345678"),
        ("06 12 34 56 78", "FR", "+33612345678"),  # no "+": read in the country of residence
        ("0033 6 12 34 56 78", "SL", "+33612345678"),
        ("(612) 555-0147", "United States", "+16125550147"),  # the country by its label
    ],
)
def test_phone_numbers_are_normalised_as_typing_does(
    form: FormDefinition, written: str, country: str, stored: str
) -> None:
    answers, problems = check(form, phone=written, residence_country=country)
    assert problems == []
    assert answers["phone"] == stored


@pytest.mark.parametrize(
    ("written", "code"),
    [("+1 612", "phone_too_short"), ("+999 1234567", "phone_unknown_country_code"),
     ("call me", "phone_not_a_number")],
)  # fmt: skip
def test_a_wrong_phone_is_one_problem_saying_what_typing_says(
    form: FormDefinition, written: str, code: str
) -> None:
    _answers, problems = check(form, phone=written)
    assert problems == [("phone", code)]  # not also the engine's "start with +" rule


@pytest.mark.parametrize(
    ("column", "written", "stored"),
    [
        ("residence_country", "Sierra Leone", "SL"),
        ("residence_country", "sierra leone", "SL"),
        ("residence_country", "Serra Leoa", "SL"),  # the Portuguese label
        ("residence_country", "Côte d'Ivoire", "CI"),
        ("residence_country", "cote divoire", "CI"),  # no accent, no apostrophe
        ("residence_country", "COTE D’IVOIRE", "CI"),  # a typographic apostrophe
        ("residence_country", "fr", "FR"),  # the name in another case
        ("sex", "Féminin", "female"),
        ("sex", "FEMININO", "female"),
        ("sex", "female", "female"),
        ("nationalities", "Sierra Leone, Côte d'Ivoire", "SL CI"),
        ("nationalities", "Serra Leoa; Costa do Marfim", "SL CI"),
        ("nationalities", "sl ci", "SL CI"),
        ("nationalities", "CI FR", "CI FR"),
    ],
)
def test_a_file_takes_choices_by_label_in_any_form_language(
    form: FormDefinition, column: str, written: str, stored: str
) -> None:
    answers, problems = check(form, **{column: written})
    assert problems == []
    assert answers[column] == stored


@pytest.mark.parametrize("written", ["Sierra", "Atlantis", "Sierra Leone Côte d'Ivoire"])
def test_what_matches_no_choice_is_still_refused(form: FormDefinition, written: str) -> None:
    _answers, problems = check(form, nationalities=written)
    assert problems == [("nationalities", "not_a_choice")]


def test_a_label_shared_by_two_choices_is_not_guessed() -> None:
    choices = [
        Choice("a", {"en": "Saint Paul"}),
        Choice("b", {"fr": "Saint-Paul"}),
        Choice("c", {"en": "Lomé"}),
    ]
    question = Question("place", "/data/place", "question", "select_one", choices=choices)
    reader = ChoiceReader(question)
    assert reader.one("saint paul") == "saint paul"  # two choices: left for the engine to refuse
    assert reader.one("lome") == "c"
    assert reader.one("a") == "a"
