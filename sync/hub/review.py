"""The hub's review: what each clerk's laptop sent today, and the supervisor's approval of its batches.

Read by the "Host this event" window's review page (desktop/dialogs/host_event_review.py). A batch is
one sync batch a laptop sent the hub (its id is the laptop's own batch id); the supervisor approves it
after looking at its records. The approval is kept in the hub's database (``hub_approvals``) with the
supervisor's operator name, and relayed to the central server after the batch's records
(sync/hub/relay.py, POST /v1/hub/approvals), which records who approved each version on which hub.
The supervisor may instead send a batch back with a short note saying why (``send_back``, kept in
``hub_send_backs``): the laptop learns it at its next sync with the hub (GET /v1/hub/sent-back), reopens
it for its clerk with the note, and the corrected versions come back in a new batch, which the supervisor
approves. A batch sent back cannot be approved, so it is never relayed as approved.
Nothing here writes personal values anywhere: answers are read from the encrypted hub database and
handed to the window only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, func, select

from sync.hub.place import HubError
from sync.server.auth import utcnow
from sync.server.db import session_factory, transaction
from sync.server.hub_api import HubSendBackRow
from sync.server.hub_models import DeviceLaptopRow, HubApprovalRow, HubRelayedRow, RecordOriginRow
from sync.server.models import BatchRow, DeviceRow, RecordVersionRow


@dataclass(frozen=True)
class LaptopLine:
    device_id: str
    label: str
    laptop_id: str | None
    records: int
    batches: int
    approved_batches: int
    last_seen_at: datetime | None


@dataclass(frozen=True)
class BatchLine:
    batch_id: str
    device_id: str
    laptop: str
    received_at: datetime
    records: int
    approved_by: str | None
    approved_at: datetime | None
    approval_relayed: bool
    sent_back_by: str | None = None
    sent_back_at: datetime | None = None
    note: str | None = None  # the supervisor's words when it was sent back (shown, never logged)

    @property
    def approved(self) -> bool:
        return self.approved_by is not None

    @property
    def sent_back(self) -> bool:
        return self.sent_back_by is not None


@dataclass(frozen=True)
class RecordLine:
    version_id: str
    record_id: str
    batch_id: str
    device_id: str
    laptop: str
    operator: str | None
    form_id: str
    received_at: datetime
    deleted: bool
    relayed: bool
    answers: dict[str, Any]


def laptops(engine: Engine) -> list[LaptopLine]:
    """Every laptop enrolled with the hub, with how many records and batches it sent."""
    with session_factory(engine)() as session:
        records = dict(
            session.execute(
                select(RecordVersionRow.device_id, func.count()).group_by(RecordVersionRow.device_id)
            ).all()
        )
        batches = dict(
            session.execute(
                select(BatchRow.device_id, func.count())
                .where(BatchRow.record_count > 0)
                .group_by(BatchRow.device_id)
            ).all()
        )
        approved = dict(
            session.execute(
                select(HubApprovalRow.device_id, func.count()).group_by(HubApprovalRow.device_id)
            ).all()
        )
        laptop_ids = dict(session.execute(select(DeviceLaptopRow.device_id, DeviceLaptopRow.laptop_id)).all())
        return [
            LaptopLine(
                device_id=row.device_id,
                label=row.label,
                laptop_id=laptop_ids.get(row.device_id),
                records=int(records.get(row.device_id, 0)),
                batches=int(batches.get(row.device_id, 0)),
                approved_batches=int(approved.get(row.device_id, 0)),
                last_seen_at=row.last_seen_at,
            )
            for row in session.scalars(select(DeviceRow).order_by(DeviceRow.enrolled_at))
        ]


def batches(engine: Engine, device_id: str | None = None) -> list[BatchLine]:
    """The batches with records the laptops sent (one laptop's with `device_id`), oldest first."""
    query = (
        select(BatchRow, DeviceRow.label, HubApprovalRow, HubSendBackRow)
        .join(DeviceRow, DeviceRow.device_id == BatchRow.device_id)
        .outerjoin(HubApprovalRow, HubApprovalRow.batch_id == BatchRow.batch_id)
        .outerjoin(HubSendBackRow, HubSendBackRow.batch_id == BatchRow.batch_id)
        .where(BatchRow.record_count > 0)
        .order_by(BatchRow.received_at, BatchRow.batch_id)
    )
    if device_id is not None:
        query = query.where(BatchRow.device_id == device_id)
    with session_factory(engine)() as session:
        stored = dict(
            session.execute(
                select(RecordVersionRow.batch_id, func.count()).group_by(RecordVersionRow.batch_id)
            ).all()
        )
        return [
            BatchLine(
                batch_id=batch.batch_id,
                device_id=batch.device_id,
                laptop=label,
                received_at=batch.received_at,
                records=int(stored.get(batch.batch_id, 0)),
                approved_by=approval.approved_by if approval else None,
                approved_at=approval.approved_at if approval else None,
                approval_relayed=bool(approval and approval.relayed_at),
                sent_back_by=sent.sent_by if sent else None,
                sent_back_at=sent.sent_at if sent else None,
                note=sent.note if sent else None,
            )
            for batch, label, approval, sent in session.execute(query).all()
        ]


def records(engine: Engine, *, device_id: str | None = None, batch_id: str | None = None) -> list[RecordLine]:
    """The record versions the hub holds (one laptop's, one batch's), in the order they arrived."""
    relayed = select(HubRelayedRow.version_id)
    query = (
        select(RecordVersionRow, DeviceRow.label, RecordOriginRow.origin_operator)
        .join(DeviceRow, DeviceRow.device_id == RecordVersionRow.device_id)
        .outerjoin(RecordOriginRow, RecordOriginRow.version_id == RecordVersionRow.version_id)
        .order_by(RecordVersionRow.received_at, RecordVersionRow.batch_id, RecordVersionRow.sequence)
    )
    if device_id is not None:
        query = query.where(RecordVersionRow.device_id == device_id)
    if batch_id is not None:
        query = query.where(RecordVersionRow.batch_id == batch_id)
    with session_factory(engine)() as session:
        carried = set(session.scalars(relayed))
        return [
            RecordLine(
                version_id=version.version_id,
                record_id=version.record_id,
                batch_id=version.batch_id,
                device_id=version.device_id,
                laptop=label,
                operator=operator,
                form_id=version.form_id,
                received_at=version.received_at,
                deleted=version.deleted,
                relayed=version.version_id in carried,
                answers={} if version.deleted else dict(json.loads(version.answers_json)),
            )
            for version, label, operator in session.execute(query).all()
        ]


def approve(engine: Engine, batch_id: str, approved_by: str) -> BatchLine:
    """The supervisor approves a batch a laptop sent; a sentence if it is unknown or already approved."""
    with transaction(session_factory(engine)) as session:
        batch = session.get(BatchRow, batch_id)
        if batch is None or batch.record_count == 0:
            raise HubError("This batch is not on the hub; refresh the review page.")
        approval = session.get(HubApprovalRow, batch_id)
        if approval is not None:
            raise HubError(f"This batch was already approved by {approval.approved_by}.")
        sent = session.get(HubSendBackRow, batch_id)
        if sent is not None:
            raise HubError(
                f"This batch was sent back by {sent.sent_by}; approve the corrected batch when the laptop "
                "sends it."
            )
        session.add(
            HubApprovalRow(
                batch_id=batch_id, device_id=batch.device_id, approved_by=approved_by, approved_at=utcnow()
            )
        )
    return next(line for line in batches(engine, batch.device_id) if line.batch_id == batch_id)


MAX_NOTE = 500


def send_back(engine: Engine, batch_id: str, note: str, sent_by: str) -> BatchLine:
    """The supervisor sends a laptop's batch back with a short note saying why; a sentence if the note is
    empty or too long, or the batch is unknown, approved or already sent back. The note is kept only in
    the hub's (encrypted) database, for the laptop to read; the caller audits the batch id alone."""
    note = note.strip()
    if not note:
        raise HubError("Say why the batch goes back: the note is empty.")
    if len(note) > MAX_NOTE:
        raise HubError(f"The note is too long (at most {MAX_NOTE} characters).")
    with transaction(session_factory(engine)) as session:
        batch = session.get(BatchRow, batch_id)
        if batch is None or batch.record_count == 0:
            raise HubError("This batch is not on the hub; refresh the review page.")
        approval = session.get(HubApprovalRow, batch_id)
        if approval is not None:
            raise HubError(f"This batch was already approved by {approval.approved_by}; it cannot go back.")
        sent = session.get(HubSendBackRow, batch_id)
        if sent is not None:
            raise HubError(f"This batch was already sent back by {sent.sent_by}.")
        session.add(
            HubSendBackRow(
                batch_id=batch_id, device_id=batch.device_id, note=note, sent_by=sent_by, sent_at=utcnow()
            )
        )
    return next(line for line in batches(engine, batch.device_id) if line.batch_id == batch_id)


def send_back_as(store: Any, engine: Engine, batch_id: str, note: str) -> BatchLine:
    """The review page's send back: the store's operator must be a supervisor; audited in the hub
    laptop's store with the batch id only (the note stays in the hub's database)."""
    store.require_supervisor("send a batch back")
    line = send_back(engine, batch_id, note, store.operator.name)
    store.audit("event_hub_batch_sent_back", batch_id=batch_id, laptop_device_id=line.device_id)
    return line
