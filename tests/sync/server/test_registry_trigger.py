"""The registry's queue of changed records (registry_dirty) on PostgreSQL: one INSERT statement of records
queues each new record once, in the statement's order, through a statement trigger (migration 0015: one
INSERT ... SELECT per batch instead of a PL/pgSQL call and a one-row INSERT per record); a head moved by
an UPDATE is still queued, an update that moves nothing is not; downgrading restores the row trigger."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from alembic import command
from sqlalchemy import Engine, text

from sync.server import admin
from sync.server.db import alembic_config, insert_rows, make_engine, session_factory
from sync.server.models import RecordRow
from tests.sync.server.helpers import postgres_schema


def _orientation(engine: Engine) -> set[tuple[str, str]]:
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT event_manipulation, action_orientation FROM information_schema.triggers "
                "WHERE trigger_name = 'registry_records_insert' AND event_object_schema = current_schema()"
            )
        )
        return {(row[0], row[1]) for row in rows}


def _queue(engine: Engine) -> list[str]:
    with engine.connect() as connection:
        return list(connection.scalars(text("SELECT record_id FROM registry_dirty ORDER BY id")))


def _insert(engine: Engine, ids: list[str]) -> None:
    now = datetime.now(UTC)
    rows = [
        {"record_id": rid, "head_version_id": rid, "form_id": "f", "deleted": False,
         "first_device_id": "d", "created_at": now, "updated_at": now}
        for rid in ids
    ]  # fmt: skip
    with session_factory(engine)() as session, session.begin():
        insert_rows(session, RecordRow.__table__, rows)  # ingestion's one statement for a batch


def test_one_statement_of_records_queues_each_once_in_order() -> None:
    with postgres_schema() as url:
        engine = make_engine(url)
        try:
            admin.initialise(engine)
            assert _orientation(engine) == {("INSERT", "STATEMENT")}
            with engine.begin() as connection:
                connection.execute(text("DELETE FROM registry_dirty"))
            ids = [str(uuid.uuid4()) for _ in range(300)]
            _insert(engine, ids)
            _insert(engine, [])
            assert _queue(engine) == ids
            with engine.begin() as connection:
                connection.execute(text("DELETE FROM registry_dirty"))
                connection.execute(
                    text("UPDATE records SET head_version_id = 'v2' WHERE record_id = :r"), {"r": ids[7]}
                )
                connection.execute(
                    text("UPDATE records SET updated_at = now() WHERE record_id = :r"), {"r": ids[8]}
                )
            assert _queue(engine) == [ids[7]]

            config = alembic_config(engine)  # the row trigger is back after a downgrade, and queues the same
            with engine.begin() as connection:
                config.attributes["connection"] = connection
                command.downgrade(config, "0014_record_attachments")
            assert _orientation(engine) == {("INSERT", "ROW")}
            more = [str(uuid.uuid4()) for _ in range(5)]
            _insert(engine, more)
            assert _queue(engine) == [ids[7], *more]
        finally:
            engine.dispose()
