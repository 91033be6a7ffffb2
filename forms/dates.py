"""Dates and times as a clerk types them -> the answers format of docs/contracts.md.

The one owner of "what date formats the desk accepts": the registration page's date line, the batch
dialog's day and the spreadsheet import all read typed text here, so a file is never stricter than
typing. Text that is not understood is returned unchanged (stripped), so the form engine reports it
(``type_date``, ...) in the reader's language. No Qt here.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime

from forms.engine.problems import Problem

# What the registration page says it accepts ("YYYY-MM-DD or DD/MM/YYYY"); '.' and '-' also separate.
TYPED_DATE_FORMATS = "YYYY-MM-DD or DD/MM/YYYY"
_DMY = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")
_YMD = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_TIME = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*$")


def is_iso_date(text: str) -> bool:
    return bool(_YMD.match(text))


def parse_typed_date(text: str) -> str:
    """'1990-03-07', '7/3/1990' or '07.03.1990' -> '1990-03-07'; anything else (31/02/1985 too) is
    returned unchanged, stripped, for the engine to refuse."""
    for pattern, order in ((_YMD, (0, 1, 2)), (_DMY, (2, 1, 0))):
        match = pattern.match(text)
        if match:
            parts = [int(match.group(i + 1)) for i in order]
            try:
                return date(parts[0], parts[1], parts[2]).isoformat()
            except ValueError:
                return text.strip()
    return text.strip()


def explain_typed_date(text: str) -> Problem | None:
    """Why a date typed in a known layout is no date ("31/02/1985": February 1985 has 28 days), or None
    (then the engine's "type a date as ..." is the right sentence)."""
    for pattern, order in ((_YMD, (0, 1, 2)), (_DMY, (2, 1, 0))):
        match = pattern.match(text)
        if not match:
            continue
        year, month, day = (int(match.group(i + 1)) for i in order)
        if not 1 <= month <= 12:
            return Problem("date_no_such_month", {"month": month})
        last = calendar.monthrange(year, month)[1] if year >= 1 else 31
        if not 1 <= day <= last:
            return Problem("date_no_such_day", {"day": day, "month": month, "year": year, "last": last})
    return None


def parse_typed_datetime(text: str) -> str:
    """'2026-06-13 14:30' or '13/06/2026 14:30' -> ISO 8601 with this computer's offset."""
    stripped = text.strip()
    day, _, clock = stripped.partition(" ")
    if clock:
        iso_day = parse_typed_date(day)
        try:
            moment = datetime.fromisoformat(f"{iso_day}T{clock.strip()}")
        except ValueError:
            return stripped
        if moment.tzinfo is None:
            moment = moment.astimezone()
        return moment.isoformat(timespec="seconds")
    return stripped


def parse_typed_time(text: str) -> str:
    """'9:05' or '09:05' -> '09:05:00'; anything else unchanged, stripped."""
    match = _TIME.fullmatch(text)
    return f"{int(match.group(1)):02d}:{match.group(2)}:00" if match else text.strip()
