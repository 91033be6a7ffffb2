"""The dashboard's numbers, counted in SQL over registry_people (never a record loaded into Python).

One statement answers every chart: on PostgreSQL a GROUP BY GROUPING SETS (one scan of the table), on
SQLite the same groupings as a UNION ALL. Filters: registration day range, country of residence,
device, form. Small-cell suppression ("<5") is the page's job (see ``shown``), so the JSON API and the
CSV files apply the same rule through it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import Select, case, func, literal, null, select, text, union_all
from sqlalchemy.orm import Session

from sync.server.models import DeviceRow, RegistryPersonRow

P = RegistryPersonRow
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
        where: list[Any] = []
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


def sector_counts(session: Session, filters: Filters, sector_names: list[str]) -> list[tuple[str, int]]:
    if not sector_names:
        return []
    sums = [
        func.sum(case((P.invest_sectors.like(f"% {name} %"), 1), else_=0)).label(f"s{i}")
        for i, name in enumerate(sector_names)
    ]
    row = session.execute(select(*sums).where(*filters.conditions())).one()
    return sorted(
        ((name, int(row[i] or 0)) for i, name in enumerate(sector_names)),
        key=lambda item: (-item[1], item[0]),
    )


def compute(session: Session, filters: Filters, sector_names: list[str] | None = None) -> Figures:
    if session.get_bind().dialect.name == "postgresql":
        rows = _postgresql_rows(session, filters)
    else:
        rows = [(r.dim, r.k1, r.k2, int(r.n)) for r in session.execute(_union_all(filters))]
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
        key=lambda item: (-item[2], item[1]),
    )
    figures.invest_sectors = sector_counts(session, filters, sector_names or [])
    return figures


def shown(count: int, suppress: bool) -> str:
    """A count as a person sees it: '<5' for 1-4 when small cells are suppressed (analysts)."""
    if suppress and 0 < count < SUPPRESS_BELOW:
        return f"<{SUPPRESS_BELOW}"
    return str(count)
