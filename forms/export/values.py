"""Turning answer values (the strings and numbers of contracts.md) into export cell values.

XLSX gets real dates, times and numbers; CSV keeps the ISO text as recorded. Excel has no time zones:
a datetime answer keeps the wall-clock time the clerk recorded (its offset is dropped), while the
``_submission_time`` meta column is converted to UTC, as KoboToolbox does.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time
from typing import Any

Converter = Callable[[Any], Any]


def _as_text(value: Any) -> Any:
    return value if value.__class__ is str else str(value)


def _as_int(value: Any) -> Any:
    if value.__class__ is int:
        return value
    try:
        return int(value)
    except (TypeError, ValueError):
        return _as_text(value)


def _as_float(value: Any) -> Any:
    if value.__class__ in (int, float):
        return value
    try:
        return float(value)
    except (TypeError, ValueError):
        return _as_text(value)


def _as_number(value: Any) -> Any:
    """A calculated number: an int when it is whole (``"46"``), else a float; text stays text."""
    if value.__class__ in (int, float):
        return value
    text = str(value).strip()
    try:
        number = float(text)
    except ValueError:
        return _as_text(value)
    if number.is_integer() and abs(number) < 2**53:
        return int(number)
    return number if number == number and abs(number) != float("inf") else _as_text(value)


def _as_date(value: Any) -> Any:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return _as_text(value)


def _as_wall_datetime(value: Any) -> Any:
    try:
        return datetime.fromisoformat(str(value)).replace(tzinfo=None)
    except ValueError:
        return _as_text(value)


def _as_time(value: Any) -> Any:
    try:
        return time.fromisoformat(str(value)).replace(tzinfo=None)
    except ValueError:
        return _as_text(value)


TYPED: dict[str, Converter] = {
    "integer": _as_int,
    "decimal": _as_float,
    "range": _as_float,
    "number": _as_number,
    "date": _as_date,
    "today": _as_date,
    "datetime": _as_wall_datetime,
    "start": _as_wall_datetime,
    "end": _as_wall_datetime,
    "time": _as_time,
}
# CSV is text anyway: only numbers are normalised, dates stay as the ISO text recorded.
TEXTUAL: dict[str, Converter] = {"integer": _as_int, "decimal": _as_float, "range": _as_float,
                                  "number": _as_number}  # fmt: skip


def converter_for(type_name: str, typed: bool) -> Converter:
    table = TYPED if typed else TEXTUAL
    return table.get(type_name, _as_text)


def utc_datetime(value: str, typed: bool) -> Any:
    """A stored UTC ISO timestamp as a naive UTC datetime (XLSX) or as the text itself (CSV)."""
    if not typed or not value:
        return value or None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return value
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed
