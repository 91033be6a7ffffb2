"""Check every row of a table against the form, as typing would: convert the cells, then let
``FormDefinition.validate`` decide. Nothing is saved here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from forms.engine.model import pick
from forms.work import Cancelled, Work

from .choices import choice_readers
from .convert import CellProblem, convert_cell, is_blank, safe_params
from .fields import app_filled_names, computed_names, importable_questions
from .limits import MAX_LISTED_PROBLEMS
from .linked import direct_fields, direct_repeats
from .readers import ImportFileError, SourceRow, Table
from .typed import read_as_typed

if TYPE_CHECKING:
    from forms.engine import FormDefinition
    from forms.engine.model import Question

_OUTPUT = re.compile(r"\{\{.+?\}\}|\$\{[^}]+\}|<output[^>]*/>")
CHECKING = "checking"  # the progress message while rows are checked (forms.work.Work.progress)


@dataclass(frozen=True)
class RowProblem:
    """One rejected cell: ``row`` as the file shows it, ``column`` as in its header."""

    row: int
    column: str
    code: str
    reason: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class CheckedRows:
    """The answers of every accepted row (file order) and the problems of the rejected ones.

    Once a row is rejected nothing will be saved, so the accepted answers are let go (memory) and
    only counted; past ``MAX_LISTED_PROBLEMS`` problems are counted (``left_off``), not listed.
    """

    accepted: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    rows: int = 0  # rows checked (blank rows are not rows)
    rejected: int = 0  # rows with at least one problem
    left_off: int = 0  # problems found but not listed

    @property
    def rejected_rows(self) -> list[int]:
        """The rejected rows among the listed problems."""
        return sorted({p.row for p in self.problems})

    def add(self, number: int, answers: dict[str, Any], problems: list[RowProblem]) -> None:
        self.rows += 1
        if not problems:
            if not self.rejected:
                self.accepted.append((number, answers))
            return
        self.rejected += 1
        self.accepted.clear()
        room = max(MAX_LISTED_PROBLEMS - len(self.problems), 0)
        self.problems.extend(problems[:room])
        self.left_off += max(len(problems) - room, 0)


def check_columns(form: FormDefinition, columns: list[str], filename: str) -> None:
    """A column the form does not know stops the import before any row is read: a misspelt header
    would otherwise silently drop a whole column of answers."""
    known = {q.name for q in importable_questions(form)}
    computed = computed_names(form)
    app_filled = set(app_filled_names(form))
    for name in columns:
        if name in known:
            continue
        if name in app_filled:
            raise ImportFileError("app_filled_column", filename, name)
        if name in computed:
            raise ImportFileError("computed_column", filename, name)
        raise ImportFileError("unknown_column", filename, name)


def row_answers(form: FormDefinition, row: SourceRow) -> tuple[dict[str, Any], list[CellProblem]]:
    answers: dict[str, Any] = {}
    problems: list[CellProblem] = []
    choices = choice_readers(form)
    for column, value in row.cells.items():
        if column == "":
            problems.append(CellProblem("(no name)", "unnamed_column"))
            continue
        if isinstance(value, list):  # a repeat's instances, from its own sheet (forms.importing.linked)
            answers[column] = [_instance_answers(form.question(column), cells, choices) for cells in value]
            continue
        if is_blank(value):
            continue
        answers[column] = convert_cell(form.question(column), value, choices.get(column))
    return answers, problems


def _instance_answers(repeat: Question, cells: dict[str, Any], choices: dict[str, Any]) -> dict[str, Any]:
    fields = {q.name: q for q in direct_fields(repeat.children)}
    nested = {q.name: q for q in direct_repeats(repeat.children)}
    answers: dict[str, Any] = {}
    for column, value in cells.items():
        if isinstance(value, list) and column in nested:
            answers[column] = [_instance_answers(nested[column], inner, choices) for inner in value]
        elif not is_blank(value) and column in fields:
            answers[column] = convert_cell(fields[column], value, choices.get(column))
    return answers


def check_row(
    form: FormDefinition, row: SourceRow, defaults: dict[str, Any] | None = None
) -> tuple[dict[str, Any], list[RowProblem]]:
    """(answers, problems) for one row; ``defaults`` fill what the app would fill (an empty cell only)."""
    answers, cell_problems = row_answers(form, row)
    for name, value in (defaults or {}).items():
        answers.setdefault(name, value)
    typed = read_as_typed(form, answers)
    said = {p.column for p in typed}
    found = [RowProblem(row.number, p.column, p.code, p.reason, p.params) for p in [*cell_problems, *typed]]
    for problem in form.validate(answers):
        if problem.field in said:
            continue  # the typed problem already says what is wrong with this cell
        params = safe_params(problem.params)
        if "message" in params:
            params["message"] = unrendered_message(form, problem.field, problem.code)
        column = problem.field or "(row)"
        found.append(
            RowProblem(
                row.number, column, problem.code, CellProblem(column, problem.code, params).reason, params
            )
        )
    return answers, found


def unrendered_message(form: FormDefinition, field: str | None, code: str) -> str | None:
    """The form's own message as written, with each ``${field}`` shown as "…": a rendered message could
    carry another answer of the row into the report (docs/security.md: no personal values in reports)."""
    if field is None:
        return None
    try:
        question = form.question(field.rsplit("/", 1)[-1].split("[", 1)[0])
    except KeyError:
        return None
    texts = question.constraint_messages if code == "constraint" else question.required_messages
    message = pick(texts, None, form.default_language)
    return _OUTPUT.sub("…", message) if message else None


def check_table(
    form: FormDefinition,
    table: Table | Iterable[SourceRow],
    *,
    defaults: dict[str, Any] | None = None,
    work: Work | None = None,
) -> CheckedRows:
    """Every row checked (a rejected row does not stop the others: the report lists them all);
    ``work`` is told the progress (CHECKING) and a cancel raises ImportCancelled."""
    expected = table.row_count if isinstance(table, Table) else None
    result = CheckedRows()
    work = work or Work()
    for done, row in enumerate(table, start=1):
        work.raise_if_cancelled(ImportCancelled)
        answers, problems = check_row(form, row, defaults)
        result.add(row.number, answers, problems)
        work.progress(done, expected, CHECKING)
    return result


class ImportCancelled(Cancelled):
    """The person cancelled while rows were being checked or saved: nothing was saved."""

    def __init__(self) -> None:
        super().__init__("the import was cancelled; nothing was imported")
