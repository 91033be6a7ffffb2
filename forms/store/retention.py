"""A laptop keeps nothing it no longer needs: records the server acknowledged are purged after N days.

``purge_synced_after_days`` (a supervisor's setting, default 7; 0 = as soon as acknowledged) applies to a
record when every one of its saved versions was acknowledged by the server (accepted or already held),
nothing of it waits in the outbox or is being sent, it has no draft, and, when only approved batches
sync, its batch was approved. Everything that belongs to it goes (``forms.store.erasure.delete_records_rows``:
versions, outbox rows, review flags, sync issues, autosaves, search-index entries), then the search
index is merged and the WAL truncated. The laptop keeps counts, not persons: the number purged, in
total and per batch, for the dashboard. Run after each sync and at unlock (``purge_due``).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import text

from . import audit
from ._session import StoreOrSession, transaction
from .erasure import delete_records_rows, scrub
from .errors import NotAllowedError
from .schema import SettingRow
from .sync_policy import only_approved_batches_sync

DAYS_SETTING = "retention.purge_synced_after_days"
PURGED_SETTING = "retention.purged"
DEFAULT_DAYS = 7
MAX_DAYS = 3650
CHUNK = 500

# Records all of whose saved versions the server holds, synced before the cutoff, with nothing waiting.
_DUE = """
SELECT r.record_id, MIN(r.batch_id) AS batch_id, MAX(r.status = 'erased') AS erased
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
    """People whose record (a saved, not erased, latest version) is on this laptop now."""
    with transaction(target, read_only=True) as session:
        query = text("SELECT count(DISTINCT record_id) FROM records WHERE is_latest = 1 AND status = 'final'")
        return int(session.execute(query).scalar() or 0)


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
            for record_id, batch_id, erased in due:
                purged.append(record_id)
                if not erased:  # an erased person is not counted either
                    counted += 1
                    kept["by_batch"][batch_id] = kept["by_batch"].get(batch_id, 0) + 1
            kept["total"] += counted
            session.merge(SettingRow(key=PURGED_SETTING, value=json.dumps(kept, sort_keys=True)))
            audit.append(session, "records_purged", details={"records": len(due), "after_days": days})
        total += len(due)
        if len(due) < CHUNK:
            break
    if total:
        scrub(store, purged)
    return total
