"""The tables of the encrypted store, as SQLAlchemy 2 ORM rows.

Everything here lives inside the SQLCipher file, so the personal columns used for search and duplicate
checks (names, birth date, document number, phone) can be plain indexed columns: the pages holding them,
their indexes, the WAL and the temp store are all encrypted or kept in memory.

Tables added after the first release are created by explicit DDL in their schema step
(forms.store.migrate): ``review_flags`` (step 2, forms.store.review), the ``record_search`` FTS5
index with its triggers and the ``autosaves`` table (step 3, forms.store.search_index and
forms.store.autosave), the ``form_library`` and ``batch_forms`` tables (step 4,
forms.store.form_library), ``form_media`` and ``attachments`` (step 5, forms.store.form_library and
forms.store.attachments), ``purged_records`` (step 6, forms.store.purged: the ids and dates of the
records retention removed after the server acknowledged them, never a value), sync's tables (step 7,
forms.store.sync_tables), and the Start page's indexes on ``records`` (``ix_records_status_latest``,
``ix_records_first_created``) with the ``chart_counts`` table its triggers keep (step 8,
forms.store.migrate and forms.store.chart_counts: per question and choice code, a number).
"""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Values of the status columns, named once.
BATCH_OPEN, BATCH_CLOSED, BATCH_APPROVED, BATCH_SYNCED = "open", "closed", "approved", "synced"
BATCH_STATUSES = (BATCH_OPEN, BATCH_CLOSED, BATCH_APPROVED, BATCH_SYNCED)
RECORD_DRAFT, RECORD_FINAL = "draft", "final"


class Base(DeclarativeBase):
    pass


class SettingRow(Base):
    """Key/value settings that belong with the data: device id, outbox checkpoint, store id."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class OperatorRow(Base):
    """An operator's history inside the store; who may unlock is decided by the key file."""

    __tablename__ = "operators"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[str] = mapped_column(String(40))
    created_by: Mapped[str | None] = mapped_column(String(64), nullable=True)


class BatchRow(Base):
    """An event or a consulate day."""

    __tablename__ = "batches"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    place: Mapped[str] = mapped_column(String(200))
    day: Mapped[str] = mapped_column(String(10))  # YYYY-MM-DD
    operator: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default=BATCH_OPEN, index=True)
    opened_at: Mapped[str] = mapped_column(String(40))
    closed_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    approved_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    approved_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    synced_at: Mapped[str | None] = mapped_column(String(40), nullable=True)


# ``is_latest = 1`` holds for nearly every row, but the store keeps no statistics, so SQLite takes it for
# a selective index term and walks an ix_records_latest_* index, reading every row (1 s at 100k). Where a
# query has a better way in (a batch's records, counts per batch: ix_records_batch_latest), the unary
# ``+`` keeps is_latest out of the choice of index.
LATEST_NOT_INDEXED = text("+records.is_latest = 1")
_NAMES = ("family_name_norm", "given_name_norm")
_SEARCHED = ("document_number", "phone")


class RecordRow(Base):
    """One version of a record. ``version_id`` is the ODK instanceID, ``deprecated_id`` the version it
    replaces; ``record_id`` (the client UUID) is shared by every version of the same person's record."""

    __tablename__ = "records"
    version_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    deprecated_id: Mapped[str | None] = mapped_column(ForeignKey("records.version_id"), nullable=True)
    batch_id: Mapped[str] = mapped_column(ForeignKey("batches.id"), index=True)
    form_id: Mapped[str] = mapped_column(String(100))
    form_version: Mapped[str] = mapped_column(String(50))
    status: Mapped[str] = mapped_column(String(8))  # draft | final
    is_latest: Mapped[bool] = mapped_column(Boolean, default=True)
    operator: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[str] = mapped_column(String(40))  # when this version was first saved (UTC ISO)
    updated_at: Mapped[str] = mapped_column(String(40))
    synced_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    answers: Mapped[str] = mapped_column(Text)  # JSON, the contracts.md answers dict
    # Derived from the answers for search and duplicate checks (see forms.store.fields).
    given_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    family_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    given_name_norm: Mapped[str | None] = mapped_column(String(200), nullable=True)
    family_name_norm: Mapped[str | None] = mapped_column(String(200), nullable=True)
    birth_date: Mapped[str | None] = mapped_column(String(10), nullable=True)
    document_number: Mapped[str | None] = mapped_column(String(64), nullable=True)
    phone: Mapped[str | None] = mapped_column(String(32), nullable=True)

    # Each search/sort column is indexed behind is_latest (only latest versions are listed); the rowid,
    # in every index, breaks ties. The sort indexes also carry every searched column, so walking one in
    # order while testing the search text never reads the table (forms.store.search).
    __table_args__ = (
        Index("ix_records_latest_family", "is_latest", "family_name_norm", "given_name_norm", *_SEARCHED),
        Index("ix_records_latest_given", "is_latest", "given_name_norm", "family_name_norm", *_SEARCHED),
        Index("ix_records_latest_created", "is_latest", "created_at", *_NAMES, *_SEARCHED),
        Index("ix_records_latest_birth", "is_latest", "birth_date", *_NAMES, *_SEARCHED),
        Index("ix_records_latest_document", "is_latest", "document_number", *_NAMES, "phone"),
        Index("ix_records_latest_phone", "is_latest", "phone", *_NAMES, "document_number"),
    )


class OutboxRow(Base):
    """A final record version waiting to be sent. ``seq`` is the per-device sequence (never reused)."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_pending", "sent_at", "seq"), {"sqlite_autoincrement": True})
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    version_id: Mapped[str] = mapped_column(ForeignKey("records.version_id"), unique=True)
    record_id: Mapped[str] = mapped_column(String(36))
    batch_id: Mapped[str] = mapped_column(ForeignKey("batches.id"))
    kind: Mapped[str] = mapped_column(String(16), default="record")
    created_at: Mapped[str] = mapped_column(String(40))
    sent_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    result: Mapped[str | None] = mapped_column(String(16), nullable=True)
    result_detail: Mapped[str | None] = mapped_column(Text, nullable=True)


class AuditRow(Base):
    """Who did what, when, to which record id; never a personal value. ``entry_hash`` covers the entry
    and ``previous_hash`` (the hash of the entry before), so an altered or removed entry shows."""

    __tablename__ = "audit"
    __table_args__ = {"sqlite_autoincrement": True}
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[str] = mapped_column(String(40))
    operator: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(40))  # not indexed: one less B-tree on every save
    record_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    details: Mapped[str] = mapped_column(Text, default="{}")
    previous_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64))
