"""The ODK function library as lxml XPath extension functions (namespace ``expressions.EXT_NS``).

Each function receives lxml's context first, then its arguments as lxml passes them: node sets as
lists, strings, floats, booleans. Conversions follow XPath 1.0 (``string()``, ``number()``,
``boolean()``); dates are ISO strings in answers and day numbers (days since 1970-01-01, fraction =
time of day) in arithmetic, as ODK Collect does.
"""

from __future__ import annotations

import math
import random as _random
import re
import threading
import uuid as _uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from lxml import etree

from .expressions import EXT_NS

EPOCH = date(1970, 1, 1)
_NUMBER = re.compile(r"^\s*-?(\d+(\.\d*)?|\.\d+)\s*$")
_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


class Environment(threading.local):
    """What the functions need from the running session (per thread: the server validates in threads)."""

    def __init__(self) -> None:
        self.now: Callable[[], datetime] = lambda: datetime.now().astimezone()
        self.choice_label: Callable[[str, str], str] = lambda path, value: ""
        self.instances: dict[str, Any] = {}
        self.primary: Any = None  # the session's instance document
        self.current: Any = None  # the node the running expression belongs to (current())


ENV = Environment()


# --- XPath 1.0 conversions ----------------------------------------------------------------------
def node_text(node: Any) -> str:
    if isinstance(node, str):
        return str(node)
    text = node.text
    if len(node):
        return "".join(node.itertext())
    return text or ""


def to_str(value: Any) -> str:
    if isinstance(value, list):
        return node_text(value[0]) if value else ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return format_number(value)
    return str(value)


def format_number(value: float) -> str:
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def to_num(value: Any) -> float:
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, (int, float)):
        return float(value)
    text = to_str(value)
    return float(text) if _NUMBER.match(text) else math.nan


def to_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, list):
        return bool(value)
    if isinstance(value, float):
        return not (value == 0 or math.isnan(value))
    return bool(to_str(value))


def day_number(text: str) -> float | None:
    """Days since 1970-01-01 for an ISO date or date-time, else None."""
    text = text.strip()
    if len(text) < 10 or text[4:5] != "-" or text[7:8] != "-":
        return None
    try:
        if len(text) == 10:
            return float((date.fromisoformat(text) - EPOCH).days)
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    delta = moment - datetime(1970, 1, 1)
    return delta.days + delta.seconds / 86400 + delta.microseconds / 86400e6


_TIME = re.compile(r"^\s*(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?\s*$")


def to_days(value: Any) -> float:
    if isinstance(value, (list, str)):
        return days_of_text(to_str(value))
    return to_num(value)


def days_of_text(text: str) -> float:
    """to_days of a text, or of a node set whose text it is."""
    if len(text) > 10:  # a date-time: with an offset, its day number depends on the local time zone
        return _text_days(text)
    days = _DAYS_OF_TEXT.get(text)
    if days is None:  # a short text's day number is a function of the text alone: remembered
        if len(_DAYS_OF_TEXT) >= 8192:
            _DAYS_OF_TEXT.clear()
        days = _DAYS_OF_TEXT[text] = _text_days(text)
    return days


_DAYS_OF_TEXT: dict[str, float] = {}  # dates, times and numbers of at most 10 characters (to_days)


def _text_days(text: str) -> float:
    days = day_number(text)
    if days is not None:
        return days
    clock = _TIME.match(text)
    if clock:  # a time of day compares as a fraction of a day
        hours, minutes, seconds = int(clock[1]), int(clock[2]), float(clock[3] or 0)
        return (hours * 3600 + minutes * 60 + seconds) / 86400
    return to_num(text)


def to_moment(value: Any) -> datetime | None:
    if isinstance(value, (float, int)) and not isinstance(value, bool):
        if math.isnan(value):
            return None
        return datetime(1970, 1, 1) + timedelta(days=float(value))
    text = to_str(value).strip()
    days = day_number(text)
    if days is None:
        number = to_num(text)
        return None if math.isnan(number) else datetime(1970, 1, 1) + timedelta(days=number)
    return datetime(1970, 1, 1) + timedelta(days=days)


# --- the functions ------------------------------------------------------------------------------
def f_dn(_ctx: Any, value: Any) -> float:
    return to_days(value)


def f_if(_ctx: Any, condition: Any, then: Any, otherwise: Any) -> Any:
    return _plain(then) if to_bool(condition) else _plain(otherwise)


def _plain(value: Any) -> Any:
    # a node set is returned as its string value: branches of if() are values, not nodes
    return to_str(value) if isinstance(value, list) else value


def f_selected(_ctx: Any, values: Any, choice: Any) -> bool:
    return to_str(choice).strip() in to_str(values).split()


def f_count_selected(_ctx: Any, values: Any) -> float:
    return float(len(to_str(values).split()))


def f_selected_at(_ctx: Any, values: Any, index: Any) -> str:
    items = to_str(values).split()
    position = to_num(index)
    if math.isnan(position) or not 0 <= int(position) < len(items):
        return ""
    return items[int(position)]


