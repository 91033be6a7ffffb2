"""The server's rollback anchor: the newest audit entry (number and hash) each device has sent.

A laptop's audit log travels with its batches (sync/client/batching.py), each entry once: the laptop
moves its checkpoint past the entries the server acknowledged. A laptop whose store was put back to an
older copy (``store.db`` and ``keys.json`` of the same moment, which its own anchor cannot tell apart,
forms/store/anchor.py) has an older checkpoint, so its next batch starts again at an entry number the
server already holds, or continues from a hash the server never saw. Such a batch is refused, nothing
of it is stored, and the laptop reports it (sync/client/engine.py, `diaspora-desk verify`).

A replayed batch (the same id and bytes, after a lost answer) never gets here: ingest answers it first.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, DateTime, String
from sqlalchemy.orm import Mapped, Session, mapped_column

from sync.server.models import UUID_LEN, Base

HASH_TEXT_LEN = 128  # audit_entries accepts hex hashes of up to 128 characters


class DeviceAuditAnchorRow(Base):
    """The newest audit entry a device has sent (migration 0009_audit_anchor)."""

    __tablename__ = "device_audit_anchors"

    device_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    entry_hash: Mapped[str] = mapped_column(String(HASH_TEXT_LEN))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class StoreRolledBack(Exception):
    """The batch's audit entries go back behind what the server already holds from this device."""

    def __init__(self, held_seq: int, sent_seq: int) -> None:
        super().__init__(f"audit chain goes back: server holds {held_seq}, batch starts at {sent_seq}")
        self.held_seq = held_seq
        self.sent_seq = sent_seq

    def sentence(self) -> str:
        if self.sent_seq <= self.held_seq:
            where = f"this batch starts again at entry {self.sent_seq}"
        else:
            where = f"this batch's entry {self.sent_seq} does not follow the entry the server holds"
        return (
            f"This laptop's store is older than what it already sent: the server holds its audit log up to "
            f"entry {self.held_seq} and {where}, so store.db was replaced by an older copy and the changes "
            "made after that copy are missing here; nothing was stored, tell your supervisor."
        )


def _entries(audit: tuple[Mapping[str, Any], ...]) -> list[tuple[int, str, str]]:
    """(seq, previous_hash, entry_hash) of the entries that carry all three, in number order."""
    found = []
    for entry in audit:
        seq, previous, current = entry.get("seq"), entry.get("previous_hash"), entry.get("entry_hash")
        if isinstance(seq, int) and isinstance(previous, str) and isinstance(current, str):
            found.append((seq, previous, current))
    return sorted(found)


def check_and_advance(
    session: Session, device_id: str, audit: tuple[Mapping[str, Any], ...], now: datetime
) -> None:
    """Raise StoreRolledBack when the batch's chain goes back; else remember its newest entry.

    Runs inside the batch's transaction, so a refused batch leaves nothing behind and the anchor moves
    only with a stored batch. The row is locked: two batches of one device are checked one at a time.
    """
    entries = _entries(audit)
    if not entries:
        return
    row = session.get(DeviceAuditAnchorRow, device_id, with_for_update=True)
    first_seq, first_previous, _ = entries[0]
    if row is not None:
        if first_seq <= row.seq:
            raise StoreRolledBack(row.seq, first_seq)
        if first_seq == row.seq + 1 and first_previous != row.entry_hash:
            raise StoreRolledBack(row.seq, first_seq)
    newest_seq, _, newest_hash = entries[-1]
    if row is None:
        session.add(
            DeviceAuditAnchorRow(device_id=device_id, seq=newest_seq, entry_hash=newest_hash, updated_at=now)
        )
    else:
        row.seq, row.entry_hash, row.updated_at = newest_seq, newest_hash, now
