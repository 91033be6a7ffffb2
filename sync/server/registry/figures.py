"""The dashboard's numbers, in SQL (never a record loaded into Python).

Whole months of the date range are added up from registry_counts (counts.py: kept up to date by the
registry's catch-up, a small table); the days at the edges of a range that does not start or end on a
month's boundary are counted from registry_people on the spot, in one statement: on PostgreSQL a GROUP
BY GROUPING SETS (one scan), on SQLite the same groupings as a UNION ALL. That direct count over every
month (``compute(direct=True)``) is the reference the kept counts are tested against.

Every figure counts persons: a record that duplicate detection linked to an earlier record of the same
person is not counted (registry_people.counted, index.py), in the kept counts as in the direct ones.

Filters: registration day range, country of residence, device, form. Small-cell suppression ("<5")
is the page's job (see ``shown``), so the JSON API and the CSV files apply the same rule through it.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import Select, case, func, literal, null, select, text, union_all
from sqlalchemy.orm import Session

from sync.server.models import DeviceRow, RegistryPersonRow
from sync.server.registry import counts
from sync.server.registry.counts import RegistryCountRow

P = RegistryPersonRow
C = RegistryCountRow
SUPPRESS_BELOW = 5
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# Single-column breakdowns: name -> column. "cities" groups by (country, city).
CHOICE_DIMENSIONS = {
    "education_level": P.education_level,
    "occupation": P.occupation,
    "skills_sector": P.skills_sector,
    "invest_interest": P.invest_interest,
    "return_interest": P.return_interest,
    "mentoring_interest": P.mentoring_interest,
    "sex": P.sex,
}
MAX_CITIES = 200


@dataclass(frozen=True)
class Filters:
    day_from: str | None = None
    day_to: str | None = None
    country: str | None = None
    device: str | None = None
    form: str | None = None
    period: str = "month"  # or "week"

    @classmethod
    def parse(cls, params: Any) -> Filters:
        """From query parameters; anything malformed is ignored (one sentence is not needed for a filter)."""

        def day(name: str) -> str | None:
            value = str(params.get(name) or "").strip()
            return value if _DAY.fullmatch(value) else None

        def short(name: str, limit: int) -> str | None:
            value = str(params.get(name) or "").strip()
            return value[:limit] if value else None

        period = "week" if params.get("period") == "week" else "month"
        return cls(
            day("from"), day("to"), short("country", 8), short("device", 36), short("form", 200), period
        )

    def conditions(self) -> list[Any]:
        where: list[Any] = [P.counted.is_(True)]  # persons, not records (index.py: one row per person)
        if self.day_from:
            where.append(P.registered_day >= self.day_from)
        if self.day_to:
            where.append(P.registered_day <= self.day_to)
        if self.country:
            where.append(P.residence_country == self.country)
        if self.device:
            where.append(P.device_id == self.device)
        if self.form:
            where.append(P.form_id == self.form)
        return where

    def query_string(self) -> str:
        pairs = {
            "from": self.day_from,
            "to": self.day_to,
            "country": self.country,
            "device": self.device,
            "form": self.form,
            "period": self.period,
        }
        return urlencode({k: v for k, v in pairs.items() if v})


@dataclass
class Figures:
    total: int = 0
    over_time: list[tuple[str, int]] = field(default_factory=list)
    devices: list[tuple[str, str, int]] = field(default_factory=list)  # id, label, count
    countries: list[tuple[str, int]] = field(default_factory=list)
    cities: list[tuple[str, str, int]] = field(default_factory=list)  # country, city, count
    forms: list[tuple[str, int]] = field(default_factory=list)
    choices: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    invest_sectors: list[tuple[str, int]] = field(default_factory=list)


def _groupings(filters: Filters) -> dict[str, tuple[Any, ...]]:
    period = P.registered_week if filters.period == "week" else P.registered_month
    return {
        "time": (period,),
        "device": (P.device_id,),
        "country": (P.residence_country,),
        "city": (P.residence_country, P.residence_city),
        "form": (P.form_id,),
        **{name: (column,) for name, column in CHOICE_DIMENSIONS.items()},
    }


def _union_all(filters: Filters) -> Select[Any]:
    where = filters.conditions()
    parts = [
        select(literal("total").label("dim"), null().label("k1"), null().label("k2"), func.count().label("n"))
        .select_from(P)
        .where(*where)
    ]
    for name, columns in _groupings(filters).items():
        second = columns[1] if len(columns) > 1 else null()
        parts.append(
            select(
                literal(name).label("dim"),
                columns[0].label("k1"),
                second.label("k2"),
                func.count().label("n"),
            )
            .where(*where)
            .group_by(*columns)
        )
    return union_all(*parts)  # type: ignore[return-value]


def _postgresql_rows(session: Session, filters: Filters) -> list[tuple[str, Any, Any, int]]:
    """One scan: GROUPING SETS, decoded by which grouping set each row belongs to."""
    groupings = _groupings(filters)
    distinct_columns: list[Any] = []
    for columns in groupings.values():
        for column in columns:
            if all(column is not seen for seen in distinct_columns):
                distinct_columns.append(column)
    flags = [func.grouping(column).label(f"g{i}") for i, column in enumerate(distinct_columns)]
    sets_sql = ",".join(
        "(" + ",".join(column.key for column in columns) + ")" for columns in groupings.values()
    )
    query = (
        select(*distinct_columns, *flags, func.count().label("n"))
        .where(*filters.conditions())
        .group_by(text(f"GROUPING SETS ((),{sets_sql})"))
    )
    out: list[tuple[str, Any, Any, int]] = []
    positions = {id(column): i for i, column in enumerate(distinct_columns)}
    for row in session.execute(query):
        grouped = {i for i in range(len(distinct_columns)) if row[len(distinct_columns) + i] == 0}
        count = int(row.n)
        if not grouped:
            out.append(("total", None, None, count))
            continue
        for name, columns in groupings.items():
            if {positions[id(column)] for column in columns} == grouped:
                values = [row[positions[id(column)]] for column in columns]
                out.append((name, values[0], values[1] if len(values) > 1 else None, count))
                break
    return out


def direct_sector_counts(session: Session, filters: Filters, sector_names: list[str]) -> dict[str, int]:
    """Each sector's count straight from registry_people (the reference the kept counts must equal)."""
    if not sector_names:
        return {}
    sums = [
        func.sum(case((P.invest_sectors.like(f"% {name} %"), 1), else_=0)).label(f"s{i}")
        for i, name in enumerate(sector_names)
    ]
    row = session.execute(select(*sums).where(*filters.conditions())).one()
    return {name: int(row[i] or 0) for i, name in enumerate(sector_names)}


