"""A laptop keeps nothing it no longer needs: records the server acknowledged are purged after N days.

``purge_synced_after_days`` (a supervisor's setting, default 7; 0 = as soon as acknowledged) applies to a
record when every one of its saved versions was acknowledged by the server (accepted or already held),
nothing of it waits in the outbox or is being sent, it has no draft, and, when only approved batches
sync, its batch was approved. Everything that belongs to it goes (``forms.store.erasure.delete_records_rows``:
versions, outbox rows, review flags, sync issues, autosaves, search-index entries), then the search
index is merged and the WAL truncated. The laptop keeps counts, not persons: the number purged, in
total and per batch, for the dashboard and the records list ("only on the server now",
``server_only``), and, in the same transaction, which ones by id and dates only (forms.store.purged:
record id, batch, form id, when acknowledged, when removed; a receipt's reference is the id's start).
Run after each sync and at unlock (``purge_at_unlock``).

Unfinished work ages out too: a draft or an autosaved form not touched for ``purge_drafts_after_days``
(default 30) is deleted, but never before a warning was on the Start page for ``WARN_DAYS`` days:
``draft_warnings`` (run by the Start page) lists what is coming and notes when each item was first
announced (by version id or operator and time, never a value); ``purge_old_drafts`` deletes only what
was announced ``WARN_DAYS`` or more ago and is past the age. Touching a draft starts its clock again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import text

from . import audit
from ._session import StoreOrSession, transaction, utc_now
from .erasure import delete_records_rows, scrub
from .errors import NotAllowedError
from .purged import note_purged
from .schema import RecordRow, SettingRow
from .stats import latest_finals_count
from .sync_policy import only_approved_batches_sync

DAYS_SETTING = "retention.purge_synced_after_days"
PURGED_SETTING = "retention.purged"
DEFAULT_DAYS = 7
MAX_DAYS = 3650
CHUNK = 500
DRAFT_DAYS_SETTING = "retention.purge_drafts_after_days"
DRAFT_WARNED_SETTING = "retention.drafts_warned"
DEFAULT_DRAFT_DAYS = 30
WARN_DAYS = 7  # the Start page announces a deletion this long before it happens

# Records all of whose saved versions the server holds, synced before the cutoff, with nothing waiting.
_DUE = """
SELECT r.record_id, MIN(r.batch_id) AS batch_id, MAX(r.status = 'erased') AS erased,
       MAX(CASE WHEN r.is_latest = 1 THEN r.form_id END) AS form_id, MAX(r.synced_at) AS synced_at
FROM records r JOIN batches b ON b.id = r.batch_id
GROUP BY r.record_id
HAVING MAX(r.status = 'draft') = 0
   AND MAX(r.synced_at IS NULL) = 0
   AND MAX(r.synced_at) <= :cutoff
   AND (:approved_only = 0 OR MIN(b.status IN ('approved', 'synced')) = 1)
   AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.record_id = r.record_id AND o.sent_at IS NULL)
