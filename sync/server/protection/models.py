"""Tables of migration 0007_protection (same Base as sync/server/models.py)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from sync.server.models import UUID_LEN, Base

REASON_LEN = 500


class ErasureRow(Base):
    """A record erased on the server: who, when, why and how many versions went; never a value.

    ``id`` is the cursor of the erasure notices the laptops poll (GET /v1/erasures?since=ID). The row also
    stops a late copy of an erased record from being stored again: ingestion answers it ``duplicate``.
    """

    __tablename__ = "protection_erasures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    record_id: Mapped[str] = mapped_column(String(UUID_LEN), unique=True)
    form_id: Mapped[str] = mapped_column(String(200), default="")
    erased_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    erased_by: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(16))  # cli | registry | desk | retention
    reason: Mapped[str] = mapped_column(String(REASON_LEN), default="")
    versions: Mapped[int] = mapped_column(Integer, default=0)


class RestrictionRow(Base):
    """A record kept but restricted (consent withdrawn, a dispute): out of every view, search and export."""

    __tablename__ = "protection_restrictions"

    record_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    restricted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    restricted_by: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(String(REASON_LEN), default="")


class RetentionRow(Base):
    """How long the server keeps the records of one form (years after their first arrival)."""

    __tablename__ = "protection_retention"

    form_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    years: Mapped[int] = mapped_column(Integer)
    set_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    set_by: Mapped[str] = mapped_column(String(200))
    last_run_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
