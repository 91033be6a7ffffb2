"""A record version as the server holds it (the OpenRosa tests)."""

from __future__ import annotations

from sqlalchemy import select

from sync.server.models import (
    RecordRow,
    RecordVersionRow,
)
from tests.sync.e2e.servers import ServerProcess


def record_of(server: ServerProcess, version_id: str) -> tuple[str, str, str]:
    """(record id, head version, owner) of the record holding this version."""
    with server.engine() as engine, engine.connect() as connection:
        record_id = connection.scalar(
            select(RecordVersionRow.record_id).where(RecordVersionRow.version_id == version_id)
        )
        row = connection.execute(
            select(RecordRow.record_id, RecordRow.head_version_id, RecordRow.first_device_id).where(
                RecordRow.record_id == record_id
            )
        ).one()
    return row.record_id, row.head_version_id, row.first_device_id