LIMIT :limit
"""


def purge_days(target: StoreOrSession) -> int:
    with transaction(target, read_only=True) as session:
        row = session.get(SettingRow, DAYS_SETTING)
        return int(row.value) if row else DEFAULT_DAYS


def set_purge_days(store: Any, days: int) -> None:
    """Supervisors only; audited (the setting, never a record)."""
    if not store.operator.is_supervisor:
        raise NotAllowedError("Only a supervisor may decide how long synced records stay on this laptop.")
    if not 0 <= days <= MAX_DAYS:
        raise ValueError(f"the number of days is from 0 to {MAX_DAYS}")
    with transaction(store) as session:
        session.merge(SettingRow(key=DAYS_SETTING, value=str(days)))
        audit.append(session, "retention_set", details={"purge_synced_after_days": days})


def purged_counts(target: StoreOrSession) -> dict[str, Any]:
    """``{"total": N, "by_batch": {batch_id: N}}``: what the laptop registered and no longer keeps."""
    with transaction(target, read_only=True) as session:
        row = session.get(SettingRow, PURGED_SETTING)
        return json.loads(row.value) if row else {"total": 0, "by_batch": {}}


def persons_kept(target: StoreOrSession) -> int:
    """People whose record (a saved, not erased, latest version) is on this laptop now: one latest
    version per record, counted over an index (forms.store.stats)."""
    with transaction(target, read_only=True) as session:
        return latest_finals_count(session)


def purge_due(store: Any, now: datetime | None = None) -> int:
    """Purge every record past the setting; returns how many records went."""
    days = purge_days(store)
    cutoff = ((now or datetime.now(UTC)) - timedelta(days=days)).isoformat(timespec="microseconds")
    approved_only = 1 if only_approved_batches_sync(store) else 0
    total = 0
    purged: list[str] = []
    while True:
        with store.session() as session:
            due = session.execute(
                text(_DUE), {"cutoff": cutoff, "approved_only": approved_only, "limit": CHUNK}
            ).all()
            if not due:
                break
            row = session.get(SettingRow, PURGED_SETTING)
            kept: dict[str, Any] = json.loads(row.value) if row else {"total": 0, "by_batch": {}}
            counted = 0
            delete_records_rows(session, [item.record_id for item in due])
            listed: list[tuple[str, str, str | None, str]] = []
            for record_id, batch_id, erased, form_id, synced_at in due:
                purged.append(record_id)
                if not erased:  # an erased person is neither counted nor listed
                    counted += 1
                    kept["by_batch"][batch_id] = kept["by_batch"].get(batch_id, 0) + 1
                    listed.append((record_id, batch_id, form_id, synced_at))
            kept["total"] += counted
            note_purged(session, listed, utc_now())  # ids and dates only: which are on the server now
            session.merge(SettingRow(key=PURGED_SETTING, value=json.dumps(kept, sort_keys=True)))
            audit.append(session, "records_purged", details={"records": len(due), "after_days": days})
        total += len(due)
        if len(due) < CHUNK:
            break
    if total:
        scrub(store, purged)
    return total


def server_only(target: StoreOrSession, batch_id: str | None = None) -> int:
    """Records this laptop registered (of that batch, or of every batch) that are only on the server now."""
    counts = purged_counts(target)
    if batch_id is None:
        return int(counts.get("total", 0))
    return int(counts.get("by_batch", {}).get(batch_id, 0))


# --- drafts and autosaves ----------------------------------------------------------------------------


@dataclass(frozen=True)
class DraftDeletion:
    """Unfinished work that will be deleted on ``day`` (the laptop's local date, ISO)."""

    day: str
    drafts: int
    autosaves: int


@dataclass(frozen=True)
class _Unfinished:
    key: str  # what the warning remembers: a draft's version id or an autosave's operator, and when
    kind: str  # "draft" | "autosave"
    touched: datetime
    version_id: str | None = None
    operator: str | None = None
    saved_at: str | None = None


def draft_days(target: StoreOrSession) -> int:
    with transaction(target, read_only=True) as session:
        row = session.get(SettingRow, DRAFT_DAYS_SETTING)
        return int(row.value) if row else DEFAULT_DRAFT_DAYS


def set_draft_days(store: Any, days: int) -> None:
    """Supervisors only; audited. At least WARN_DAYS + 1, so a warning always comes first."""
    if not store.operator.is_supervisor:
        raise NotAllowedError("Only a supervisor may decide how long drafts stay on this laptop.")
    if not WARN_DAYS < days <= MAX_DAYS:
        raise ValueError(f"the number of days is from {WARN_DAYS + 1} to {MAX_DAYS}")
    with transaction(store) as session:
        session.merge(SettingRow(key=DRAFT_DAYS_SETTING, value=str(days)))
        audit.append(session, "retention_set", details={"purge_drafts_after_days": days})


def _moment(value: str) -> datetime:
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _unfinished(session: Any) -> list[_Unfinished]:
    found: list[_Unfinished] = []
    drafts = session.execute(
        text("SELECT version_id, updated_at FROM records WHERE status = 'draft' AND is_latest = 1")
    )
    for version_id, updated_at in drafts:
        found.append(_Unfinished(f"d:{version_id}@{updated_at}", "draft", _moment(updated_at), version_id))
    tables = {row[0] for row in session.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))}
    if "autosaves" in tables:
        for operator, saved_at in session.execute(text("SELECT operator, saved_at FROM autosaves")):
            found.append(
                _Unfinished(
                    f"a:{operator}@{saved_at}",
                    "autosave",
                    _moment(saved_at),
                    operator=operator,
                    saved_at=saved_at,
                )
            )
    return found


