"""Spreadsheet cells -> the answers dict of docs/contracts.md, per question type.

The conversion only changes how a value is *written* (an Excel date cell, a number typed as text, a
date typed DD/MM/YYYY, a choice's label instead of its name, a comma between choices), accepting in a
file whatever the form accepts when typed (``forms.dates``, ``forms.importing.choices``); whether the
value is acceptable is decided by ``FormDefinition.validate``, the same check typing goes through.
The reasons of the report are ``forms.importing.reasons``'s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from forms.dates import parse_typed_date, parse_typed_datetime, parse_typed_time

from .reasons import REASONS, reason_for

if TYPE_CHECKING:
    from forms.engine.model import Question

    from .choices import ChoiceReader

__all__ = ["REASONS", "SAFE_PARAMS", "CellProblem", "convert_cell", "is_blank", "reason_for", "safe_params"]

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


def convert_cell(question: Question, value: Any, choices: ChoiceReader | None = None) -> Any:
    """The answers-dict value for one non-empty cell; values that cannot be converted are passed on
    unchanged so the engine reports them with its own code. ``choices`` reads a select's labels."""
    kind = question.type
    if kind == "date":
        if isinstance(value, datetime):
            # Excel stores a date as a datetime at midnight; a real time of day is not a date.
            return value.date().isoformat() if value.time() == time(0) else _text(value)
        if isinstance(value, date):
            return value.isoformat()
        return parse_typed_date(_text(value))  # 07/03/1990 as typed on the registration page
    if kind == "datetime":
        if isinstance(value, datetime):
            return (value if value.tzinfo else value.astimezone()).isoformat(timespec="seconds")
        text = _text(value)
        try:
            moment = datetime.fromisoformat(parse_typed_datetime(text).replace("Z", "+00:00"))
        except ValueError:
            return text
        return (moment if moment.tzinfo else moment.astimezone()).isoformat(timespec="seconds")
    if kind == "time":
        if isinstance(value, (time, datetime)):
            return value.strftime("%H:%M:%S")
        return parse_typed_time(_text(value))
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
        if choices is not None:
            return choices.many(_text(value))
        # Space is the XForm separator; commas and semicolons are what people type in a spreadsheet.
        return " ".join(part for part in _CHOICE_SEPARATORS.split(_text(value)) if part)
    if kind == "select_one" and choices is not None:
        return choices.one(_text(value))
    if kind == "acknowledge":
        if value is True or _text(value).lower() in _ACKNOWLEDGED:
            return "OK"
        return _text(value)
    return _text(value)


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")
