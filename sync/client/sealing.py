"""What sealed batch files need on the laptop: the central server's X25519 sealing key (learned at
enrolment, or fetched at the next sync for laptops enrolled before servers had one) and, per exported
file, the receipt key that authenticates the server's receipt. Sync's own tables inside the store's
SQLCipher file (created on first use), beside sync/client/state.py's.
"""

from __future__ import annotations

import logging

from sqlalchemy import Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, Session, mapped_column

from forms.errors import DeskError
from sync import sealed
from sync.client.state import SessionSource, SyncBase, now_iso
from sync.client.transport import Transport

log = logging.getLogger("sync.client.sealing")
_ROW = 1


class SyncSealingKeyRow(SyncBase):
    """The enrolled server's sealing key (public; row 1), replaced at each enrolment."""

    __tablename__ = "sync_sealing_key"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))  # the enrolment it belongs to
    public_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    learned_at: Mapped[str] = mapped_column(String(40))


class SealedExportRow(SyncBase):
    """One exported sealed file: which batches it carried and the key its receipt must be signed with."""

    __tablename__ = "sync_sealed_exports"
    export_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    created_at: Mapped[str] = mapped_column(String(40))
    created_by: Mapped[str] = mapped_column(String(64), default="")
    batch_ids: Mapped[str] = mapped_column(Text)  # JSON list of sync batch ids (the idempotency keys)
    receipt_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    receipt_imported_at: Mapped[str | None] = mapped_column(String(40), nullable=True)


def save_sealing_key(session: Session, device_id: str, key_b64: str) -> None:
    raw = sealed.decode_sealing_key_b64(key_b64)
    row = session.get(SyncSealingKeyRow, _ROW)
    if row is None:
        row = SyncSealingKeyRow(id=_ROW)
        session.add(row)
    row.device_id, row.public_key, row.learned_at = device_id, raw, now_iso()


def sealing_key_for(session: Session, device_id: str) -> bytes | None:
    """The server's key if it was learned under this enrolment (a new enrolment may be another server)."""
    row = session.get(SyncSealingKeyRow, _ROW)
    if row is None or row.device_id != device_id:
        return None
    return bytes(row.public_key)


def fetch_sealing_key(store: SessionSource, transport: Transport, device_id: str, credential: str) -> bool:
    """Learn the key from GET /v1/sealing-key if this enrolment lacks it; False if the server has none."""
    with store.session() as session:
        if sealing_key_for(session, device_id) is not None:
            return True
    try:
        answer = transport.sealing_key(credential)
        key = answer.get("sealing_key")
        if not isinstance(key, str):
            return False
        with store.session() as session:
            save_sealing_key(session, device_id, key)
    except DeskError as exc:  # an older server (404) or a network failure: sealed files wait
        log.info("the server's sealing key could not be fetched: %s", exc.message)
        return False
    return True
