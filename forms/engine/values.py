"""Typing: a value from a widget, an import or the server -> the text stored in the XForm instance.

The same functions serve the GUI (``FormSession.set``) and ``FormDefinition.validate``, so an import
accepts exactly what typing accepts. Answers dict values follow docs/contracts.md.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time
from typing import Any

from .model import Question
from .problems import Problem

_INTEGER = re.compile(r"^\s*[+-]?\d+\s*$")
_DECIMAL = re.compile(r"^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
INT_MIN, INT_MAX = -(2**31), 2**31 - 1  # XForms int is 32-bit in ODK Collect


def to_instance_text(question: Question, value: Any) -> tuple[str, Problem | None]:
    """(text for the instance, problem). Empty (None or "") clears the answer."""
    if value is None or (isinstance(value, str) and value.strip() == ""):
        return "", None
    kind = question.type
    if kind == "integer":
        return _integer(value)
    if kind == "decimal":
        return _decimal(value)
    if kind == "range":
        return _range(question, value)
    if kind == "date":
        return _date(value)
    if kind == "datetime":
        return _datetime(value)
    if kind == "time":
        return _time(value)
    if kind in ("select_one", "select_multiple"):
        return _select(question, value)
    if kind == "acknowledge":
        if value is True or value == "OK":
            return "OK", None
        return "", Problem("not_a_choice", {"value": str(value)[:40]})
    if not isinstance(value, str):
        return "", Problem("type_text", {})
    return value, None


def _integer(value: Any) -> tuple[str, Problem | None]:
    if isinstance(value, bool):
        return "", Problem("type_integer", {})
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) or (isinstance(value, str) and _INTEGER.match(value)):
        number = int(value)
        if INT_MIN <= number <= INT_MAX:
            return str(number), None
    return "", Problem("type_integer", {})


def _decimal(value: Any) -> tuple[str, Problem | None]:
    if isinstance(value, bool):
        return "", Problem("type_decimal", {})
    if isinstance(value, (int, float)) and math.isfinite(value):
        return _number_text(float(value)), None
    if isinstance(value, str) and _DECIMAL.match(value):
        return _number_text(float(value)), None
    return "", Problem("type_decimal", {})


def _number_text(number: float) -> str:
    return str(int(number)) if number.is_integer() and abs(number) < 1e15 else repr(number)


def _range(question: Question, value: Any) -> tuple[str, Problem | None]:
    text, problem = _decimal(value)
    if problem or question.range is None:
        return text, problem
    start, end, _step = question.range
    low, high = min(start, end), max(start, end)
    if not low <= float(text) <= high:
        return "", Problem("out_of_range", {"minimum": low, "maximum": high})
    return text, None


def _date(value: Any) -> tuple[str, Problem | None]:
    if isinstance(value, datetime):
        return "", Problem("type_date", {})
    if isinstance(value, date):
        return value.isoformat(), None
    if isinstance(value, str):
        text = value.strip()
        try:
            if _ISO_DATE.match(text):
                return date.fromisoformat(text).isoformat(), None
        except ValueError:
            pass
    return "", Problem("type_date", {})


def _datetime(value: Any) -> tuple[str, Problem | None]:
    moment = value if isinstance(value, datetime) else None
    if isinstance(value, str) and "T" in value:
        try:
            moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            moment = None
    if moment is None:
        return "", Problem("type_datetime", {})
    if moment.tzinfo is None:
        moment = moment.astimezone()  # a wall-clock time from this laptop: record its offset
    return moment.isoformat(timespec="milliseconds"), None


def _time(value: Any) -> tuple[str, Problem | None]:
    if isinstance(value, time):
        return value.strftime("%H:%M:%S"), None
    if isinstance(value, str):
        try:
            return time.fromisoformat(value.strip()).strftime("%H:%M:%S"), None
        except ValueError:
            pass
    return "", Problem("type_time", {})


def _select(question: Question, value: Any) -> tuple[str, Problem | None]:
    if isinstance(value, (list, tuple, set)):
        items = [str(v) for v in value]
    elif isinstance(value, str):
        items = value.split()
    else:
        return "", Problem("not_a_choice", {"value": str(value)[:40]})
    if question.type == "select_one" and len(items) != 1:
        return "", Problem("not_a_choice", {"value": " ".join(items)[:40]})
    known = {choice.name for choice in question.choices or []}
    for item in items:
        if known and item not in known:
            return "", Problem("not_a_choice", {"value": item[:40]})
    unique = list(dict.fromkeys(items))
    return " ".join(unique), None


def from_instance_text(question: Question, text: str) -> Any:
    """Instance text -> the answers-dict value (contracts.md); None when empty."""
    if text == "":
        return None
    if question.type == "integer":
        return int(text) if _INTEGER.match(text) else text
    if question.type in ("decimal", "range"):
        return float(text) if _DECIMAL.match(text) else text
    return text
