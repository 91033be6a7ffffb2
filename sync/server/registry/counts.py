"""The dashboard's counts, kept up to date as records change (registry_counts), so a page view adds up
a small table instead of counting a million people.

One row per (dimension, country of residence, device, form, month of registration, value): how many
people of that cell have that value. Values are counted per country for ALL devices (``*``), per
device for ALL countries, and for both ALL, so a dashboard without a country or device filter adds
up a few thousand rows; the ``total`` dimension (one per person) is kept per country and device, since
it draws the country and device charts. A filter on a country AND a device is a few thousand people:
figures.py counts those directly.

``apply`` is called by the registry's catch-up (index.py) in the same transaction that rewrites a
person's row: the old row's contributions are taken away and the new row's added, so the table always
agrees with registry_people. Dimensions: ``total`` (one per person),
``week`` (the Monday of the registration's week), ``city`` (country, city), ``sector`` (each sector of
interest for investing) and the single-choice columns of figures.CHOICE_DIMENSIONS. An unknown
country or value is stored as '' (the derived columns never hold an empty string).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import BigInteger, String, text
from sqlalchemy.orm import Mapped, Session, mapped_column

from sync.server.models import UUID_LEN, Base

KEY_COLUMNS = ("dim", "country", "device_id", "form_id", "month", "k1", "k2")
ALL = "*"  # any country, or any device
CHOICE_COLUMNS = (
    "education_level",
    "occupation",
    "skills_sector",
    "invest_interest",
    "return_interest",
    "mentoring_interest",
    "sex",
)
Key = tuple[str, str, str, str, str, str, str]
_UPSERT_SQLITE = (
    "INSERT INTO registry_counts (dim, country, device_id, form_id, month, k1, k2, n) "
    "VALUES (:dim, :country, :device_id, :form_id, :month, :k1, :k2, :n) "
    "ON CONFLICT (dim, country, device_id, form_id, month, k1, k2) "
    "DO UPDATE SET n = registry_counts.n + excluded.n"
)
# PostgreSQL: the chunk's changes are COPYed into a temporary table and MERGEd (several times faster
# than INSERT ... ON CONFLICT row by row); a count that falls to 0 is deleted by the same statement.
_DELTA_TABLE = (
    "CREATE TEMPORARY TABLE IF NOT EXISTS registry_counts_delta (dim text, country text, device_id text, "
    "form_id text, month text, k1 text, k2 text, n bigint) ON COMMIT DELETE ROWS"
)
_MERGE = (
    "MERGE INTO registry_counts c USING registry_counts_delta d "
    "ON c.dim = d.dim AND c.country = d.country AND c.device_id = d.device_id AND c.form_id = d.form_id "
    "AND c.month = d.month AND c.k1 = d.k1 AND c.k2 = d.k2 "
    "WHEN MATCHED AND c.n + d.n = 0 THEN DELETE "
    "WHEN MATCHED THEN UPDATE SET n = c.n + d.n "
    "WHEN NOT MATCHED THEN INSERT (dim, country, device_id, form_id, month, k1, k2, n) "
    "VALUES (d.dim, d.country, d.device_id, d.form_id, d.month, d.k1, d.k2, d.n)"
)
_DELETE_EMPTY = (
    "DELETE FROM registry_counts WHERE n = 0 AND month = :month AND country = :country "
    "AND device_id = :device_id AND form_id = :form_id AND dim = :dim AND k1 = :k1 AND k2 = :k2"
)


class RegistryCountRow(Base):
    """How many people of one (month, country, device, form) cell have one value of one dimension."""

    __tablename__ = "registry_counts"

    dim: Mapped[str] = mapped_column(String(32), primary_key=True)
    country: Mapped[str] = mapped_column(String(8), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    form_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    k1: Mapped[str] = mapped_column(String(600), primary_key=True)
    k2: Mapped[str] = mapped_column(String(120), primary_key=True)
    n: Mapped[int] = mapped_column(BigInteger)


# The registry_people columns a person's contributions are made of (index.py reads them back on delete).
SOURCE_COLUMNS = (
    "registered_month",
    "registered_week",
    "residence_country",
    "residence_city",
    "device_id",
    "form_id",
    "invest_sectors",
    "counted",
    *CHOICE_COLUMNS,
)


def contributions(person: Mapping[str, Any]) -> list[Key]:
    """The cells one person of registry_people counts in (one each); none for a record that is not its
    person's counted record (duplicate detection linked it to an earlier one)."""
    if not person["counted"]:
        return []
    country = person["residence_country"] or ""
    device, form, month = person["device_id"], person["form_id"], person["registered_month"]
    values: list[tuple[str, str, str]] = [("week", person["registered_week"], "")]
    if country and person["residence_city"] is not None:
        values.append(("city", country, person["residence_city"]))
    values.extend((column, person[column], "") for column in CHOICE_COLUMNS if person[column] is not None)
    values.extend(("sector", token, "") for token in sorted(set(person["invest_sectors"].split())))
    keys: list[Key] = [("total", country, device, form, month, "", "")]
    for where, which in ((ALL, device), (country, ALL), (ALL, ALL)):
        if where:  # no country: counted under ALL only
            keys.extend((dim, where, which, form, month, k1, k2) for dim, k1, k2 in values)
    return keys


def apply(session: Session, removed: Iterable[Mapping[str, Any]], added: Iterable[Mapping[str, Any]]) -> None:
    """Take the removed people's contributions away and add the added people's (one transaction)."""
    delta: Counter[Key] = Counter()
    for person in removed:
        delta.subtract(contributions(person))
    for person in added:
        delta.update(contributions(person))
    # one order of keys: two workers updating the same cells wait for each other instead of deadlocking
    changes = sorted((key, n) for key, n in delta.items() if n)
    if not changes:
        return
    if session.get_bind().dialect.name == "postgresql":
        _postgresql_merge(session, changes)
        return
    session.execute(
        text(_UPSERT_SQLITE), [dict(zip(KEY_COLUMNS, key, strict=True), n=n) for key, n in changes]
    )
    emptied = [dict(zip(KEY_COLUMNS, key, strict=True)) for key, n in changes if n < 0]
    if emptied:
        session.execute(text(_DELETE_EMPTY), emptied)


def _postgresql_merge(session: Session, changes: list[tuple[Key, int]]) -> None:
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    cursor.execute(_DELTA_TABLE)
    with cursor.copy("COPY registry_counts_delta FROM STDIN") as copy:
        for key, n in changes:
            copy.write_row((*key, n))
    cursor.execute(_MERGE)
    cursor.execute("TRUNCATE registry_counts_delta")
