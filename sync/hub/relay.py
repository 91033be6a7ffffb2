"""Relaying what a hub received to the central server, exactly once end to end.

The hub laptop's own enrolment with the central server (its device id, credential and Ed25519 key, in
the supervisor's store) signs the relay batches. Each record version the clerks' laptops sent the hub
travels once, in received order, with the laptop that made it (``origin_device``: the laptop's store
id) and its operator (``origin_operator``), so the central server can tell a relayed version from the
hub's own. The version ids stay the same: a clerk laptop that later sends the same version directly
gets ``duplicate``.

Exactly once, as for a laptop's own sync: a relay batch (id and exact bytes) is saved in the hub's
database before its first send and re-sent unchanged until the central server's answer arrives (the
server answers a replay with its first answer); only that answer, in one transaction, marks the versions
relayed and drops the batch. A hub killed mid-relay re-sends the same batch at the next `sync`.

Files attached to the relayed records (photos, signatures), which the clerks' laptops sent the hub before
their batches, go to the central server the same way before each relay batch (``_send_files``, through
sync/client/files.py): the central server is asked which it lacks and only those are sent. A file the
central server refuses for itself (a record another device made there, bytes that no longer match) is
left out, counted in the report (``files_refused``, said once in the relay's sentence and log line, ids
only): the relay batch still goes, the central server refuses only the record naming that file, and the
later batches follow (one refused file used to stop every later relay).

Each refusal is kept in the hub's database (``HubFileRefusalRow``: record id, file name, code, when, how
many relays) for `diaspora-desk hub status` (sync/hub/status.py) to list with the record's reference, the
reason in words and what to do. A version the central server refused only for the missing file
(``rejected``, ``missing_attachment``, its record's file refused in that batch) is not marked relayed: it
stays waiting on the hub (``RelayReport.held``) and goes again, file first, at the next relay (not in
this one). A refusal row goes when a later relay batch carries the record and its file is not refused
(sent, or held by the central server already).

Every request is retried by the client's one retry step (``sync.client.engine.with_retries``: the same
backoff, Retry-After and attempts as a laptop's sync); a cancel of ``work`` ends a wait at once.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from forms.errors import DeskError
from forms.work import Work
from sync import protocol as p
from sync.client import files
from sync.client.backoff import Backoff
from sync.client.engine import with_retries
from sync.client.state import DeviceState
from sync.client.transport import DEFAULT_TIMEOUT, Transport, TransportError
from sync.server.auth import utcnow
from sync.server.db import session_factory, transaction
from sync.server.hub_models import (
    DeviceLaptopRow,
    HubApprovalRow,
    HubAuditRelayedRow,
    HubFileRefusalRow,
    HubRelayedRow,
    HubRelayInflightRow,
    RecordOriginRow,
)
from sync.server.models import AttachmentRow, BatchRow, RecordVersionRow

log = logging.getLogger("sync.hub.relay")
RETRYING = "relay"  # with_retries' log line: "relay attempt N failed (...); retrying in S s"
AUDIT_PER_REQUEST = 100  # the central server takes up to 100 entries a request (sync/server/hub_api.py)


@dataclass
class RelayReport:
    counts: Counter[str] = field(default_factory=Counter)
    batches: int = 0
    remaining: int = 0
    error: str | None = None
    approvals: int = 0  # batch approvals the central server recorded in this relay
    approvals_waiting: int = 0  # approved on the hub, not yet recorded by the central server
    audit_entries: int = 0  # clerks' audit entries the central server answered in this relay
    audit_waiting: int = 0  # received batches whose audit entries the central server has not answered
    files_refused: Counter[str] = field(default_factory=Counter)  # refusal code -> files left out
    held: int = 0  # versions refused only for a refused file: kept waiting on the hub, not in `counts`

    @property
    def ok(self) -> bool:
        return (
            self.error is None
            and self.remaining == 0
            and self.approvals_waiting == 0
            and self.audit_waiting == 0
            and not self.files_refused
        )

    @property
    def sent(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class _Batch:
    batch_id: str
    version_ids: tuple[str, ...]
    body: bytes
    headers: dict[str, str]


_Refusals = dict[tuple[str, str], tuple[str, str]]  # (record id, file name) -> (version id, code)


def waiting(session: Session) -> int:
    """Versions the hub holds that the central server has not answered yet."""
    relayed = select(HubRelayedRow.version_id)
    return int(
        session.scalar(
            select(func.count())
            .select_from(RecordVersionRow)
            .where(RecordVersionRow.version_id.not_in(relayed))
        )
        or 0
    )


def relay(
    hub: Engine,
    device: DeviceState,
    *,
    server_url: str | None = None,
    backoff: Backoff | None = None,
    timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    work: Work | None = None,
) -> RelayReport:
    """Send every version the hub holds and the central server has not answered; one batch at a time."""
    factory = session_factory(hub)
    work = work or Work()
    backoff = backoff or Backoff()
    report = RelayReport()
    if not device.usable or not device.private_key or not device.credential:
        report.error = "The hub laptop is not enrolled with the central server; enrol it first."
    else:
        try:
            with Transport(
                server_url or device.server_url,
                ca_bundle=device.ca_bundle,
                pinned_sha256=device.pinned_sha256,
                timeout=timeout,
            ) as transport:
                held: set[str] = set()  # versions kept waiting in this relay: not sent again in it
                while not work.cancelled:
                    batch = _next_batch(factory, device, held)
                    if batch is None:
                        break
                    refused: _Refusals = {}
                    if not _send_files(factory, transport, device, batch, backoff, work, report, refused):
                        break  # cancelled: the batch stays in flight, its files are asked for again
                    answer = with_retries(
                        partial(transport.post_batch, batch.body, batch.headers, device.credential or ""),
                        backoff,
                        work,
                        RETRYING,
                    )
                    if answer is None:
                        break
                    counts, kept = _acknowledge(factory, batch, answer, refused)
                    report.counts.update(counts)
                    report.held += len(kept)
                    held |= kept
                    report.batches += 1
                if not work.cancelled:
                    report.approvals = _relay_approvals(factory, transport, device, backoff, work)
                if not work.cancelled:
                    report.audit_entries = _relay_audit(factory, transport, device, backoff, work)
        except TransportError as exc:
            report.error = exc.message
            if exc.code == p.ERROR_BATCH_ID_REUSED:
                _drop_inflight(factory)  # rebuilt under fresh ids; the version ids keep it exactly once
        except DeskError as exc:
            report.error = exc.message
    with factory() as session:
        report.remaining = waiting(session)
        report.approvals_waiting = int(
            session.scalar(
                select(func.count()).select_from(HubApprovalRow).where(HubApprovalRow.relayed_at.is_(None))
            )
            or 0
        )
        report.audit_waiting = len(audit_waiting(session))
    if report.files_refused:
        log.warning(
            "relay: the central server refused %d attached files (%s); each was left out, the central "
            "server refused the records naming them, and %d such versions stay waiting on the hub "
            "(diaspora-desk hub status lists them)",
            sum(report.files_refused.values()),
            ", ".join(f"{code}: {count}" for code, count in sorted(report.files_refused.items())),
            report.held,
        )
    return report


def audit_waiting(session: Session) -> list[tuple[str, str, str]]:
    """(batch id, laptop's store id, audit JSON) of received batches whose entries wait, oldest first."""
    relayed = select(HubAuditRelayedRow.batch_id)
    rows = session.execute(
        select(BatchRow.batch_id, BatchRow.device_id, DeviceLaptopRow.laptop_id, BatchRow.audit_json)
        .outerjoin(DeviceLaptopRow, DeviceLaptopRow.device_id == BatchRow.device_id)
        .where(BatchRow.batch_id.not_in(relayed), BatchRow.audit_json != "[]")
        .order_by(BatchRow.received_at, BatchRow.batch_id)
    ).all()
    return [
        (batch_id, laptop_id or device_id, audit_json) for batch_id, device_id, laptop_id, audit_json in rows
    ]


def _relay_audit(
    factory: Any, transport: Transport, device: DeviceState, backoff: Backoff, work: Work
) -> int:
    """Send the audit entries each clerk laptop sent the hub, by laptop (its store id), batch by batch in
    received order, in parts the central server's body limit takes; it checks them as a chain and keeps
    each entry once, so a part sent again after a lost answer adds nothing."""
    sent = 0
    with factory() as session:
        waiting_batches = audit_waiting(session)
    for batch_id, laptop_id, audit_json in waiting_batches:
        entries = json.loads(audit_json)
        for start in range(0, len(entries), AUDIT_PER_REQUEST):
            if work.cancelled:
                return sent
            body = {
                "laptops": [
                    {"origin_device": laptop_id, "entries": entries[start : start + AUDIT_PER_REQUEST]}
                ]
            }
            answer = with_retries(
                partial(transport.hub_audit, body, device.credential or ""), backoff, work, RETRYING
            )
            if answer is None:
                return sent
            sent += int(answer.get("recorded", 0)) + int(answer.get("already", 0))
        with transaction(factory) as session:
            if session.get(HubAuditRelayedRow, batch_id) is None:
                session.add(HubAuditRelayedRow(batch_id=batch_id, relayed_at=utcnow()))
    return sent


def _relay_approvals(
    factory: Any, transport: Transport, device: DeviceState, backoff: Backoff, work: Work
) -> int:
    """Send each approval whose batch's versions have all been answered by the central server; the
    server records each version's approval once, so a replay after a lost answer is harmless."""
    sent = 0
    with factory() as session:
        pending = list(
            session.scalars(
                select(HubApprovalRow)
                .where(HubApprovalRow.relayed_at.is_(None))
                .order_by(HubApprovalRow.approved_at)
            )
        )
        ready: list[tuple[HubApprovalRow, list[str]]] = []
        for approval in pending:
            versions = list(
                session.scalars(
                    select(RecordVersionRow.version_id).where(RecordVersionRow.batch_id == approval.batch_id)
                )
            )
            answered = session.scalar(
                select(func.count()).select_from(HubRelayedRow).where(HubRelayedRow.version_id.in_(versions))
            )
            if answered == len(versions):
                ready.append((approval, versions))
    for approval, versions in ready:
        if not versions:  # every record of the batch was refused on the hub: nothing to say centrally
            with transaction(factory) as session:
                row = session.get(HubApprovalRow, approval.batch_id)
                if row is not None:
                    row.relayed_at = utcnow()
            continue
        if work.cancelled:
            break
        body = {
            "approvals": [
                {
                    "batch_id": approval.batch_id,
                    "approved_by": approval.approved_by,
                    "approved_at": _aware(approval.approved_at).isoformat(),
                    "version_ids": versions,
                }
            ]
        }
        answer = with_retries(
            partial(transport.hub_approvals, body, device.credential or ""), backoff, work, RETRYING
        )
        if answer is None:
            break
        with transaction(factory) as session:
            row = session.get(HubApprovalRow, approval.batch_id)
            if row is not None:
                row.relayed_at = utcnow()
        sent += 1
    return sent


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _send_files(
    factory: Any,
    transport: Transport,
    device: DeviceState,
    batch: _Batch,
    backoff: Backoff,
    work: Work,
    report: RelayReport,
    refused: _Refusals,
) -> bool:
    """The files the batch's records name, from the hub's database to the central server, before the
    batch (sync/client/files.py: what the central server holds is not sent again). False if cancelled.
    A file the central server refuses is left out, counted (report.files_refused) and put in `refused`."""
    refs = files.refs_of_batch(batch.body)
    if not refs:
        return True

    def read(ref: files.FileRef) -> tuple[bytes, str] | None:
        with factory() as session:
            row = session.execute(
                select(AttachmentRow.content, AttachmentRow.content_type)
                .where(AttachmentRow.record_id == ref.record_id, AttachmentRow.name == ref.name)
                .limit(1)
            ).first()
        return None if row is None else (bytes(row[0]), str(row[1]))

    sent = files.send_files(
        transport,
        device.credential or "",
        device.private_key or b"",
        refs,
        read,
        lambda call: with_retries(call, backoff, work, RETRYING),
        on_refused=lambda ref, exc: _refused(report, refused, ref, exc),
    )
    return sent is not None


def _refused(report: RelayReport, refused: _Refusals, ref: files.FileRef, exc: TransportError) -> None:
    code = exc.code or str(exc.status)
    report.files_refused[code] += 1
    refused[(ref.record_id, ref.name)] = (ref.version_id, code)
    # ids only (a random record id, a content hash): never the server's sentence, never a value
    log.info("relay: file %s of record %s refused by the central server (%s)", ref.name, ref.record_id, code)


def _next_batch(factory: Any, device: DeviceState, held: set[str] | None = None) -> _Batch | None:
    """The oldest relay batch in flight, or a new one persisted (committed) before its first send;
    `held`: versions kept waiting earlier in this relay, left for the next one."""
    with transaction(factory) as session:
        row = session.scalars(
            select(HubRelayInflightRow).order_by(HubRelayInflightRow.ordinal).limit(1)
        ).first()
        if row is not None:
            return _Batch(
                row.batch_id, tuple(json.loads(row.version_ids)), bytes(row.body), json.loads(row.headers)
            )
        carried = select(HubRelayedRow.version_id)
        rows = session.execute(
            select(RecordVersionRow, RecordOriginRow.origin_device, RecordOriginRow.origin_operator)
            .outerjoin(RecordOriginRow, RecordOriginRow.version_id == RecordVersionRow.version_id)
            .where(RecordVersionRow.version_id.not_in(carried))
            .where(RecordVersionRow.version_id.not_in(sorted(held or ())))
            .order_by(RecordVersionRow.received_at, RecordVersionRow.batch_id, RecordVersionRow.sequence)
            .limit(p.MAX_BATCH_RECORDS)
        ).all()
        if not rows:
            return None
        first_sequence = int(session.scalar(select(func.count()).select_from(HubRelayedRow)) or 0) + 1
        records = [
            _wire(version, first_sequence + n, origin_device or version.device_id, origin_operator)
            for n, (version, origin_device, origin_operator) in enumerate(rows)
        ]
        records = p.plan_batches(records)[0]
        assert device.private_key is not None
        encoded = p.build_batch(
            device_id=device.device_id,
            records=records,
            private_key=p.private_key_from_bytes(device.private_key),
        )
        ordinal = int(session.scalar(select(func.max(HubRelayInflightRow.ordinal))) or 0) + 1
        version_ids = tuple(record.version_id for record in records)
        session.add(
            HubRelayInflightRow(
                batch_id=encoded.batch_id,
                ordinal=ordinal,
                version_ids=json.dumps(list(version_ids)),
                body=encoded.body,
                headers=json.dumps(encoded.headers),
                created_at=utcnow(),
            )
        )
        return _Batch(encoded.batch_id, version_ids, encoded.body, dict(encoded.headers))


def _wire(
    version: RecordVersionRow, sequence: int, origin_device: str, origin_operator: str | None
) -> p.WireRecord:
    return p.WireRecord(
        record_id=version.record_id,
        version_id=version.version_id,
        sequence=sequence,
        form_id=version.form_id,
        form_version=version.form_version,
        answers={} if version.deleted else json.loads(version.answers_json),
        replaces=version.replaces,
        deleted=version.deleted,
        created_at=version.created_at,
        origin_device=origin_device,
        origin_operator=origin_operator,
    )


def _acknowledge(
    factory: Any, batch: _Batch, answer: dict[str, Any], refused: _Refusals
) -> tuple[Counter[str], set[str]]:
    """Mark the batch's versions answered and drop the batch, in one transaction; the versions refused
    only because their record's file was refused stay waiting (returned), the refusals are kept and the
    refusals of the batch's other records go. Returns the answered versions' statuses and those held."""
    response = p.parse_batch_response(answer, expected_batch_id=batch.batch_id)
    results = response.by_version()
    if set(results) != set(batch.version_ids):
        raise p.ProtocolError("The central server's answer does not give a status for every record relayed.")
    now = utcnow()
    refused_records = {record_id for record_id, _name in refused}
    held = {
        version_id
        for version_id, result in results.items()
        if result.status == p.STATUS_REJECTED
        and result.reason == p.REASON_MISSING_ATTACHMENT
        and result.record_id in refused_records
    }
    with transaction(factory) as session:
        _keep_refusals(session, batch, results, refused, held, now)
        known = set(
            session.scalars(
                select(HubRelayedRow.version_id).where(HubRelayedRow.version_id.in_(batch.version_ids))
            )
        )
        for version_id in batch.version_ids:
            if version_id not in known and version_id not in held:
                session.add(
                    HubRelayedRow(
                        version_id=version_id,
                        status=results[version_id].status,
                        relay_batch_id=batch.batch_id,
                        relayed_at=now,
                    )
                )
        session.query(HubRelayInflightRow).filter(HubRelayInflightRow.batch_id == batch.batch_id).delete()
    return Counter(result.status for result in response.results if result.version_id not in held), held


def _keep_refusals(
    session: Session,
    batch: _Batch,
    results: dict[str, p.RecordResult],
    refused: _Refusals,
    held: set[str],
    now: datetime,
) -> None:
    """Record this batch's refused files (first time, or once more), and forget the earlier refusals of
    the batch's records that are not held: their files were sent this time, or were not needed."""
    held_records = {results[version_id].record_id for version_id in held}
    carried = {results[version_id].record_id for version_id in batch.version_ids} - held_records
    if carried:
        for row in session.scalars(
            select(HubFileRefusalRow).where(HubFileRefusalRow.record_id.in_(sorted(carried)))
        ):
            if (row.record_id, row.name) not in refused:
                session.delete(row)
    for (record_id, name), (version_id, code) in refused.items():
        kept = session.get(HubFileRefusalRow, (record_id, name))
        if kept is None:
            session.add(
                HubFileRefusalRow(
                    record_id=record_id,
                    name=name,
                    version_id=version_id,
                    code=code,
                    first_refused_at=now,
                    last_refused_at=now,
                    times=1,
                )
            )
        else:
            kept.version_id, kept.code, kept.last_refused_at = version_id, code, now
            kept.times += 1


def _drop_inflight(factory: Any) -> None:
    with transaction(factory) as session:
        session.query(HubRelayInflightRow).delete()


def relay_hub(
    store: Any,
    *,
    server_url: str | None = None,
    backoff: Backoff | None = None,
    timeout: tuple[float, float] = DEFAULT_TIMEOUT,
) -> RelayReport | None:
    """`diaspora-desk sync` on a laptop that hosted an event: relay the hub's records; None without a hub."""
    from sync.client.state import load_device
    from sync.hub.place import HubPlace, open_hub_database

    if not HubPlace.of(store.data_dir).exists():
        return None
    device = load_device(store)
    if device is None:
        return RelayReport(error="The hub laptop is not enrolled with the central server; enrol it first.")
    engine = open_hub_database(store)
    try:
        return relay(engine, device, server_url=server_url, backoff=backoff, timeout=timeout)
    finally:
        engine.dispose()


def relay_sentence(report: RelayReport) -> str:
    counts = report.counts
    return (
        f"Relayed {report.sent} record versions from the event hub in {report.batches} batches: "
        f"{counts['accepted']} accepted, {counts['duplicate']} already on the server, "
        f"{counts['conflict']} conflicts, {counts['rejected']} rejected; {report.remaining} still waiting."
        + (f" Batch approvals recorded: {report.approvals}." if report.approvals else "")
        + (f" Approvals still waiting: {report.approvals_waiting}." if report.approvals_waiting else "")
        + (f" Clerks' audit entries relayed: {report.audit_entries}." if report.audit_entries else "")
        + (f" Batches whose audit entries wait: {report.audit_waiting}." if report.audit_waiting else "")
        + (
            f" Attached files the central server refused: {sum(report.files_refused.values())}; "
            + (
                f"the {report.held} record versions naming them stay waiting on the hub and go again at "
                "the next relay"
                if report.held
                else "the records naming them were refused"
            )
            + " (which records, why and what to do: diaspora-desk hub status)."
            if report.files_refused
            else ""
        )
    )
