"""What an event hub relays besides the records: its supervisor's batch approvals and the clerks' audit
entries (POST /v1/hub/approvals, POST /v1/hub/audit).

On the hub the supervisor approves the batches the clerks' laptops sent (sync/hub/review.py); when the
hub laptop relays (sync/hub/relay.py), after the record versions themselves, it sends each approval:
who approved (the supervisor's operator name on the hub), when, and the version ids of the batch. The
central server records them per version (``relayed_approvals``), once: a version already recorded is
left as it is, so a replay after a lost answer changes nothing. A device may approve only versions it
sent itself (the ones it relayed); other version ids are counted as ``not_relayed`` and not recorded.

Each clerk laptop's audit entries reached the hub with its batches; the hub relays them, by laptop (its
store id, as in ``record_origins``), and the central server checks them as it checks a laptop's own
(sync/server/audit_entries.py: ids, codes, counts and times only) and as a chain: every entry's hash is
recomputed (forms/store/audit.py), each entry must follow the one before it, sent or already held, and
an entry number already held must carry the same hash (a replay: nothing is added). A broken chain is
refused (409 audit_chain_broken) and nothing of the request is stored. Kept in ``relayed_audit_entries``.

On a hub, the supervisor may instead send a laptop's batch back with a note (sync/hub/review.py,
``hub_send_backs``, migration 0013); the laptop reads its own at each sync (GET /v1/hub/sent-back, with
the version ids of each batch) and reopens them for its clerk (sync/client/sent_back.py). A central
server holds none, so there the list is empty.
"""

# No `from __future__ import annotations` here: FastAPI resolves the route's local Device alias.
import json
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, FastAPI
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import DateTime, String, Text, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column, sessionmaker
from starlette.concurrency import run_in_threadpool

from forms.store.audit import entry_hash as audit_hash
from sync import protocol as p
from sync.server.audit_entries import check_audit_entries
from sync.server.auth import utcnow
from sync.server.db import transaction
from sync.server.hub_models import RelayedApprovalRow, RelayedAuditEntryRow
from sync.server.models import UUID_LEN, Base, RecordVersionRow

_UUID = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
_OPERATOR = r"^[^\W_][\w .@'-]{0,63}$"  # the desk's rule for an operator name (forms/store/store.py)
MAX_APPROVALS = 50
MAX_SENT_BACK = 200  # the most recent send-backs a laptop reads at once (an event day has a few)
MAX_AUDIT_PER_REQUEST = 100  # entries are a few hundred bytes: a request stays under the 64 KB body limit
ERROR_AUDIT_CHAIN_BROKEN = "audit_chain_broken"  # 409


SENT_BACK_PATH = f"{p.API_PREFIX}/hub/sent-back"  # a clerk's laptop reads its batches sent back


class HubSendBackRow(Base):
    """On a hub: a laptop's batch the supervisor sent back (migration 0013_hub_send_backs). ``note`` is
    the supervisor's free text (it may describe a person): kept here only, never audited or logged."""

    __tablename__ = "hub_send_backs"

    batch_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(UUID_LEN), index=True)
    note: Mapped[str] = mapped_column(Text)
    sent_by: Mapped[str] = mapped_column(String(64))
    sent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class SentBackBatch(BaseModel):
    batch_id: str = Field(description="The laptop's batch as the hub received it.")
    note: str = Field(description="Why, in the supervisor's words.")
    sent_by: str = Field(description="The supervisor's operator name on the hub.")
    sent_at: datetime
    version_ids: list[str] = Field(description="The versions of the batch the hub holds.")


class SentBackResponse(BaseModel):
    sent_back: list[SentBackBatch]


def sent_back_of(factory: sessionmaker[Session], device_id: str) -> SentBackResponse:
    """The device's batches sent back on this hub, oldest first, each with its version ids."""
    with factory() as session:
        rows = list(
            session.scalars(
                select(HubSendBackRow)
                .where(HubSendBackRow.device_id == device_id)
                .order_by(HubSendBackRow.sent_at.desc())
                .limit(MAX_SENT_BACK)
            )
        )
        versions: dict[str, list[str]] = {row.batch_id: [] for row in rows}
        if versions:
            found = session.execute(
                select(RecordVersionRow.batch_id, RecordVersionRow.version_id)
                .where(RecordVersionRow.batch_id.in_(list(versions)), RecordVersionRow.device_id == device_id)
                .order_by(RecordVersionRow.sequence)
            )
            for batch_id, version_id in found:
                versions[batch_id].append(version_id)
        return SentBackResponse(
            sent_back=[
                SentBackBatch(
                    batch_id=row.batch_id,
                    note=row.note,
                    sent_by=row.sent_by,
                    sent_at=row.sent_at,
                    version_ids=versions[row.batch_id],
                )
                for row in reversed(rows)
            ]
        )