def direct_rows(session: Session, filters: Filters) -> list[tuple[str, Any, Any, int]]:
    """Every chart's (dimension, key, key, count) counted from registry_people on this call."""
    if session.get_bind().dialect.name == "postgresql":
        return _postgresql_rows(session, filters)
    return [(r.dim, r.k1, r.k2, int(r.n)) for r in session.execute(_union_all(filters))]


def _month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def split(filters: Filters) -> tuple[tuple[str | None, str | None] | None, list[Filters]]:
    """Whole months counted from registry_counts (first, last; None = open) and the days at the edges
    of the date range counted directly: (None, [filters]) when no whole month is in the range."""
    if filters.country and filters.device:  # a few thousand people: kept per country or per device only
        return None, [filters]
    if counts.ALL in (filters.country, filters.device):  # no one lives in "*": the kept rows must not say so
        return None, [filters]
    if not filters.day_from and not filters.day_to:
        return (None, None), []
    try:
        first = date.fromisoformat(filters.day_from) if filters.day_from else None
        last = date.fromisoformat(filters.day_to) if filters.day_to else None
    except ValueError:
        return None, [filters]
    if first and last and (first > last or (first.year, first.month) == (last.year, last.month)):
        if first.day == 1 and last == _month_end(last):
            return (first.isoformat()[:7], first.isoformat()[:7]), []
        return None, [filters]
    edges: list[Filters] = []
    low = high = None
    if first:
        low = first.isoformat()[:7]
        if first.day != 1:
            end = _month_end(first)
            edges.append(replace(filters, day_from=first.isoformat(), day_to=end.isoformat()))
            low = (end + timedelta(days=1)).isoformat()[:7]
    if last:
        high = last.isoformat()[:7]
        if last != _month_end(last):
            edges.append(replace(filters, day_from=last.replace(day=1).isoformat(), day_to=last.isoformat()))
            high = (last.replace(day=1) - timedelta(days=1)).isoformat()[:7]
    if low and high and low > high:
        return None, edges
    return (low, high), edges


def _kept_conditions(filters: Filters, months: tuple[str | None, str | None], *, totals: bool) -> list[Any]:
    """``totals``: the per-country, per-device rows of the ``total`` dimension; otherwise the rows
    counted for the filter's country and device, or for any (ALL) when there is no such filter."""
    where: list[Any] = []
    if months[0]:
        where.append(C.month >= months[0])
    if months[1]:
        where.append(C.month <= months[1])
    if totals:
        where.extend(
            condition
            for condition, wanted in (
                (C.country == filters.country, filters.country),
                (C.device_id == filters.device, filters.device),
            )
            if wanted
        )
    else:
        where.append(C.country == (filters.country or counts.ALL))
        where.append(C.device_id == (filters.device or counts.ALL))
    if filters.form:
        where.append(C.form_id == filters.form)
    return where


