"""What goes wrong with a form or an answer, as data: the GUI and the server turn codes into words.

Codes used by the session and by ``FormDefinition.validate``:
``required``, ``constraint`` (params: ``message``, the form's own text in the session language or None),
``type_integer``, ``type_decimal``, ``type_date``, ``type_datetime``, ``type_time``, ``type_text``,
``not_a_choice`` (params: ``value``), ``out_of_range`` (params: ``minimum``, ``maximum``),
``read_only``, ``unknown_field``, ``not_relevant``, ``not_a_repeat``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from forms.errors import DeskError


@dataclass(frozen=True)
class Problem:
    """One problem with one answer. ``field`` is the field name (or repeat address) when known."""

    code: str
    params: dict[str, object] = field(default_factory=dict)
    field: str | None = None

    def at(self, name: str) -> Problem:
        return Problem(self.code, dict(self.params), name)


class FormError(DeskError):
    """A form that cannot be loaded; the message names the sheet, row and column, or the question."""


class ExpressionFormError(FormError):
    """A rule that cannot be used. Knows the question and the XLSForm column, so the loader can
    name the sheet, row and column when it has the workbook."""

    def __init__(self, question: str, column: str, reason: str, expression: str) -> None:
        self.question, self.column, self.reason, self.expression = question, column, reason, expression
        super().__init__(f"{reason}. The expression is: {expression}")

    def with_prefix(self, prefix: str) -> ExpressionFormError:
        located = ExpressionFormError(self.question, self.column, self.reason, self.expression)
        located.args = (f"{prefix}{self.message}",)
        return located
