"""What sync keeps inside the encrypted store: the enrolment (credential, signing key), the batch in
flight, the server's audit position, and the supervisor queue of conflicts and rejections. The outbox
and its checkpoint are the store's (forms.store.outbox), and so is the device id: the enrolment's
``device_id`` is always the store's (enrollment.py adopts the id the server answers).

These are sync's own tables inside the store's SQLCipher file, so the credential and the Ed25519
private key are never in a plaintext file. The store creates them (forms.store.sync_tables, schema
step 7); sync only maps its rows onto them. The store is anything with a ``session()``
context manager yielding a SQLAlchemy Session in one transaction (forms.store.Store).
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from sqlalchemy import Integer, LargeBinary, String, Text, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from forms.store import outbox

DEVICE_ACTIVE, DEVICE_LOST, DEVICE_REVOKED = "active", "lost", "revoked"
_DEVICE_ROW_ID = 1


class SessionSource(Protocol):
    def session(self) -> AbstractContextManager[Session]: ...


class SyncBase(DeclarativeBase):
    pass


class SyncDeviceRow(SyncBase):
    """The one enrolment of this laptop (row id 1). Credential and key are erased if the server says lost."""

    __tablename__ = "sync_device"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    server_url: Mapped[str] = mapped_column(String(500))
    device_id: Mapped[str] = mapped_column(String(36))
    credential: Mapped[str | None] = mapped_column(Text, nullable=True)
    private_key: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    ca_bundle: Mapped[str | None] = mapped_column(Text, nullable=True)
    pinned_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    status: Mapped[str] = mapped_column(String(16), default=DEVICE_ACTIVE)
    enrolled_at: Mapped[str] = mapped_column(String(40))
    # Not read or advanced any more: the one checkpoint is forms.store.outbox.checkpoint. The column stays
    # because stores made before have it (NOT NULL, no server default), so inserts still fill it with 0.
    acknowledged_seq: Mapped[int] = mapped_column(Integer, default=0)
    audit_checkpoint: Mapped[int] = mapped_column(Integer, default=0)  # last audit seq the server holds
    last_success_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    last_error_at: Mapped[str | None] = mapped_column(String(40), nullable=True)


class SyncInflightRow(SyncBase):
    """The batch being sent, persisted BEFORE the first attempt: a retry after a lost answer re-sends the
    very same bytes under the very same batch id, so the server answers it as a replay."""

    __tablename__ = "sync_inflight"
    batch_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    ordinal: Mapped[int] = mapped_column(Integer, default=0)  # send order (two may be in flight)
    created_at: Mapped[str] = mapped_column(String(40))
    outbox_seqs: Mapped[str] = mapped_column(Text)  # JSON list of the outbox seqs in the batch
    audit_last: Mapped[int] = mapped_column(Integer, default=0)  # highest audit seq carried
    body: Mapped[bytes] = mapped_column(LargeBinary)  # the gzip body exactly as sent
    headers: Mapped[str] = mapped_column(Text)  # JSON of the signed headers


class SyncIssueRow(SyncBase):
    """A version the server kept as a conflict or rejected: the supervisor's queue."""

    __tablename__ = "sync_issues"
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    version_id: Mapped[str] = mapped_column(String(36))
    status: Mapped[str] = mapped_column(String(16))  # conflict | rejected
    reason: Mapped[str | None] = mapped_column(String(64), nullable=True)
    problems: Mapped[str] = mapped_column(Text, default="[]")  # JSON: codes and field names, no values
    batch_id: Mapped[str] = mapped_column(String(36))
    at: Mapped[str] = mapped_column(String(40))
    resolved_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    resolved_by: Mapped[str | None] = mapped_column(String(64), nullable=True)


class SyncRolledBackRow(SyncBase):
    """The server refused this store as older than what it already sent (sync/server/audit_anchor.py).

    Kept (row id 1, the latest refusal) so that `diaspora-desk verify` reports it, not only the sync
    that met it. Cleared by a later sync the server accepts (a new enrolment, for instance)."""

    __tablename__ = "sync_rolled_back"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sentence: Mapped[str] = mapped_column(Text)
    at: Mapped[str] = mapped_column(String(40))


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class DeviceState:
    """A detached copy of the enrolment for use outside a session."""

    server_url: str
    device_id: str
    credential: str | None
    private_key: bytes | None
    ca_bundle: str | None
    pinned_sha256: str | None
    status: str
    last_success_at: str | None
    last_error: str | None

    @property
    def usable(self) -> bool:
        return self.status == DEVICE_ACTIVE and bool(self.credential) and bool(self.private_key)


def device_row(session: Session) -> SyncDeviceRow | None:
    return session.get(SyncDeviceRow, _DEVICE_ROW_ID)