class HubApproval(BaseModel):
    model_config = ConfigDict(extra="forbid")

    batch_id: str = Field(pattern=_UUID, description="The clerk laptop's batch as the hub received it.")
    approved_by: str = Field(pattern=_OPERATOR, description="The supervisor's operator name on the hub.")
    approved_at: datetime = Field(description="When the supervisor approved it, with its offset.")
    version_ids: list[Annotated[str, Field(pattern=_UUID)]] = Field(
        min_length=1, max_length=p.MAX_BATCH_RECORDS
    )


class HubApprovalsRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    approvals: list[HubApproval] = Field(min_length=1, max_length=MAX_APPROVALS)


class LaptopAudit(BaseModel):
    model_config = ConfigDict(extra="forbid")

    origin_device: str = Field(pattern=_UUID, description="The clerk laptop's store id.")
    entries: list[dict[str, Any]] = Field(min_length=1, max_length=MAX_AUDIT_PER_REQUEST)


class HubAuditRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    laptops: list[LaptopAudit] = Field(min_length=1, max_length=10)


class HubAuditResponse(BaseModel):
    recorded: int = Field(description="Entries recorded now.")
    already: int = Field(description="Entries held before with the same hash (a replay).")


class AuditChainBroken(Exception):
    """The relayed entries do not verify as a chain (one sentence, no value from the entries)."""


class HubApprovalsResponse(BaseModel):
    recorded: int = Field(description="Versions whose approval was recorded now.")
    already: int = Field(description="Versions whose approval was recorded before (a replay).")
    not_relayed: int = Field(description="Versions this device did not send; not recorded.")


def register(app: FastAPI, factory: sessionmaker[Session], device_dependency: Any, error_model: Any) -> None:
    Device = Annotated[Any, Depends(device_dependency)]
    errors: dict[int | str, dict[str, Any]] = {s: {"model": error_model} for s in (401, 403, 422)}

    @app.post(p.HUB_APPROVALS_PATH, response_model=HubApprovalsResponse, responses=errors, tags=["sync"])
    async def hub_approvals(request: HubApprovalsRequest, device: Device) -> HubApprovalsResponse:
        try:
            return await run_in_threadpool(record_approvals, factory, device.device_id, request)
        except IntegrityError:  # the same approvals replayed at the same moment: the second finds them
            return await run_in_threadpool(record_approvals, factory, device.device_id, request)

    @app.get(SENT_BACK_PATH, response_model=SentBackResponse, responses=errors, tags=["sync"])
    async def hub_sent_back(device: Device) -> SentBackResponse:
        return await run_in_threadpool(sent_back_of, factory, device.device_id)

    audit_errors: dict[int | str, dict[str, Any]] = {
        s: {"model": error_model} for s in (400, 401, 403, 409, 422)
    }

    @app.post(p.HUB_AUDIT_PATH, response_model=HubAuditResponse, responses=audit_errors, tags=["sync"])
    async def hub_audit(request: HubAuditRequest, device: Device) -> Response:
        for laptop in request.laptops:
            try:
                check_audit_entries(tuple(laptop.entries))
            except p.ProtocolError as exc:
                return _error(400, p.ERROR_MALFORMED_REQUEST, exc.message)
        try:
            try:
                answer = await run_in_threadpool(record_audit, factory, device.device_id, request)
            except IntegrityError:  # the same entries replayed at the same moment: the second finds them
                answer = await run_in_threadpool(record_audit, factory, device.device_id, request)
        except AuditChainBroken as exc:
            return _error(409, ERROR_AUDIT_CHAIN_BROKEN, str(exc))
        return JSONResponse(answer.model_dump())


def _error(status: int, code: str, detail: str) -> Response:
    return JSONResponse({"detail": detail, "code": code, "erase_keys": False}, status_code=status)


