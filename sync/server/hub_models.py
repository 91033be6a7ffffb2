"""Tables of migration 0006_hub: the server's sealing key, each device's laptop identity, the origin of
relayed record versions, and the hub's relay progress. In a module of their own (same Base as models.py).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sync.server.models import UUID_LEN, Base


class ServerKeyRow(Base):
    """The server's X25519 sealing key pair (row 1): sealed batch files are encrypted to its public half.

    On SQLite the database is encrypted (SQLCipher); on PostgreSQL protect the database like the records.
    """

    __tablename__ = "server_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    private_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    public_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class DeviceLaptopRow(Base):
    """The laptop behind an enrolment: its store's own id, the same on every server it enrols with."""

    __tablename__ = "device_laptops"

    device_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    laptop_id: Mapped[str] = mapped_column(String(UUID_LEN), index=True)


class RecordOriginRow(Base):
    """Who made a relayed version: the laptop (its store id) and operator, as the relaying hub said."""

    __tablename__ = "record_origins"

    version_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    origin_device: Mapped[str] = mapped_column(String(UUID_LEN), index=True)
    origin_operator: Mapped[str | None] = mapped_column(String(64), nullable=True)


class HubRelayedRow(Base):
    """On a hub: a version the central server has answered (status as it said); absent = waiting."""

    __tablename__ = "hub_relayed"

    version_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    status: Mapped[str] = mapped_column(String(16))
    relay_batch_id: Mapped[str] = mapped_column(String(UUID_LEN))
    relayed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class HubRelayInflightRow(Base):
    """On a hub: a relay batch persisted before its first send (same id and bytes on every retry)."""

    __tablename__ = "hub_relay_inflight"

    batch_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    version_ids: Mapped[str] = mapped_column(Text)  # JSON list
    body: Mapped[bytes] = mapped_column(LargeBinary)
    headers: Mapped[str] = mapped_column(Text)  # JSON
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class HubApprovalRow(Base):
    """On a hub: a batch a clerk's laptop sent, approved by the supervisor on the hub's review page
    (migration 0010_hub_approvals). `relayed_at`: when the central server recorded the approval."""

    __tablename__ = "hub_approvals"

    batch_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(UUID_LEN))
    approved_by: Mapped[str] = mapped_column(String(64))
    approved_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    relayed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class RelayedApprovalRow(Base):
    """On the central server: a relayed version approved on an event hub, by whom and when (the hub
    supervisor's operator name), and the hub (its device id here) that relayed the approval."""

    __tablename__ = "relayed_approvals"

    version_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    hub_device_id: Mapped[str] = mapped_column(String(UUID_LEN), index=True)
    hub_batch_id: Mapped[str] = mapped_column(String(UUID_LEN))
    approved_by: Mapped[str] = mapped_column(String(64))
    approved_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class RelayedAuditEntryRow(Base):
    """On the central server: a clerk laptop's audit entry that an event hub relayed (migration
    0012_relayed_audit), keyed by the laptop's store id and entry number, checked as a chain on arrival.
    `entry_json` is the entry as the laptop made it (ids, codes, counts, times: never a personal value)."""

    __tablename__ = "relayed_audit_entries"

    origin_device: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    hub_device_id: Mapped[str] = mapped_column(String(UUID_LEN))
    entry_json: Mapped[str] = mapped_column(Text)
    entry_hash: Mapped[str] = mapped_column(String(128))
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class HubAuditRelayedRow(Base):
    """On a hub: a received batch whose audit entries the central server has recorded."""

    __tablename__ = "hub_audit_relayed"

    batch_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    relayed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class HubFileRefusalRow(Base):
    """On a hub: a file attached to a relayed record that the central server refused (migration
    0016_hub_file_refusals): the record and the file's name (its content address, never a value), the
    refusal code, when first and last, and at how many relays. The record's versions that named it stay
    waiting on the hub and go again at each relay; the row goes once a relay sends the file (or the
    record reaches the central server without it being refused)."""

    __tablename__ = "hub_file_refusals"

    record_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    version_id: Mapped[str] = mapped_column(String(UUID_LEN))  # the version the relay sent it with
    code: Mapped[str] = mapped_column(String(32))
    first_refused_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_refused_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    times: Mapped[int] = mapped_column(Integer)
