"""The supervisor's day at a glance, counted in SQL: today's registrations per clerk and per batch,
drafts, records sent back, records waiting to sync, the last sync, and the store's registrations by
country of residence, occupation, skills sector, sectors of interest and investment / return interest.

Only counts and choice codes leave this module (no names, no documents); the start page draws them.
Runs on the store lane, each time the Start page is shown: every figure walks an index or reads a kept
count, never the records' rows, so 100k records cost what a few do. The charts come from the counts
that triggers keep as records change (forms.store.chart_counts); ``answer_counts`` is the full recount
they must equal.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import text

from ._session import StoreOrSession, transaction
from .chart_counts import CHART_FIELDS, chart_counts
from .review import flagged_counts
from .stats import drafts_count, waiting_count

__all__ = ["CHART_FIELDS", "DayAtAGlance", "answer_counts", "as_json", "chart_fields", "day_at_a_glance"]

# A registration: a record whose latest version is final. Its first version (no deprecated_id) says
# who registered the person and when. The day's first versions come first (CROSS JOIN keeps that
# order: the partial index ix_records_first_created finds them), then each one's latest version.
_TODAY_BY = """
SELECT {key}, count(*) FROM records AS first
CROSS JOIN records AS latest ON latest.record_id = first.record_id AND latest.is_latest = 1
{join}
WHERE first.deprecated_id IS NULL AND latest.status = 'final'
  AND first.created_at >= :start AND first.created_at < :end
GROUP BY {key} ORDER BY count(*) DESC, {key}
"""

_ANSWER_COUNTS = """
SELECT json_extract(answers, :path) AS value, count(*) FROM records
WHERE is_latest = 1 AND status = 'final' AND value IS NOT NULL AND value != ''
GROUP BY value
"""


@dataclass(frozen=True)
class DayAtAGlance:
    day: str  # YYYY-MM-DD, the laptop's local day
    registered_today: int
    per_clerk: list[tuple[str, int]]
    per_batch: list[tuple[str, int]]  # batch name, count
    drafts: int
    sent_back: int
    waiting_to_sync: int
    last_sync: str | None  # ISO 8601 of the last acknowledged send
    charts: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # field -> (choice, count)


def local_day_bounds(day: date) -> tuple[str, str]:
    """The UTC ISO instants that start and end ``day`` in the laptop's time zone (records keep UTC)."""
    start = datetime.combine(day, time.min).astimezone()
    end = datetime.combine(day + timedelta(days=1), time.min).astimezone()
    return start.astimezone(UTC).isoformat(), end.astimezone(UTC).isoformat()


def answer_counts(target: StoreOrSession, name: str, multiple: bool) -> list[tuple[str, int]]:
    """How many registrations chose each choice of ``name``, most frequent first, recounted from every
    latest final version's answers (seconds at 100k records: the Start page reads the kept counts)."""
    with transaction(target, read_only=True) as session:
        rows = session.execute(text(_ANSWER_COUNTS), {"path": f"$.{name}"}).all()
    tally: Counter[str] = Counter()
    for value, count in rows:
        for choice in str(value).split() if multiple else [str(value)]:
            tally[choice] += int(count)
    return sorted(tally.items(), key=lambda item: (-item[1], item[0]))


def day_at_a_glance(target: StoreOrSession, today: date | None = None) -> DayAtAGlance:
    day = today or date.today()
    start, end = local_day_bounds(day)
    bounds = {"start": start, "end": end}
    with transaction(target, read_only=True) as session:
        per_clerk = session.execute(text(_TODAY_BY.format(key="first.operator", join="")), bounds).all()
        per_batch = session.execute(
            text(_TODAY_BY.format(key="batches.name", join="JOIN batches ON batches.id = latest.batch_id")),
            bounds,
        ).all()
        drafts, waiting = drafts_count(session), waiting_count(session)
        last_sync = session.execute(
            text("SELECT max(sent_at) FROM outbox WHERE sent_at IS NOT NULL")
        ).scalar()
        charts = chart_counts(session)
    sent_back = sum(flagged_counts(target).values())
    clerks = [(str(name), int(count)) for name, count in per_clerk]
    return DayAtAGlance(
        day=day.isoformat(),
        registered_today=sum(count for _name, count in clerks),
        per_clerk=clerks,
        per_batch=[(str(name), int(count)) for name, count in per_batch],
        drafts=drafts,
        sent_back=sent_back,
        waiting_to_sync=waiting,
        last_sync=str(last_sync) if last_sync else None,
        charts=charts,
    )


def chart_fields() -> list[str]:
    return list(CHART_FIELDS)


def as_json(glance: DayAtAGlance) -> dict[str, Any]:
    from dataclasses import asdict

    return asdict(glance)
