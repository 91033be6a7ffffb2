"""The bulk statements ingestion uses (sync/server/db.py): COPY on PostgreSQL, executemany on SQLite.

Both backends must store exactly what an INSERT would (NULLs, booleans, times, text with tabs, newlines,
backslashes and accents), fire the records trigger that queues the registry's catch-up, and report a
key stored twice as SQLAlchemy's IntegrityError, which ingestion's retry loop catches.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError

from sync.server import admin
from sync.server.db import among, insert_rows, make_engine, session_factory
from sync.server.models import RecordRow, RecordVersionRow, RegistryDirtyRow
from tests.sync.server.helpers import postgres_schema, sqlite_url

MOMENT = datetime(2026, 3, 4, 5, 6, 7, 890000, tzinfo=UTC)
AWKWARD = 'tab\there, new\nline, back\\slash, "quotes", \\N, Kouamé N’Guessan, 名前'


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "postgres":
        with postgres_schema() as url:
            made = make_engine(url)
            admin.initialise(made)
            yield made
            made.dispose()
    else:
        made = make_engine(sqlite_url(tmp_path))
        admin.initialise(made)
        yield made
        made.dispose()


def _rows(count: int) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    records, versions = [], []
    for number in range(count):
        record_id, version_id = str(uuid.uuid4()), str(uuid.uuid4())
        records.append(
            {
                "record_id": record_id,
                "head_version_id": version_id,
                "form_id": "bulk_form",
                "deleted": number % 2 == 1,
                "first_device_id": "device",
                "created_at": MOMENT,
                "updated_at": MOMENT,
            }
        )
        versions.append(
            {
                "version_id": version_id,
                "record_id": record_id,
                "replaces": None if number else str(uuid.uuid4()),
                "form_id": "bulk_form",
                "form_version": "1",
                "deleted": number % 2 == 1,
                "content_hash": "a" * 64,
                "answers_json": f'{{"note": "{number} {AWKWARD}"}}',
                "device_id": "device",
                "batch_id": "batch",
                "sequence": 2**40 + number,
                "created_at": "",
                "received_at": MOMENT,
            }
        )
    return records, versions


def test_rows_come_back_as_written_and_the_trigger_queues_them(engine: Engine) -> None:
    records, versions = _rows(5)
    factory = session_factory(engine)
    with factory() as session, session.begin():
        insert_rows(session, RecordRow.__table__, records)
        insert_rows(session, RecordVersionRow.__table__, versions)
        insert_rows(session, RecordVersionRow.__table__, [])  # nothing to do
    with factory() as session:
        stored = {
            row.version_id: row
            for row in session.scalars(select(RecordVersionRow).order_by(RecordVersionRow.sequence))
        }
        assert set(stored) == {str(v["version_id"]) for v in versions}
        for version in versions:
            row = stored[str(version["version_id"])]
            assert row.answers_json == version["answers_json"]
            assert row.replaces == version["replaces"]
            assert row.deleted is version["deleted"]
            assert row.sequence == version["sequence"]
            assert row.created_at == ""
            assert row.received_at.replace(tzinfo=UTC) == MOMENT
        flags = {row.record_id: row.deleted for row in session.scalars(select(RecordRow))}
        assert flags == {r["record_id"]: r["deleted"] for r in records}
        queued = session.scalar(select(func.count()).select_from(RegistryDirtyRow))
        assert queued == len(records)


def test_a_key_stored_twice_is_an_integrity_error_and_nothing_of_the_batch_stays(engine: Engine) -> None:
    records, _ = _rows(3)
    factory = session_factory(engine)
    with factory() as session, session.begin():
        insert_rows(session, RecordRow.__table__, records[:1])
    with pytest.raises(IntegrityError), factory() as session, session.begin():
        insert_rows(session, RecordRow.__table__, records[1:])
        insert_rows(session, RecordRow.__table__, records[:1])  # already stored
    with factory() as session:
        assert session.scalar(select(func.count()).select_from(RecordRow)) == 1


def test_among_finds_what_in_finds(engine: Engine) -> None:
    records, _ = _rows(6)
    factory = session_factory(engine)
    with factory() as session, session.begin():
        insert_rows(session, RecordRow.__table__, records)
    wanted = [str(records[0]["record_id"]), str(records[3]["record_id"]), "not-stored"]
    with factory() as session:
        found = set(
            session.scalars(select(RecordRow.record_id).where(among(RecordRow.record_id, wanted, session)))
        )
        assert found == set(wanted[:2])
        both = select(RecordRow.record_id).where(
            among(RecordRow.record_id, wanted, session), among(RecordRow.form_id, ["bulk_form"], session)
        )
        assert set(session.scalars(both)) == set(wanted[:2])  # two arrays in one statement
        assert not list(
            session.scalars(select(RecordRow.record_id).where(among(RecordRow.record_id, [], session)))
        )