def _kept_rows(
    session: Session, filters: Filters, months: tuple[str | None, str | None]
) -> list[tuple[str, Any, Any, int]]:
    """The same rows as direct_rows, added up from registry_counts (sectors apart)."""
    out: list[tuple[str, Any, Any, int]] = []
    total = 0
    by: dict[str, Counter[Any]] = {name: Counter() for name in ("time", "device", "country", "form")}
    cells = (
        select(C.month, C.country, C.device_id, C.form_id, func.sum(C.n).label("n"))
        .where(C.dim == "total", *_kept_conditions(filters, months, totals=True))
        .group_by(C.month, C.country, C.device_id, C.form_id)
    )
    for month, country, device, form, n in session.execute(cells):
        n = int(n)
        if not n:
            continue
        total += n
        by["device"][device] += n
        by["country"][country or None] += n
        by["form"][form] += n
        if filters.period == "month":
            by["time"][month] += n
    out.append(("total", None, None, total))
    dims = ["city", *CHOICE_DIMENSIONS] + (["week"] if filters.period == "week" else [])
    values = (
        select(C.dim, C.k1, C.k2, func.sum(C.n).label("n"))
        .where(C.dim.in_(dims), *_kept_conditions(filters, months, totals=False))
        .group_by(C.dim, C.k1, C.k2)
        .having(func.sum(C.n) > 0)
    )
    for dim, k1, k2, n in session.execute(values):
        if dim == "week":
            by["time"][k1] += int(n)
        else:
            out.append((dim, k1, k2 or None, int(n)))
    for name, counted in by.items():
        out.extend((name, key, None, n) for key, n in counted.items() if n)
    return out


def _merged(parts: list[list[tuple[str, Any, Any, int]]]) -> list[tuple[str, Any, Any, int]]:
    if len(parts) == 1:
        return parts[0]
    summed: Counter[tuple[str, Any, Any]] = Counter()
    for rows in parts:
        for dim, k1, k2, n in rows:
            summed[(dim, k1, k2)] += n
    return [(dim, k1, k2, n) for (dim, k1, k2), n in summed.items() if n or dim == "total"]


def sector_counts(session: Session, filters: Filters, sector_names: list[str]) -> list[tuple[str, int]]:
    if not sector_names:
        return []
    months, edges = split(filters)
    counted: Counter[str] = Counter()
    if months is not None:
        kept = (
            select(C.k1, func.sum(C.n))
            .where(
                C.dim == "sector", C.k1.in_(sector_names), *_kept_conditions(filters, months, totals=False)
            )
            .group_by(C.k1)
        )
        counted.update({k1: int(n) for k1, n in session.execute(kept)})
    for edge in edges:
        counted.update(direct_sector_counts(session, edge, sector_names))
    return sorted(((name, counted[name]) for name in sector_names), key=lambda item: (-item[1], item[0]))


def compute(
    session: Session, filters: Filters, sector_names: list[str] | None = None, *, direct: bool = False
) -> Figures:
    """The dashboard's figures: whole months from the kept counts, the range's edge days counted
    directly (``direct=True``: everything counted from registry_people, the reference)."""
    if direct:
        rows = direct_rows(session, filters)
    else:
        months, edges = split(filters)
        parts = [_kept_rows(session, filters, months)] if months is not None else []
        rows = _merged(parts + [direct_rows(session, edge) for edge in edges])
    figures = Figures()
    for name in CHOICE_DIMENSIONS:
        figures.choices[name] = []
    for dim, k1, k2, n in rows:
        if dim == "total":
            figures.total = n
        elif dim == "time":
            figures.over_time.append((str(k1), n))
        elif dim == "device":
            figures.devices.append((str(k1), "", n))
        elif dim == "country":
            if k1 is not None:
                figures.countries.append((str(k1), n))
        elif dim == "city":
            if k1 is not None and k2 is not None:
                figures.cities.append((str(k1), str(k2), n))
        elif dim == "form":
            figures.forms.append((str(k1), n))
        elif k1 is not None:
            figures.choices[dim].append((str(k1), n))
    figures.over_time.sort()
    figures.countries.sort(key=lambda item: (-item[1], item[0]))
    figures.cities.sort(key=lambda item: (-item[2], item[0], item[1]))
    figures.cities = sorted(figures.cities[:MAX_CITIES], key=lambda item: (item[0], -item[2], item[1]))
    figures.forms.sort(key=lambda item: (-item[1], item[0]))
    for values in figures.choices.values():
        values.sort(key=lambda item: (-item[1], item[0]))
    labels = dict(session.execute(select(DeviceRow.device_id, DeviceRow.label)).all())
    figures.devices = sorted(
        ((device, labels.get(device, device[:8]), n) for device, _, n in figures.devices),
        key=lambda item: (-item[2], item[1], item[0]),  # a total order: equal labels too
    )
    if direct:
        found = direct_sector_counts(session, filters, sector_names or [])
        figures.invest_sectors = sorted(found.items(), key=lambda item: (-item[1], item[0]))
    else:
        figures.invest_sectors = sector_counts(session, filters, sector_names or [])
    return figures


def shown(count: int, suppress: bool) -> str:
    """A count as a person sees it: '<5' for 1-4 when small cells are suppressed (analysts)."""
    if suppress and 0 < count < SUPPRESS_BELOW:
        return f"<{SUPPRESS_BELOW}"
    return str(count)
