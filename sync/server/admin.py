"""What the IT officer does to the server: initialise, enrol, revoke, publish forms, read the figures.

Each function takes an Engine and works in its own transaction; the CLI (cli.py) only parses arguments
and prints. Failures are DeskErrors with one plain sentence.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from forms.errors import DeskError
from sync.server import auth
from sync.server.db import session_factory, transaction, upgrade
from sync.server.models import (
    AdminRow,
    BatchRow,
    ConflictRow,
    DeviceHandoverRow,
    DeviceRow,
    FormVersionRow,
    RecordRow,
    RecordVersionRow,
)
from sync.server.validation import read_form_identity

MAX_FORM_BYTES = 20 * 1024 * 1024
log = logging.getLogger("sync.server.admin")


class AdminError(DeskError):
    """An admin action that cannot be done as asked."""


def initialise(engine: Engine, admin_name: str = "admin") -> str | None:
    """Create or upgrade the schema; create the first admin and return its token (None if one exists)."""
    upgrade(engine)
    with transaction(session_factory(engine)) as session:
        if session.scalar(select(func.count()).select_from(AdminRow)):
            return None
        token = auth.new_token()
        session.add(AdminRow(name=admin_name, token_hash=auth.token_hash(token), created_at=auth.utcnow()))
        return token


def is_admin_token(session: Session, token: str) -> bool:
    found = session.scalar(select(AdminRow.id).where(AdminRow.token_hash == auth.token_hash(token)))
    return found is not None


def create_enrollment_code(engine: Engine, label: str, expires_hours: float) -> tuple[str, datetime]:
    if not label.strip():
        raise AdminError("Give the enrolment code a label that says which laptop it is for.")
    if len(label.strip()) > 200:
        raise AdminError("The label is longer than 200 characters.")
    if not 0 < expires_hours <= 24 * 14:
        raise AdminError("An enrolment code expires after more than 0 and at most 336 hours.")
    with transaction(session_factory(engine)) as session:
        return auth.create_enrollment_code(session, label.strip(), expires_hours)


@dataclass(frozen=True)
class DeviceInfo:
    device_id: str
    label: str
    device_label: str
    status: str
    enrolled_at: datetime
    last_seen_at: datetime | None

    def to_json(self) -> dict[str, Any]:
        return {
            "device_id": self.device_id,
            "label": self.label,
            "device_label": self.device_label,
            "status": self.status,
            "enrolled_at": auth.as_utc(self.enrolled_at).isoformat(timespec="seconds"),
            "last_seen_at": auth.as_utc(self.last_seen_at).isoformat(timespec="seconds")
            if self.last_seen_at
            else None,
        }


def list_devices(engine: Engine) -> list[DeviceInfo]:
    with transaction(session_factory(engine)) as session:
        rows = session.scalars(select(DeviceRow).order_by(DeviceRow.enrolled_at)).all()
        return [
            DeviceInfo(r.device_id, r.label, r.device_label, r.status, r.enrolled_at, r.last_seen_at)
            for r in rows
        ]


def set_device_status(engine: Engine, device_id: str, status: str) -> DeviceInfo:
    """Revoke a device or mark it lost (a lost device is told to erase its keys at its next contact)."""
    if status not in (auth.DEVICE_REVOKED, auth.DEVICE_LOST):
        raise AdminError("A device can only be revoked or marked lost.")
    with transaction(session_factory(engine)) as session:
        row = session.get(DeviceRow, device_id.strip().lower())
        if row is None:
            raise AdminError(f"No device with id {device_id.strip()}; see `diaspora-server device list`.")
        if row.status == auth.DEVICE_REVOKED and status == auth.DEVICE_LOST:
            raise AdminError("That device is already revoked; a revoked device is never contacted again.")
        row.status = status
        row.status_changed_at = auth.utcnow()
        return DeviceInfo(
            row.device_id, row.label, row.device_label, row.status, row.enrolled_at, row.last_seen_at
        )


@dataclass(frozen=True)
class Handover:
    from_device: str
    from_label: str
    to_device: str
    to_label: str


def hand_over(engine: Engine, from_device: str, to_device: str, *, decided_by: str) -> Handover:
    """Record that `to_device` may change the records `from_device` created (and those handed to it).

    For a replaced laptop (its store restored on a new, newly enrolled laptop) and for a hub that
    relays a desk's edits. Idempotent; refused for an unknown device, the same device twice, or a
    receiver that is no longer active.
    """
    source_id, target_id = from_device.strip().lower(), to_device.strip().lower()
    if source_id == target_id:
        raise AdminError("A device already owns its own records; name two different devices.")
    with transaction(session_factory(engine)) as session:
        source, target = session.get(DeviceRow, source_id), session.get(DeviceRow, target_id)
        if source is None or target is None:
            missing = from_device if source is None else to_device
            raise AdminError(f"No device with id {missing.strip()}; see `diaspora-server device list`.")
        if target.status != auth.DEVICE_ACTIVE:
            raise AdminError("Records can be handed only to an active device (that one is revoked or lost).")
        exists = session.scalar(
            select(DeviceHandoverRow.id).where(
                DeviceHandoverRow.from_device_id == source_id, DeviceHandoverRow.to_device_id == target_id
            )
        )
        if exists is None:
            session.add(
                DeviceHandoverRow(
                    from_device_id=source_id,
                    to_device_id=target_id,
                    decided_by=decided_by[:200],
                    decided_at=auth.utcnow(),
                )
            )
        log.info("hand-over: device %s may change the records of device %s", target_id, source_id)
        return Handover(source_id, source.label, target_id, target.label)


def stats(engine: Engine) -> dict[str, Any]:
    with transaction(session_factory(engine)) as session:

        def count(model: Any, *where: Any) -> int:
            return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)

        device_counts = {
            status: n
            for status, n in session.execute(
                select(DeviceRow.status, func.count()).group_by(DeviceRow.status)
            )
        }
        return {
            "distinct_records": count(RecordRow),
            "deleted_records": count(RecordRow, RecordRow.deleted.is_(True)),
            "versions": count(RecordVersionRow),
            "batches": count(BatchRow),
            "devices": sum(device_counts.values()),
            "devices_by_status": {s: int(device_counts.get(s, 0)) for s in ("active", "lost", "revoked")},
            "conflicts": count(ConflictRow, ConflictRow.resolved_at.is_(None)),
            "form_versions": count(FormVersionRow),
        }


@dataclass(frozen=True)
class PublishedFormInfo:
    form_id: str
    version: str
    title: str
    sha256: str


def publish_form(engine: Engine, path: Path) -> PublishedFormInfo:
    """Store a new published form version; refuse a version number that is already published."""
    if not path.is_file():
        raise AdminError(f"There is no form file at {path}.")
    content = path.read_bytes()
    if len(content) > MAX_FORM_BYTES:
        raise AdminError("The form file is larger than 20 MB.")
    identity = read_form_identity(content, path.name)
    digest = hashlib.sha256(content).hexdigest()
    with transaction(session_factory(engine)) as session:
        existing = session.scalar(
            select(FormVersionRow.sha256).where(
                FormVersionRow.form_id == identity.form_id, FormVersionRow.version == identity.version
            )
        )
        if existing is not None:
            if existing == digest:
                return PublishedFormInfo(identity.form_id, identity.version, identity.title, digest)
            raise AdminError(
                f"Form {identity.form_id} version {identity.version} is already published with other "
                "content; raise the version in the settings sheet."
            )
        session.add(
            FormVersionRow(
                form_id=identity.form_id,
                version=identity.version,
                title=identity.title,
                filename=path.name,
                content=content,
                sha256=digest,
                published_at=auth.utcnow(),
            )
        )
    return PublishedFormInfo(identity.form_id, identity.version, identity.title, digest)


def list_forms(engine: Engine) -> list[PublishedFormInfo]:
    with transaction(session_factory(engine)) as session:
        rows = session.execute(
            select(
                FormVersionRow.form_id, FormVersionRow.version, FormVersionRow.title, FormVersionRow.sha256
            ).order_by(FormVersionRow.form_id, FormVersionRow.published_at)
        ).all()
        return [PublishedFormInfo(r.form_id, r.version, r.title, r.sha256) for r in rows]