def load_device(store: SessionSource) -> DeviceState | None:
    with store.session() as session:
        row = device_row(session)
        if row is None:
            return None
        # A desk enrolled before the device id was one kept its own id beside the server's: it adopts
        # the enrolment's id here, once (audited), as enrollment.py does at every enrolment now.
        if outbox.device_id(session) != row.device_id:
            outbox.set_device_id(session, row.device_id)
        return DeviceState(
            server_url=row.server_url,
            device_id=row.device_id,
            credential=row.credential,
            private_key=row.private_key,
            ca_bundle=row.ca_bundle,
            pinned_sha256=row.pinned_sha256,
            status=row.status,
            last_success_at=row.last_success_at,
            last_error=row.last_error,
        )


def save_enrollment(
    session: Session,
    *,
    server_url: str,
    device_id: str,
    credential: str,
    private_key: bytes,
    ca_bundle: str | None,
    pinned_sha256: str | None,
) -> None:
    row = device_row(session)
    if row is None:
        row = SyncDeviceRow(id=_DEVICE_ROW_ID, acknowledged_seq=0, audit_checkpoint=0)
        session.add(row)
    row.server_url = server_url
    row.device_id = device_id
    row.credential = credential
    row.private_key = private_key
    row.ca_bundle = ca_bundle
    row.pinned_sha256 = pinned_sha256
    row.status = DEVICE_ACTIVE
    row.enrolled_at = now_iso()
    row.last_error = None
    row.last_error_at = None
    # A new enrolment is a new device on the server: anything half-sent under the old one is rebuilt.
    session.query(SyncInflightRow).delete()


def erase_keys(store: SessionSource, status: str) -> None:
    """The server said this laptop is lost (or revoked): drop the credential and the signing key.

    secure_delete is on in the store, and the WAL is checkpointed afterwards, so the old pages holding
    the secrets are overwritten rather than left in free pages or the WAL.
    """
    with store.session() as session:
        row = device_row(session)
        if row is None:
            return
        row.credential = None
        row.private_key = None
        row.status = status
        session.query(SyncInflightRow).delete()
    checkpoint = getattr(store, "checkpoint", None)  # forms.store.Store.checkpoint (outside a transaction)
    if callable(checkpoint):
        checkpoint()


def drop_inflight(store: SessionSource) -> None:
    with store.session() as session:
        session.query(SyncInflightRow).delete()


def record_outcome(store: SessionSource, *, error: str | None) -> None:
    """Remember the last success or the last error (in words) for the status line."""
    with store.session() as session:
        row = device_row(session)
        if row is None:
            return
        if error is None:
            row.last_success_at = now_iso()
            row.last_error = None
            row.last_error_at = None
        else:
            row.last_error = error
            row.last_error_at = now_iso()


def record_rolled_back(store: SessionSource, sentence: str) -> None:
    """Remember the server's refusal of this store as older than what it already sent."""
    with store.session() as session:
        row = session.get(SyncRolledBackRow, _DEVICE_ROW_ID)
        if row is None:
            session.add(SyncRolledBackRow(id=_DEVICE_ROW_ID, sentence=sentence, at=now_iso()))
        else:
            row.sentence, row.at = sentence, now_iso()


def clear_rolled_back(store: SessionSource) -> None:
    with store.session() as session:
        session.query(SyncRolledBackRow).delete()


def rolled_back_problem(store: SessionSource) -> str | None:
    """The server's refusal in words, for `verify`; None when the server never refused this store."""
    with store.session() as session:
        row = session.get(SyncRolledBackRow, _DEVICE_ROW_ID)
        if row is None:
            return None
        return f"at the sync of {row.at} the server refused this store as rolled back: {row.sentence}"


def open_issues(store: SessionSource) -> list[SyncIssueRow]:
    """The supervisor queue: conflicts and rejections not yet resolved, oldest first (detached rows)."""
    with store.session() as session:
        rows = list(
            session.scalars(
                select(SyncIssueRow).where(SyncIssueRow.resolved_at.is_(None)).order_by(SyncIssueRow.id)
            )
        )
        session.expunge_all()
        return rows


def resolve_issue(store: SessionSource, issue_id: int) -> None:
    """A supervisor has dealt with a conflict or rejection (on the server or by a new version)."""
    require = getattr(store, "require_supervisor", None)
    if callable(require):
        require("close a sync conflict")
    operator = getattr(getattr(store, "operator", None), "name", None)
    with store.session() as session:
        row = session.get(SyncIssueRow, issue_id)
        if row is None or row.resolved_at is not None:
            return
        row.resolved_at = now_iso()
        row.resolved_by = operator
