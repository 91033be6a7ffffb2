"""What a hub holds: the laptops enrolled with it, what each sent, what was relayed and what waits."""

from __future__ import annotations

import os
from typing import Any

from sqlalchemy import Engine, func, select

from sync.hub.place import HubPlace
from sync.hub.relay import audit_waiting, waiting
from sync.server.db import session_factory
from sync.server.hub_models import DeviceLaptopRow, HubApprovalRow, HubRelayedRow, HubRelayInflightRow
from sync.server.models import DeviceRow, RecordVersionRow


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
    }