def f_choice_name(_ctx: Any, value: Any, path: Any) -> str:
    return ENV.choice_label(to_str(path).strip(), to_str(value).strip())


def f_today(_ctx: Any) -> str:
    return ENV.now().date().isoformat()


def f_now(_ctx: Any) -> str:
    return ENV.now().isoformat(timespec="milliseconds")


def f_regex(_ctx: Any, value: Any, pattern: Any) -> bool:
    # ODK Collect uses Java's Matcher.matches(): the whole value must match
    try:
        return re.fullmatch(java_regex(to_str(pattern)), to_str(value)) is not None
    except re.error:
        return False


def java_regex(pattern: str) -> str:
    # the Java-only constructs that appear in real forms: possessive quantifiers, \p{...} classes
    pattern = re.sub(r"([*+?}])\+", r"\1", pattern)
    return (
        pattern.replace(r"\p{L}", r"[^\W\d_]").replace(r"\p{Alpha}", "[A-Za-z]").replace(r"\p{Digit}", r"\d")
    )


def f_coalesce(_ctx: Any, first: Any, second: Any) -> str:
    text = to_str(first)
    return text if text else to_str(second)


def f_substr(_ctx: Any, value: Any, start: Any, end: Any = None) -> str:
    text = to_str(value)
    begin = int(to_num(start))
    return text[begin:] if end is None else text[begin : int(to_num(end))]


def f_int(_ctx: Any, value: Any) -> float:
    number = to_num(value)
    return number if math.isnan(number) or math.isinf(number) else float(math.trunc(number))


def f_round(_ctx: Any, value: Any, digits: Any = 0.0) -> float:
    number = to_num(value)
    places = to_num(digits)
    if math.isnan(number) or math.isinf(number) or math.isnan(places):
        return number
    try:
        quantum = Decimal(1).scaleb(-int(places))
        # 15 significant digits: libxml2 reads the literal 2.345 as 2.3449999999999998
        return float(Decimal(format(number, ".15g")).quantize(quantum, rounding=ROUND_HALF_UP))
    except InvalidOperation:
        return number


def f_concat(_ctx: Any, *values: Any) -> str:
    return "".join(to_str(v) for v in values)


def f_string(_ctx: Any, value: Any = None) -> str:
    return to_str(value)


def f_date(_ctx: Any, value: Any) -> str:
    moment = to_moment(value)
    return "" if moment is None else moment.date().isoformat()


def f_date_time(_ctx: Any, value: Any) -> str:
    moment = to_moment(value)
    return "" if moment is None else moment.isoformat(timespec="milliseconds")


def f_decimal_date_time(_ctx: Any, value: Any) -> float:
    return to_days(value)


def f_decimal_time(_ctx: Any, value: Any) -> float:
    text = to_str(value).strip()
    try:
        moment = datetime.strptime(text[:8], "%H:%M:%S")
    except ValueError:
        return math.nan
    return (moment.hour * 3600 + moment.minute * 60 + moment.second) / 86400


_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


_DATE_CODES: dict[str, Callable[[datetime], str]] = {
    "Y": lambda m: f"{m.year:04d}", "y": lambda m: f"{m.year % 100:02d}", "m": lambda m: f"{m.month:02d}",
    "n": lambda m: str(m.month), "b": lambda m: _MONTHS[m.month - 1], "d": lambda m: f"{m.day:02d}",
    "e": lambda m: str(m.day), "H": lambda m: f"{m.hour:02d}", "h": lambda m: str(m.hour),
    "M": lambda m: f"{m.minute:02d}", "S": lambda m: f"{m.second:02d}",
    "3": lambda m: f"{m.microsecond // 1000:03d}", "a": lambda m: _DAYS[m.weekday()],
}  # fmt: skip
_DATE_CODE = re.compile(r"%(.)")


@lru_cache(maxsize=256)
def _date_pattern(pattern: str) -> tuple[str, ...]:
    """The pattern split as re.split gives it: text, code, text, ..., text (a form has a few patterns)."""
    return tuple(_DATE_CODE.split(pattern))


def f_format_date(_ctx: Any, value: Any, pattern: Any) -> str:
    moment = to_moment(value)
    if moment is None:
        return ""
    # each %X replaced by its code's text, an unknown code kept as written (as re.sub with a table did;
    # only the codes the pattern names are formatted)
    parts = _date_pattern(to_str(pattern))
    out = [parts[0]]
    for index in range(1, len(parts), 2):
        code = parts[index]
        render = _DATE_CODES.get(code)
        out.append(render(moment) if render is not None else "%" + code)
        out.append(parts[index + 1])
    return "".join(out)


def _numbers(values: tuple[Any, ...]) -> list[float]:
    found: list[float] = []
    for value in values:
        if isinstance(value, list):
            found.extend(to_num(node_text(node)) for node in value)
        else:
            found.append(to_num(value))
    return found


