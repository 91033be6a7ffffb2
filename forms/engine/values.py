"""Typing: a value from a widget, an import or the server -> the text stored in the XForm instance.

The same functions serve the GUI (``FormSession.set``) and ``FormDefinition.validate``, so an import
accepts exactly what typing accepts. Answers dict values follow docs/contracts.md.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time
from typing import Any

from .model import ATTACHMENT_TYPES, GEO_TYPES, Question
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
    if kind in GEO_TYPES:
        return geo_text(kind, value)
    if kind in ATTACHMENT_TYPES:
        return attachment_text(value)
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


# A point is "latitude longitude [altitude [accuracy]]" (ODK's text), degrees and metres; a trace or a
# shape is its points joined by ";". ODK refuses a trace of fewer than 2 points and a shape of fewer than 3.
_MIN_POINTS = {"geopoint": 1, "geotrace": 2, "geoshape": 3}
MAX_ATTACHMENT_NAME = 200
_BAD_NAME = re.compile(r"[/\\\x00-\x1f]")


def geo_text(kind: str, value: Any) -> tuple[str, Problem | None]:
    """(ODK text, problem) for a geopoint, geotrace or geoshape answer: text or numbers (a list of them
    for one point, a list of points for a trace); latitude within ±90, longitude ±180, accuracy >= 0."""
    problem = Problem(f"type_{kind}", {})
    one_point = isinstance(value, (list, tuple)) and value and not isinstance(value[0], (list, tuple))
    if kind == "geopoint" and one_point:
        points: list[Any] = [value]
    elif isinstance(value, (list, tuple)):
        points = list(value)
    elif isinstance(value, str):
        points = [part for part in value.strip().rstrip(";").split(";")]
    else:
        return "", problem
    if kind == "geopoint" and len(points) != 1:
        return "", problem
    texts: list[str] = []
    for point in points:
        if isinstance(point, str):
            parts = point.split()
        else:
            parts = list(point) if isinstance(point, (list, tuple)) else []
        if not 2 <= len(parts) <= 4:
            return "", problem
        numbers: list[float] = []
        for part in parts:
            text, bad = _decimal(part)
            if bad is not None:
                return "", problem
            numbers.append(float(text))
        latitude, longitude = numbers[0], numbers[1]
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180) or (len(numbers) == 4 and numbers[3] < 0):
            return "", Problem("geopoint_bounds", {})
        texts.append(" ".join(_number_text(n) for n in numbers))
    if len(texts) < _MIN_POINTS[kind]:
        return "", problem
    return ";".join(texts), None


def split_geopoint(text: str) -> tuple[float | None, float | None, float | None, float | None]:
    """ODK point text -> (latitude, longitude, altitude, accuracy), None where absent or unreadable."""
    parts = str(text).split()
    numbers: list[float | None] = []
    for part in parts[:4]:
        try:
            numbers.append(float(part))
        except ValueError:
            numbers.append(None)
    numbers += [None] * (4 - len(numbers))
    return numbers[0], numbers[1], numbers[2], numbers[3]


def attachment_text(value: Any) -> tuple[str, Problem | None]:
    """An attachment answer is the file's name, as in ODK's instance (the bytes are kept by the store:
    forms.store.attachments); a path or a name with control characters is refused."""
    if not isinstance(value, str):
        return "", Problem("type_attachment", {})
    name = value.strip()
    if name in (".", "..") or len(name) > MAX_ATTACHMENT_NAME or _BAD_NAME.search(name):
        return "", Problem("type_attachment", {})
    return name, None


def from_instance_text(question: Question, text: str) -> Any:
    """Instance text -> the answers-dict value (contracts.md); None when empty."""
    if text == "":
        return None
    if question.type == "integer":
        return int(text) if _INTEGER.match(text) else text
    if question.type in ("decimal", "range"):
        return float(text) if _DECIMAL.match(text) else text
    return text
