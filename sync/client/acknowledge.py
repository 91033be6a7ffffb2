"""Applying the server's committed answer to a batch: one local transaction marks the versions sent,
records conflicts and rejections for the supervisor, advances the checkpoint and drops the in-flight
batch. Until this commits, the batch stays in flight and is re-sent (and answered as a replay).

The outbox and its one checkpoint belong to the store: the marking is forms.store.outbox.acknowledge.
"""

from __future__ import annotations

import json
from collections import Counter

from sqlalchemy.orm import Session

from forms.store import outbox
from sync import protocol as p
from sync.client.batching import Inflight
from sync.client.state import SyncInflightRow, SyncIssueRow, device_row, now_iso

# Versions the server holds as they were sent (a duplicate is a replayed version it already had).
_SYNCED_STATUSES = frozenset({p.STATUS_ACCEPTED, p.STATUS_DUPLICATE})


def apply_answer(session: Session, inflight: Inflight, response: p.BatchResponse) -> Counter[str]:
    """Mark every version of the batch with its status; returns the count per status."""
    now = now_iso()
    results = response.by_version()
    rows = outbox.entries(session, inflight.outbox_seqs)
    if len(rows) != len(inflight.outbox_seqs) or any(row.version_id not in results for row in rows):
        # A short or foreign answer cannot be trusted; raising rolls back and the batch is re-sent.
        raise p.ProtocolError("The server's answer does not give a status for every record sent.")
    counts: Counter[str] = Counter()
    answers: list[outbox.Acknowledgement] = []
    for row in rows:
        result = results[row.version_id]
        counts[result.status] += 1
        answers.append(outbox.Acknowledgement(row.sequence, result.status, result.reason))
        if result.status not in _SYNCED_STATUSES:
            session.add(
                SyncIssueRow(
                    record_id=row.record_id,
                    version_id=row.version_id,
                    status=result.status,
                    reason=result.reason,
                    problems=json.dumps([_safe_problem(problem) for problem in result.problems]),
                    batch_id=inflight.batch_id,
                    at=now,
                )
            )
    # Marks sent, stamps synced, advances the one checkpoint, finishes event batches, audits (when
    # records moved: an audit-only batch must not beget another audit entry).
    outbox.acknowledge(session, answers, sync_batch_id=inflight.batch_id)
    device = device_row(session)
    if device is not None:
        device.audit_checkpoint = max(device.audit_checkpoint, inflight.audit_last)
    session.query(SyncInflightRow).filter(SyncInflightRow.batch_id == inflight.batch_id).delete()
    return counts


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
