"""Applying the server's committed answer to a batch: one local transaction marks the versions sent,
records conflicts and rejections for the supervisor, advances the checkpoint and drops the in-flight
batch. Until this commits, the batch stays in flight and is re-sent (and answered as a replay).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from forms.store import audit
from forms.store.batches import mark_batch_synced
from forms.store.schema import BATCH_APPROVED, BATCH_CLOSED, BatchRow, OutboxRow, RecordRow
from sync import protocol as p
from sync.client.batching import Inflight
from sync.client.state import SyncInflightRow, SyncIssueRow, device_row, now_iso

# Versions the server holds as they were sent (a duplicate is a replayed version it already had).
_SYNCED_STATUSES = frozenset({p.STATUS_ACCEPTED, p.STATUS_DUPLICATE})


def apply_answer(session: Session, inflight: Inflight, response: p.BatchResponse) -> Counter[str]:
    """Mark every version of the batch with its status; returns the count per status."""
    now = now_iso()
    results = response.by_version()
    rows = session.execute(
        select(OutboxRow.seq, OutboxRow.version_id, OutboxRow.record_id, OutboxRow.batch_id).where(
            OutboxRow.seq.in_(inflight.outbox_seqs)
        )
    ).all()
    if len(rows) != len(inflight.outbox_seqs) or any(row.version_id not in results for row in rows):
        # A short or foreign answer cannot be trusted; raising rolls back and the batch is re-sent.
        raise p.ProtocolError("The server's answer does not give a status for every record sent.")
    counts: Counter[str] = Counter()
    synced_versions: list[str] = []
    by_outcome: dict[tuple[str, str | None], list[int]] = defaultdict(list)
    for seq, version_id, record_id, _batch in rows:
        result = results[version_id]
        counts[result.status] += 1
        by_outcome[(result.status, result.reason)].append(seq)
        if result.status in _SYNCED_STATUSES:
            synced_versions.append(version_id)
        else:
            session.add(
                SyncIssueRow(
                    record_id=record_id,
                    version_id=version_id,
                    status=result.status,
                    reason=result.reason,
                    problems=json.dumps([_safe_problem(problem) for problem in result.problems]),
                    batch_id=inflight.batch_id,
                    at=now,
                )
            )
    # One UPDATE per distinct outcome (usually one), not one per row: 500 single-row updates cost seconds.
    for (status, reason), seqs in by_outcome.items():
        session.execute(
            update(OutboxRow)
            .where(OutboxRow.seq.in_(seqs))
            .values(sent_at=now, result=status, result_detail=reason)
            .execution_options(synchronize_session=False)
        )
    if synced_versions:
        session.execute(
            update(RecordRow)
            .where(RecordRow.version_id.in_(synced_versions))
            .values(synced_at=now)
            .execution_options(synchronize_session=False)
        )
    device = device_row(session)
    if device is not None:
        if inflight.outbox_seqs:
            device.acknowledged_seq = max(device.acknowledged_seq, max(inflight.outbox_seqs))
        device.audit_checkpoint = max(device.audit_checkpoint, inflight.audit_last)
    session.query(SyncInflightRow).filter(SyncInflightRow.batch_id == inflight.batch_id).delete()
    if rows:
        _mark_finished_batches(session, {row.batch_id for row in rows})
        # Logged only when records moved: an audit-only batch must not beget another audit entry.
        audit.append(
            session,
            "records_synced",
            details={"sync_batch_id": inflight.batch_id, **{status: n for status, n in counts.items()}},
        )
    return counts


def _mark_finished_batches(session: Session, batch_ids: set[str]) -> None:
    """Closed or approved event batches whose every record is now acknowledged become `synced`.

    An open batch stays open (the clerk is still adding records to it) even when all it holds is sent.
    """
    for batch_id in sorted(batch_ids):
        batch = session.get(BatchRow, batch_id)
        if batch is None or batch.status not in (BATCH_CLOSED, BATCH_APPROVED):
            continue
        waiting = session.scalar(
            select(OutboxRow.seq).where(OutboxRow.batch_id == batch_id, OutboxRow.sent_at.is_(None)).limit(1)
        )
        if waiting is None:
            mark_batch_synced(session, batch_id)


def _safe_problem(problem: object) -> dict[str, object]:
    """Only the code, the field name and non-personal parameters (the server already filters values)."""
    if not isinstance(problem, dict):
        return {}
    params = problem.get("params")
    return {
        "code": problem.get("code"),
        "field": problem.get("field"),
        "params": params if isinstance(params, dict) else {},
    }
