"""to_days remembers the day numbers of short texts (functions._DAYS_OF_TEXT): the remembered number is
the one worked out afresh, for texts and for node sets, the first time and every time after."""

from __future__ import annotations

import math
from typing import Any

from lxml import etree

from forms.engine import functions
from forms.engine.functions import day_number, to_days, to_num

TEXTS = [
    "2024-02-29", "2023-02-29", " 2001-05-17 ", "1970-01-01", "0001-01-01", "9999-12-31", "2001-5-17",
    "10:30", "23:59:59", "10:30:15.5", "25:00", "5", "-3", "12.5", ".5", "1e3", "", " ", "abc", "NaN",
    "2024-05-01T10:00:00Z", "2024-05-01T10:00:00+02:00", "2024-05-01 10:00", "2024-05-01T10:00:00.123",
    "٢٠٢٠-٠١-٠١", "2020-01-01\n",
]  # fmt: skip


def _afresh(text: str) -> float:
    """What to_days gave before it remembered anything."""
    days = day_number(text)
    if days is not None:
        return days
    clock = functions._TIME.match(text)
    if clock:
        return (int(clock[1]) * 3600 + int(clock[2]) * 60 + float(clock[3] or 0)) / 86400
    return to_num(text)


def _same(a: float, b: float) -> bool:
    return a == b or (math.isnan(a) and math.isnan(b))


def test_remembered_day_numbers_are_the_ones_worked_out_afresh() -> None:
    functions._DAYS_OF_TEXT.clear()
    for _ in range(2):  # the first call works it out, the second finds it remembered
        for text in TEXTS:
            element = etree.Element("x")
            element.text = text
            value: Any
            for value in (text, [element]):
                assert _same(to_days(value), _afresh(text)), (text, value)
    assert "2024-02-29" in functions._DAYS_OF_TEXT
    assert "2024-05-01T10:00:00Z" not in functions._DAYS_OF_TEXT  # an offset: the local zone decides


def test_numbers_and_booleans_are_not_texts() -> None:
    assert to_days(3.5) == 3.5 and to_days(True) == 1.0
    assert math.isnan(to_days([]))
