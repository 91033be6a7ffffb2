"""The server's tables (SQLAlchemy 2 declarative rows). Alembic migrations in migrations/ create them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

UUID_LEN = 36
HASH_LEN = 64


class Base(DeclarativeBase):
    pass


class AdminRow(Base):
    """An administrator; only the SHA-256 of the random admin token is kept."""

    __tablename__ = "admins"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    token_hash: Mapped[str] = mapped_column(String(HASH_LEN), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class EnrollmentCodeRow(Base):
    """A one-time, expiring enrolment code (only its hash is kept)."""

    __tablename__ = "enrollment_codes"

    code_hash: Mapped[str] = mapped_column(String(HASH_LEN), primary_key=True)
    label: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    device_id: Mapped[str | None] = mapped_column(String(UUID_LEN), nullable=True)


class DeviceRow(Base):
    """An enrolled laptop: its credential hash, its Ed25519 public key and whether it is still trusted."""

    __tablename__ = "devices"

    device_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    label: Mapped[str] = mapped_column(String(200))
    device_label: Mapped[str] = mapped_column(String(200), default="")
    credential_hash: Mapped[str] = mapped_column(String(HASH_LEN), unique=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    status: Mapped[str] = mapped_column(String(16), default="active")  # active | revoked | lost
    enrolled_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    status_changed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    last_seen_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class FormVersionRow(Base):
    """A published form version (the XLSForm file as uploaded); laptops download it at their next sync."""

    __tablename__ = "form_versions"
    __table_args__ = (UniqueConstraint("form_id", "version", name="uq_form_versions_form_version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    form_id: Mapped[str] = mapped_column(String(200))
    version: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(500), default="")
    filename: Mapped[str] = mapped_column(String(300))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(HASH_LEN))
    published_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class RecordRow(Base):
    """A record (one person's registration) and its current head version."""

    __tablename__ = "records"

    record_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    head_version_id: Mapped[str] = mapped_column(String(UUID_LEN))
    form_id: Mapped[str] = mapped_column(String(200))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    first_device_id: Mapped[str] = mapped_column(String(UUID_LEN), index=True)  # the owner
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class RecordVersionRow(Base):
    """One frozen version of a record. The primary key on version_id is what makes ingestion exactly-once."""

    __tablename__ = "record_versions"

    version_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    record_id: Mapped[str] = mapped_column(ForeignKey("records.record_id"), index=True)
    replaces: Mapped[str | None] = mapped_column(String(UUID_LEN), nullable=True)
    form_id: Mapped[str] = mapped_column(String(200))
    form_version: Mapped[str] = mapped_column(String(200))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    content_hash: Mapped[str] = mapped_column(String(HASH_LEN))
    answers_json: Mapped[str] = mapped_column(Text)
    device_id: Mapped[str] = mapped_column(String(UUID_LEN), index=True)
    batch_id: Mapped[str] = mapped_column(String(UUID_LEN))
    sequence: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[str] = mapped_column(String(100), default="")
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ConflictRow(Base):
    """A version the server would not apply (kept for a supervisor, never an overwrite)."""

    __tablename__ = "conflicts"
    __table_args__ = (UniqueConstraint("version_id", "content_hash", name="uq_conflicts_version_content"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    record_id: Mapped[str] = mapped_column(String(UUID_LEN), index=True)
    version_id: Mapped[str] = mapped_column(String(UUID_LEN))
    replaces: Mapped[str | None] = mapped_column(String(UUID_LEN), nullable=True)
    reason: Mapped[str] = mapped_column(String(50))
    form_id: Mapped[str] = mapped_column(String(200))
    form_version: Mapped[str] = mapped_column(String(200))
    content_hash: Mapped[str] = mapped_column(String(HASH_LEN))
    answers_json: Mapped[str] = mapped_column(Text)
    device_id: Mapped[str] = mapped_column(String(UUID_LEN))
    batch_id: Mapped[str] = mapped_column(String(UUID_LEN))
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class BatchRow(Base):
    """A received batch: the idempotency key, the digest of its payload and the answer given (verbatim)."""

    __tablename__ = "batches"

    batch_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(UUID_LEN), index=True)
    payload_sha256: Mapped[str] = mapped_column(String(HASH_LEN))
    sequence_first: Mapped[int] = mapped_column(BigInteger)
    sequence_last: Mapped[int] = mapped_column(BigInteger)
    record_count: Mapped[int] = mapped_column(Integer)
    audit_json: Mapped[str] = mapped_column(Text, default="[]")
    response: Mapped[bytes] = mapped_column(LargeBinary)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class DeviceHandoverRow(Base):
    """A supervisor's decision on the server: `to_device_id` may change the records `from_device_id` owns.

    Written by `diaspora-server device hand-over` (a replaced laptop, a hub relaying a desk's edits);
    never by a device. Hand-overs chain: C handed B's records also gets what was handed to B.
    """

    __tablename__ = "device_handovers"
    __table_args__ = (UniqueConstraint("from_device_id", "to_device_id", name="uq_device_handovers_pair"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    from_device_id: Mapped[str] = mapped_column(String(UUID_LEN))
    to_device_id: Mapped[str] = mapped_column(String(UUID_LEN), index=True)
    decided_by: Mapped[str] = mapped_column(String(200))
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class RateLimitRow(Base):
    """Attempts counted in the current window for one (scope, client key); the key is stored only hashed."""

    __tablename__ = "rate_limits"
    __table_args__ = (Index("ix_rate_limits_scope_window", "scope", "window_ends_at"),)

    bucket: Mapped[str] = mapped_column(String(HASH_LEN), primary_key=True)
    scope: Mapped[str] = mapped_column(String(50))
    attempts: Mapped[int] = mapped_column(Integer)
    window_ends_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


# --- Duplicate detection (sync/server/dedup, migration 0004_dedup) -------------------------------------


class DedupKeyRow(Base):
    """A hashed blocking key of a record's head version: candidate lookup is an index scan on key."""

    __tablename__ = "dedup_keys"

    key: Mapped[str] = mapped_column(String(24), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True, index=True)


class DedupProfileRow(Base):
    """The normalised values the duplicate rules compare, for a record's head version."""

    __tablename__ = "dedup_profiles"

    record_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    form_id: Mapped[str] = mapped_column(String(200))
    rules_fingerprint: Mapped[str] = mapped_column(String(16))
    profile: Mapped[str] = mapped_column(Text)


class DedupPairRow(Base):
    """A candidate pair (record_a < record_b): open, same, different or withdrawn (no longer scoring)."""

    __tablename__ = "dedup_pairs"
    __table_args__ = (UniqueConstraint("record_a", "record_b", name="uq_dedup_pairs_records"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    form_id: Mapped[str] = mapped_column(String(200))
    record_a: Mapped[str] = mapped_column(String(UUID_LEN))
    record_b: Mapped[str] = mapped_column(String(UUID_LEN), index=True)
    score: Mapped[float] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(16), index=True)
    levels_json: Mapped[str] = mapped_column(Text, default="[]")
    choices_json: Mapped[str] = mapped_column(Text, default="{}")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    decided_by: Mapped[str | None] = mapped_column(String(200), nullable=True)


class DedupPersonMemberRow(Base):
    """A record linked to a person (records joined by 'same' decisions); person_id is its first record."""

    __tablename__ = "dedup_person_members"

    record_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    person_id: Mapped[str] = mapped_column(String(UUID_LEN), index=True)


class DedupEventRow(Base):
    """The duplicate audit trail: decisions, unlinks and desk checks (ids and outcomes, never values)."""

    __tablename__ = "dedup_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(32))
    pair_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    detail_json: Mapped[str] = mapped_column(Text, default="{}")


# --- The registry (sync/server/registry): staff accounts, their sessions, the audit log, the search index.


class RegistryAccountRow(Base):
    """A staff account of the registry (admin, registrar or analyst); its password only as Argon2id."""

    __tablename__ = "registry_accounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(8), default="en")
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    totp_secret: Mapped[str | None] = mapped_column(String(64), nullable=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failure_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    password_changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class RegistrySessionRow(Base):
    """A signed-in browser: the SHA-256 of its cookie, its CSRF token and when it was last used."""

    __tablename__ = "registry_sessions"

    token_hash: Mapped[str] = mapped_column(String(HASH_LEN), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("registry_accounts.id"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class RegistryApiTokenRow(Base):
    """A token for the ministry's own tools (GET /api/v1/registry/summary); only its SHA-256 is kept."""

    __tablename__ = "registry_api_tokens"

    token_hash: Mapped[str] = mapped_column(String(HASH_LEN), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("registry_accounts.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class RegistryAuditRow(Base):
    """One entry of the server's audit log: append-only, each entry hashes the previous one's hash."""

    __tablename__ = "registry_audit"

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(50))
    target: Mapped[str] = mapped_column(String(100), default="")
    details_json: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(HASH_LEN))
    entry_hash: Mapped[str] = mapped_column(String(HASH_LEN))


class RegistryAuditHeadRow(Base):
    """The chain's head (one row, id 1): each writer locks it, so several workers keep one chain."""

    __tablename__ = "registry_audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    last_hash: Mapped[str] = mapped_column(String(HASH_LEN))


class RegistryDirtyRow(Base):
    """A record whose head changed (filled by a database trigger on records); the index catches up from it."""

    __tablename__ = "registry_dirty"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(UUID_LEN))


class RegistryPersonRow(Base):
    """The searchable, countable columns of a record's head version (derived; rebuilt from the answers)."""

    __tablename__ = "registry_people"

    record_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    version_id: Mapped[str] = mapped_column(String(UUID_LEN))
    form_id: Mapped[str] = mapped_column(String(200), index=True)
    form_version: Mapped[str] = mapped_column(String(200))
    device_id: Mapped[str] = mapped_column(String(UUID_LEN), index=True)
    registered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    registered_day: Mapped[str] = mapped_column(String(10), index=True)
    registered_week: Mapped[str] = mapped_column(String(10))
    registered_month: Mapped[str] = mapped_column(String(7))
    display_name: Mapped[str] = mapped_column(String(300), default="")
    residence_country: Mapped[str | None] = mapped_column(String(8), nullable=True, index=True)
    residence_city: Mapped[str | None] = mapped_column(String(120), nullable=True)
    sex: Mapped[str | None] = mapped_column(String(32), nullable=True)
    education_level: Mapped[str | None] = mapped_column(String(64), nullable=True)
    occupation: Mapped[str | None] = mapped_column(String(64), nullable=True)
    skills_sector: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    invest_interest: Mapped[str | None] = mapped_column(String(16), nullable=True)
    return_interest: Mapped[str | None] = mapped_column(String(16), nullable=True)
    mentoring_interest: Mapped[str | None] = mapped_column(String(16), nullable=True)
    preferred_language: Mapped[str | None] = mapped_column(String(16), nullable=True)
    languages: Mapped[str] = mapped_column(String(400), default=" ")
    invest_sectors: Mapped[str] = mapped_column(String(600), default=" ")
    document_norm: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    phone_tail: Mapped[str | None] = mapped_column(String(16), nullable=True, index=True)
    email_norm: Mapped[str | None] = mapped_column(String(200), nullable=True, index=True)
    # Duplicate detection (migration 0011): the person this record was linked to when the row was built
    # (dedup_person_members.person_id, None when unlinked), and whether the row counts on the dashboard:
    # of a person's live records only the first registered one counts, so the figures count persons.
    person_id: Mapped[str | None] = mapped_column(String(UUID_LEN), nullable=True, index=True)
    counted: Mapped[bool] = mapped_column(Boolean, default=True)


class RegistryNameTokenRow(Base):
    """One word of a person's names (casefolded, accents stripped): prefix search in any order."""

    __tablename__ = "registry_name_tokens"

    token: Mapped[str] = mapped_column(
        String(64).with_variant(String(64, collation="C"), "postgresql"), primary_key=True
    )
    record_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True, index=True)


# --- OpenRosa (sync/server/openrosa, migration 0005_openrosa): ODK Collect / Enketo app users ----------


class OpenRosaAppUserRow(Base):
    """An app user (one phone or Enketo link): the SHA-256 of its token, and the form it may fill, if one.

    ``user_id`` is a UUID used as the owner (``records.first_device_id``) of the records it submits, so
    the devices' ownership rule applies: an app user may edit only the records it made.
    """

    __tablename__ = "openrosa_app_users"

    user_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    token_hash: Mapped[str] = mapped_column(String(HASH_LEN), unique=True)
    form_id: Mapped[str | None] = mapped_column(String(200), nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="active")  # active | revoked
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class AttachmentRow(Base):
    """A file attached to a record (a photo, a signature, a document): the one table of the server's files.

    Two ways in, one table (migration 0014 renamed ``openrosa_attachments`` and added ``record_id`` and
    ``device_id``): an OpenRosa submission's parts (``sync/server/openrosa/submissions.py``; the name is
    the file name Collect sent) and a desk's upload before the batch that names the file
    (``sync/server/attachments.py``; the name is ``<first 20 hex digits of its SHA-256>.<ext>``, as in the
    desk's store). ``version_id`` is the version that first carried the file; a later version of the same
    record naming the same file uses the same row, found by ``(record_id, name)``. ``device_id`` is the
    device (or app user) that sent the bytes. Erasure and anonymisation delete a record's rows with it.
    """

    __tablename__ = "record_attachments"

    version_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    name: Mapped[str] = mapped_column(String(255), primary_key=True)
    record_id: Mapped[str | None] = mapped_column(String(UUID_LEN), nullable=True, index=True)
    device_id: Mapped[str | None] = mapped_column(String(UUID_LEN), nullable=True)
    content_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    sha256: Mapped[str] = mapped_column(String(HASH_LEN))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


OpenRosaAttachmentRow = AttachmentRow  # the name it had before desks' files joined it (migration 0014)


class RecordReviewRow(Base):
    """A record that came in through a public way in (OpenRosa): pending until a registrar accepts it.

    Records without a row (sent by enrolled desks) count as accepted. The registry counts and lists only
    records whose row, if any, says accepted.
    """

    __tablename__ = "record_reviews"

    record_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    status: Mapped[str] = mapped_column(String(16), index=True)  # pending | accepted | rejected
    source: Mapped[str] = mapped_column(String(16))  # openrosa
    submitted_by: Mapped[str] = mapped_column(String(UUID_LEN))  # the app user's id
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    decided_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
