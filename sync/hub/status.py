"""What a hub holds: the laptops enrolled with it, what each sent, what was relayed and what waits, and
the attached files the central server refused (``files_refused``: each with its record's registration
reference, the file's name, the reason in words and what to do; sync/hub/relay.py keeps them)."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from forms.reference import reference_of
from forms.store.attachments import MAX_ATTACHMENT_BYTES
from sync import protocol as p
from sync.hub.place import HubPlace
from sync.hub.relay import audit_waiting, waiting
from sync.server.db import session_factory
from sync.server.hub_models import (
    DeviceLaptopRow,
    HubApprovalRow,
    HubFileRefusalRow,
    HubRelayedRow,
    HubRelayInflightRow,
)
from sync.server.models import DeviceRow, RecordVersionRow

_AGAIN = "the record goes again, with its file, at the next relay (diaspora-desk sync on this laptop)"
# refusal code -> (why, in a supervisor's words; what to do)
REFUSAL_REASONS: dict[str, tuple[str, str]] = {
    p.ERROR_NOT_RECORD_OWNER: (
        "another laptop owns this record: the central server holds it from a laptop that synced there "
        "directly",
        "give the central server's administrator this reference; once they hand that laptop's records over "
        "to this hub (diaspora-server device hand-over), " + _AGAIN,
    ),
    p.ERROR_FILE_MISMATCH: (
        "the file changed after it was attached: its bytes no longer match the record",
        "ask the clerk to attach the file again on their laptop and sync with the hub; " + _AGAIN,
    ),
    p.ERROR_FILE_REFUSED: (
        "the central server cannot keep this file for this record (too many files on the record, or the "
        "same file kept for another record)",
        "ask the clerk to check the record's files and sync with the hub; if it stays, give the central "
        "server's administrator the reference",
    ),
    p.ERROR_BODY_TOO_LARGE: (
        f"the file is larger than the server takes ({MAX_ATTACHMENT_BYTES // (1024 * 1024)} MB)",
        "ask the clerk to attach a smaller file (a photo or scan at a lower size) and sync with the hub; "
        + _AGAIN,
    ),
}


def is_running(pid: object) -> bool:
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def reference(record_id: str) -> str:
    """The record's registration reference (forms/reference.py); the id itself if it is not a UUID."""
    try:
        return reference_of(record_id)
    except ValueError:
        return record_id


def refusal_reason(code: str) -> tuple[str, str]:
    """(why, what to do) for a refusal code, in a supervisor's words."""
    return REFUSAL_REASONS.get(
        code,
        (
            f"the central server refused the file ({code})",
            "give the central server's administrator the reference and the code",
        ),
    )


def files_refused(session: Session) -> list[dict[str, Any]]:
    """The refused files the hub keeps (sync/hub/relay.py), oldest first, each with how many versions of
    its record still wait on the hub."""
    rows = list(
        session.scalars(
            select(HubFileRefusalRow).order_by(
                HubFileRefusalRow.first_refused_at, HubFileRefusalRow.record_id, HubFileRefusalRow.name
            )
        )
    )
    if not rows:
        return []
    relayed = select(HubRelayedRow.version_id)
    pending = dict(
        session.execute(
            select(RecordVersionRow.record_id, func.count())
            .where(RecordVersionRow.record_id.in_(sorted({row.record_id for row in rows})))
            .where(RecordVersionRow.version_id.not_in(relayed))
            .group_by(RecordVersionRow.record_id)
        ).all()
    )
    listed = []
    for row in rows:
        why, what_to_do = refusal_reason(row.code)
        listed.append(
            {
                "reference": reference(row.record_id),
                "record_id": row.record_id,
                "file": row.name,
                "code": row.code,
                "reason": why,
                "what_to_do": what_to_do,
                "times": row.times,
                "first_refused_at": _moment(row.first_refused_at),
                "last_refused_at": _moment(row.last_refused_at),
                "versions_waiting": int(pending.get(row.record_id, 0)),
            }
        )
    return listed


def _moment(moment: datetime) -> str:
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.isoformat(timespec="seconds")


def hub_status(engine: Engine, place: HubPlace) -> dict[str, Any]:
    config = place.read_config() if place.config.is_file() else {}
    with session_factory(engine)() as session:
        received = dict(
            session.execute(
                select(RecordVersionRow.device_id, func.count()).group_by(RecordVersionRow.device_id)
            ).all()
        )
        laptops = dict(session.execute(select(DeviceLaptopRow.device_id, DeviceLaptopRow.laptop_id)).all())
        devices = [
            {
                "device_id": row.device_id,
                "label": row.label,
                "laptop_id": laptops.get(row.device_id),
                "status": row.status,
                "last_seen_at": row.last_seen_at.isoformat(timespec="seconds") if row.last_seen_at else None,
                "records_received": int(received.get(row.device_id, 0)),
            }
            for row in session.scalars(select(DeviceRow).order_by(DeviceRow.enrolled_at))
        ]
        relayed = dict(
            session.execute(select(HubRelayedRow.status, func.count()).group_by(HubRelayedRow.status)).all()
        )
        in_flight = int(session.scalar(select(func.count()).select_from(HubRelayInflightRow)) or 0)
        waiting_now = waiting(session)
        approvals = dict(
            session.execute(
                select(HubApprovalRow.relayed_at.is_(None), func.count()).group_by(
                    HubApprovalRow.relayed_at.is_(None)
                )
            ).all()
        )
        audit_batches = len(audit_waiting(session))
        refused = files_refused(session)
    return {
        "running": is_running(config.get("pid")),
        "address": config.get("address"),
        "port": config.get("port"),
        "fingerprint": config.get("fingerprint"),
        "laptops": devices,
        "records_received": sum(int(n) for n in received.values()),
        "relayed": sum(int(n) for n in relayed.values()),
        "relayed_by_status": {str(k): int(v) for k, v in relayed.items()},
        "waiting": waiting_now,
        "relay_batches_in_flight": in_flight,
        "batches_approved": sum(int(n) for n in approvals.values()),
        "approvals_waiting": int(approvals.get(True, 0)),
        "audit_batches_waiting": audit_batches,
        "files_refused": refused,
    }