def f_min(_ctx: Any, *values: Any) -> float:
    numbers = _numbers(values)
    return math.nan if not numbers or any(math.isnan(n) for n in numbers) else min(numbers)


def f_max(_ctx: Any, *values: Any) -> float:
    numbers = _numbers(values)
    return math.nan if not numbers or any(math.isnan(n) for n in numbers) else max(numbers)


def f_boolean_from_string(_ctx: Any, value: Any) -> bool:
    return to_str(value).strip() in ("true", "1")


def f_once(ctx: Any, value: Any) -> Any:
    # once(): keep the node's current value if it has one (ODK semantics)
    current = getattr(ctx, "context_node", None)
    text = node_text(current) if current is not None else ""
    return text if text else _plain(value)


def f_uuid(_ctx: Any, length: Any = None) -> str:
    return str(_uuid.uuid4())


def f_position(ctx: Any, nodes: Any = None) -> float:
    if not isinstance(nodes, list) or not nodes:
        return math.nan
    node = nodes[0]
    return float(sum(1 for s in node.itersiblings(preceding=True) if s.tag == node.tag) + 1)


def f_join(_ctx: Any, separator: Any, *values: Any) -> str:
    parts: list[str] = []
    for value in values:
        parts.extend(node_text(n) for n in value) if isinstance(value, list) else parts.append(to_str(value))
    return to_str(separator).join(parts)


def f_count_non_empty(_ctx: Any, nodes: Any) -> float:
    return float(sum(1 for node in nodes if node_text(node))) if isinstance(nodes, list) else 0.0


def f_ends_with(_ctx: Any, value: Any, suffix: Any) -> bool:
    return to_str(value).endswith(to_str(suffix))


def f_instance(_ctx: Any, name: Any) -> list[Any]:
    root = ENV.instances.get(to_str(name))
    return [] if root is None else [root]


_PRIMARY_PATHS: dict[str, Any] = {}


def f_primary(_ctx: Any, path: Any) -> list[Any]:
    # a primary-instance path written inside a predicate on a secondary instance
    text = to_str(path)
    locator = _PRIMARY_PATHS.get(text)
    if locator is None:
        locator = _PRIMARY_PATHS[text] = etree.XPath(text, namespaces={"x": EXT_NS}, extensions=EXTENSIONS)
    return [] if ENV.primary is None else locator(ENV.primary)


def f_current(_ctx: Any) -> list[Any]:
    return [] if ENV.current is None else [ENV.current]


def f_random(_ctx: Any) -> float:
    return _random.random()


def _math(fn: Callable[..., float]) -> Callable[..., float]:
    def call(_ctx: Any, *args: Any) -> float:
        try:
            return float(fn(*(to_num(a) for a in args)))
        except (ValueError, OverflowError, ZeroDivisionError):
            return math.nan

    return call


FUNCTIONS: dict[str, Callable[..., Any]] = {
    "dn": f_dn, "if": f_if, "selected": f_selected, "count-selected": f_count_selected,
    "selected-at": f_selected_at, "choice-name": f_choice_name, "today": f_today, "now": f_now,
    "regex": f_regex, "coalesce": f_coalesce, "substr": f_substr, "int": f_int, "round": f_round,
    "concat": f_concat, "string": f_string, "date": f_date, "date-time": f_date_time,
    "decimal-date-time": f_decimal_date_time, "decimal-time": f_decimal_time,
    "format-date": f_format_date, "format-date-time": f_format_date, "min": f_min, "max": f_max,
    "boolean-from-string": f_boolean_from_string, "once": f_once, "uuid": f_uuid,
    "position": f_position, "join": f_join, "count-non-empty": f_count_non_empty,
    "ends-with": f_ends_with, "random": f_random, "instance": f_instance, "primary": f_primary,
    "current": f_current,
    "pow": _math(math.pow), "sqrt": _math(math.sqrt),
    "exp": _math(math.exp), "exp10": _math(lambda x: 10**x), "log": _math(math.log),
    "log10": _math(math.log10), "sin": _math(math.sin), "cos": _math(math.cos), "tan": _math(math.tan),
    "asin": _math(math.asin), "acos": _math(math.acos), "atan": _math(math.atan),
    "atan2": _math(math.atan2), "pi": _math(lambda: math.pi), "abs": _math(abs),
}  # fmt: skip

EXTENSIONS = {(EXT_NS, name): fn for name, fn in FUNCTIONS.items()}
_CALLED = re.compile(r"\bx:([\w.\-]+)\(")


def compile_rewritten(xpath_text: str) -> etree.XPath:
    """Compile with only the extension functions the expression calls: lxml registers every given
    extension on each evaluation, so passing all of them made each rule ~8x slower."""
    used = {(EXT_NS, name): FUNCTIONS[name] for name in _CALLED.findall(xpath_text) if name in FUNCTIONS}
    return etree.XPath(xpath_text, namespaces={"x": EXT_NS}, extensions=used)


def now_utc() -> datetime:
    return datetime.now(UTC)