def _fields(entry: dict[str, Any]) -> tuple[int, str, str, str, str | None, str, str, str] | None:
    """The fields the laptop's hash covers (forms/store/audit.py), or None if one is missing."""
    seq, at, operator, action = entry.get("seq"), entry.get("at"), entry.get("operator"), entry.get("action")
    record_id, details = entry.get("record_id"), entry.get("details")
    previous, current = entry.get("previous_hash"), entry.get("entry_hash")
    texts = (at, operator, action, details, previous, current)
    if not isinstance(seq, int) or not all(isinstance(text, str) for text in texts):
        return None
    if record_id is not None and not isinstance(record_id, str):
        return None
    return seq, str(at), str(operator), str(action), record_id, str(details), str(previous), str(current)


def record_audit(
    factory: sessionmaker[Session], hub_device_id: str, request: HubAuditRequest
) -> HubAuditResponse:
    """Check each laptop's entries as a chain and keep the new ones; refuses the whole request if one
    does not verify (AuditChainBroken)."""
    recorded = already = 0
    now = utcnow()
    with transaction(factory) as session:
        for laptop in request.laptops:
            origin = laptop.origin_device.lower()
            entries = []
            for entry in laptop.entries:
                fields = _fields(entry)
                if fields is None:
                    raise AuditChainBroken("An audit entry of a laptop lacks its number, action or hashes.")
                seq, at, operator, action, record_id, details, previous, current = fields
                if audit_hash(seq, at, operator, action, record_id, details, previous) != current:
                    raise AuditChainBroken(f"Audit entry {seq} of a laptop does not match its own hash.")
                entries.append((seq, previous, current, entry))
            entries.sort(key=lambda item: item[0])
            seqs = [seq for seq, *_ in entries]
            held = dict(
                session.execute(
                    select(RelayedAuditEntryRow.seq, RelayedAuditEntryRow.entry_hash).where(
                        RelayedAuditEntryRow.origin_device == origin,
                        RelayedAuditEntryRow.seq.in_([*seqs, seqs[0] - 1]),
                    )
                ).all()
            )
            for seq, previous, current, entry in entries:
                if seq in held:
                    if held[seq] != current:
                        raise AuditChainBroken(
                            f"Audit entry {seq} of a laptop differs from the one this server holds."
                        )
                    already += 1
                    continue
                before = held.get(seq - 1)
                if before is not None and before != previous:
                    raise AuditChainBroken(
                        f"Audit entry {seq} of a laptop does not follow the entry before it."
                    )
                session.add(
                    RelayedAuditEntryRow(
                        origin_device=origin,
                        seq=seq,
                        hub_device_id=hub_device_id,
                        entry_json=json.dumps(entry, sort_keys=True, separators=(",", ":")),
                        entry_hash=current,
                        received_at=now,
                    )
                )
                held[seq] = current
                recorded += 1
    return HubAuditResponse(recorded=recorded, already=already)


def record_approvals(
    factory: sessionmaker[Session], hub_device_id: str, request: HubApprovalsRequest
) -> HubApprovalsResponse:
    recorded = already = not_relayed = 0
    now = utcnow()
    with transaction(factory) as session:
        for approval in request.approvals:
            wanted = sorted({v.lower() for v in approval.version_ids})
            sent_here = set(
                session.scalars(
                    select(RecordVersionRow.version_id).where(
                        RecordVersionRow.version_id.in_(wanted), RecordVersionRow.device_id == hub_device_id
                    )
                )
            )
            known = set(
                session.scalars(
                    select(RelayedApprovalRow.version_id).where(RelayedApprovalRow.version_id.in_(wanted))
                )
            )
            for version_id in wanted:
                if version_id not in sent_here:
                    not_relayed += 1
                elif version_id in known:
                    already += 1
                else:
                    session.add(
                        RelayedApprovalRow(
                            version_id=version_id,
                            hub_device_id=hub_device_id,
                            hub_batch_id=approval.batch_id.lower(),
                            approved_by=approval.approved_by,
                            approved_at=approval.approved_at,
                            recorded_at=now,
                        )
                    )
                    recorded += 1
    return HubApprovalsResponse(recorded=recorded, already=already, not_relayed=not_relayed)