def _warned(session: Any) -> dict[str, str]:
    row = session.get(SettingRow, DRAFT_WARNED_SETTING)
    return dict(json.loads(row.value)) if row else {}


def _deletion_time(item: _Unfinished, days: int, first_warned: str) -> datetime:
    return max(item.touched + timedelta(days=days), _moment(first_warned) + timedelta(days=WARN_DAYS))


def draft_warnings(store: Any, now: datetime | None = None, *, announce: bool = True) -> list[DraftDeletion]:
    """What the Start page announces: drafts and autosaves that will be deleted within WARN_DAYS days,
    grouped by the day they go, soonest first. With ``announce`` (the page is on screen) notes when each
    item was first announced (its deletion comes WARN_DAYS days after that at the earliest); items no
    longer waiting are forgotten. Without it nothing is noted, and the days shown assume an
    announcement now."""
    now = now or datetime.now(UTC)
    days = draft_days(store)
    groups: dict[str, list[int]] = {}
    with store.session() as session:
        warned = _warned(session)
        kept: dict[str, str] = {}
        for item in _unfinished(session):
            if item.touched + timedelta(days=days - WARN_DAYS) > now and item.key not in warned:
                continue  # not yet in the warning window
            kept[item.key] = warned.get(item.key) or now.isoformat(timespec="seconds")
            when = max(_deletion_time(item, days, kept[item.key]), now)
            counts = groups.setdefault(when.astimezone().date().isoformat(), [0, 0])
            counts[0 if item.kind == "draft" else 1] += 1
        if announce and kept != warned:
            session.merge(SettingRow(key=DRAFT_WARNED_SETTING, value=json.dumps(kept, sort_keys=True)))
    return [DraftDeletion(day, drafts, autosaves) for day, (drafts, autosaves) in sorted(groups.items())]


def purge_old_drafts(store: Any, now: datetime | None = None) -> tuple[int, int]:
    """Delete the drafts and autosaves past the age whose deletion was announced WARN_DAYS days ago or
    more; returns (drafts, autosaves) deleted. A draft that edited a saved record gives the saved
    version back its place (as discarding it would); audited with ids only."""
    now = now or datetime.now(UTC)
    days = draft_days(store)
    drafts = autosaves = 0
    with store.session() as session:
        warned = _warned(session)
        for item in _unfinished(session):
            first = warned.get(item.key)
            if first is None or _deletion_time(item, days, first) > now:
                continue
            warned.pop(item.key)
            if item.kind == "draft":
                row = session.get(RecordRow, item.version_id)
                if row is None:
                    continue
                record_id, previous = row.record_id, row.deprecated_id
                if previous is None:  # a new person never saved: nothing of the record stays
                    delete_records_rows(session, [record_id])
                else:
                    session.delete(row)
                    session.flush()
                    earlier = session.get(RecordRow, previous)
                    if earlier is not None:
                        earlier.is_latest = True
                        session.flush()
                audit.append(
                    session,
                    "draft_purged",
                    record_id=record_id,
                    details={"version_id": item.version_id, "after_days": days},
                )
                drafts += 1
            else:
                result = session.execute(
                    text("DELETE FROM autosaves WHERE operator = :o AND saved_at = :s"),
                    {"o": item.operator, "s": item.saved_at},
                )
                autosaves += int(getattr(result, "rowcount", 0) or 0)
        if autosaves:
            audit.append(session, "autosaves_purged", details={"autosaves": autosaves, "after_days": days})
        session.merge(SettingRow(key=DRAFT_WARNED_SETTING, value=json.dumps(warned, sort_keys=True)))
    if drafts or autosaves:
        scrub(store)  # search index merged, WAL truncated (backups rotate within 7 days)
    return drafts, autosaves


@dataclass(frozen=True)
class UnlockPurge:
    synced: int  # acknowledged records past the setting
    drafts: int
    autosaves: int


def purge_at_unlock(store: Any, now: datetime | None = None) -> UnlockPurge:
    """What a session starts with: retention of acknowledged records, then old drafts and autosaves."""
    drafts, autosaves = purge_old_drafts(store, now)
    return UnlockPurge(purge_due(store, now), drafts, autosaves)
