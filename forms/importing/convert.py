"""Spreadsheet cells -> the answers dict of docs/contracts.md, per question type; and problem codes ->
the reason a person reads in the import report.

The conversion only changes how a value is *written* (an Excel date cell, a number typed as text, a
comma between choices); whether the value is acceptable is decided by ``FormDefinition.validate``,
the same check typing goes through. Reasons never repeat the cell's value (security.md): the row and
the column are enough for the person holding the file to find it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from forms.engine.model import Question

_INTEGER = re.compile(r"^[+-]?\d+$")
_DECIMAL = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")
_CHOICE_SEPARATORS = re.compile(r"[\s,;]+")
_ACKNOWLEDGED = {"ok", "yes", "true", "1", "oui", "sim", "x"}


@dataclass(frozen=True)
class CellProblem:
    """What is wrong with one cell: ``column`` as in the file's header, ``code`` as in the engine."""

    column: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def reason(self) -> str:
        return reason_for(self.code, self.params)


# Only parameters that say what is expected are kept; ``value`` (a person's answer) never is.
SAFE_PARAMS = ("minimum", "maximum", "message")

REASONS = {
    "required": "required, but empty",
    "type_integer": "not a whole number",
    "type_decimal": "not a number",
    "type_date": "not a valid date (expected YYYY-MM-DD)",
    "type_datetime": "not a valid date and time (expected YYYY-MM-DD HH:MM)",
    "type_time": "not a valid time (expected HH:MM)",
    "type_text": "not text",
    "not_a_choice": "not one of the allowed values (see the Choices sheet of the template)",
    "read_only": "read-only in the form: leave this column empty",
    "unknown_field": "not a field of the form",
    "not_relevant": "should be empty: the form does not ask this question given the other answers",
    "not_a_repeat": "repeated answers cannot be imported from a spreadsheet",
    "computed": "computed by the form: leave this column empty",
    "unnamed_column": "a value under a column without a name",
}


def reason_for(code: str, params: dict[str, Any]) -> str:
    if code == "constraint":
        message = params.get("message")
        return f"does not meet the form's rule: {message}" if message else "does not meet the form's rule"
    if code == "out_of_range":
        return f"outside the allowed range ({params.get('minimum')} to {params.get('maximum')})"
    return REASONS.get(code, f"refused by the form ({code})")


def safe_params(params: dict[str, Any]) -> dict[str, Any]:
    return {key: params[key] for key in SAFE_PARAMS if key in params}


def _number_text(value: int | float) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _text(value: Any) -> str:
    """A cell as the person would have typed it: numbers without a trailing .0, dates as ISO."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return _number_text(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value).strip()


def convert_cell(question: Question, value: Any) -> Any:
    """The answers-dict value for one non-empty cell; values that cannot be converted are passed on
    unchanged so the engine reports them with its own code."""
    kind = question.type
    if kind == "date":
        if isinstance(value, datetime):
            # Excel stores a date as a datetime at midnight; a real time of day is not a date.
            return value.date().isoformat() if value.time() == time(0) else _text(value)
        if isinstance(value, date):
            return value.isoformat()
        return _text(value)
    if kind == "datetime":
        if isinstance(value, datetime):
            return (value if value.tzinfo else value.astimezone()).isoformat(timespec="seconds")
        text = _text(value)
        try:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return text
        return (moment if moment.tzinfo else moment.astimezone()).isoformat(timespec="seconds")
    if kind == "time":
        if isinstance(value, (time, datetime)):
            return value.strftime("%H:%M:%S")
        return _text(value)
    if kind == "integer":
        if isinstance(value, bool):
            return _text(value)
        if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
            return int(value)
        text = _text(value)
        return int(text) if _INTEGER.match(text) else text
    if kind in ("decimal", "range"):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        text = _text(value)
        return float(text.replace(",", ".")) if _DECIMAL.match(text) else text
    if kind == "select_multiple":
        # Space is the XForm separator; commas and semicolons are what people type in a spreadsheet.
        return " ".join(part for part in _CHOICE_SEPARATORS.split(_text(value)) if part)
    if kind == "acknowledge":
        if value is True or _text(value).lower() in _ACKNOWLEDGED:
            return "OK"
        return _text(value)
    return _text(value)


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")
