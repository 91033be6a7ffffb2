"""What typing reads specially, read the same way from a file: phone numbers (``forms.phones``: any
usual layout, E.164 stored, a number without "+" read in the country of residence) and dates written
in a known layout but impossible (``forms.dates.explain_typed_date``: "31/02/1985" has no such day).

Each cell that typing would refuse gets the same problem code the registration page shows; the
engine's own (vaguer) problem for that cell is then left out of the report.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from forms.dates import explain_typed_date
from forms.phones import REGION_FIELD, is_phone_question, read_phone

from .convert import CellProblem

if TYPE_CHECKING:
    from forms.engine import FormDefinition


def read_as_typed(form: FormDefinition, answers: dict[str, Any]) -> list[CellProblem]:
    """Normalise ``answers`` in place as typing does; the problems typing would show, by column."""
    problems: list[CellProblem] = []
    region = answers.get(REGION_FIELD)
    region = region if isinstance(region, str) else None
    for name, value in list(answers.items()):
        if not isinstance(value, str) or name not in form.by_name:
            continue
        kind = form.question(name).type
        if is_phone_question(name, kind):
            reading = read_phone(value, region)
            if reading.e164:
                answers[name] = reading.e164
            elif reading.problem:
                problems.append(CellProblem(name, reading.problem))
        elif kind == "date":
            problem = explain_typed_date(value)
            if problem is not None:
                problems.append(CellProblem(name, problem.code))
    return problems
