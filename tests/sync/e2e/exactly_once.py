"""Checks that every laptop record reached the server exactly once (shared by the end-to-end tests)."""

from __future__ import annotations

from sqlalchemy import func, select

from forms.store import Store
from forms.store.schema import OutboxRow, RecordRow
from sync.server.models import RecordRow as ServerRecordRow
from sync.server.models import RecordVersionRow
from tests.sync.e2e.servers import ServerProcess


def laptop_heads(store: Store) -> dict[str, str]:
    with store.session() as session:
        return dict(
            session.execute(
                select(RecordRow.record_id, RecordRow.version_id).where(RecordRow.is_latest)
            ).all()
        )


def unsent(store: Store) -> int:
    with store.session() as session:
        return int(
            session.scalar(select(func.count()).select_from(OutboxRow).where(OutboxRow.sent_at.is_(None)))
        )


def assert_exactly_once(server: ServerProcess, store: Store) -> None:
    heads = laptop_heads(store)
    with server.engine() as engine, engine.connect() as connection:
        server_heads = dict(
            connection.execute(
                select(ServerRecordRow.record_id, ServerRecordRow.head_version_id).where(
                    ServerRecordRow.record_id.in_(list(heads))
                )
            ).all()
        )
        per_version = connection.execute(
            select(RecordVersionRow.version_id, func.count())
            .where(RecordVersionRow.record_id.in_(list(heads)))
            .group_by(RecordVersionRow.version_id)
        ).all()
    assert server_heads == heads  # every record there, and its head is the laptop's newest version
    assert all(n == 1 for _, n in per_version)
    assert unsent(store) == 0
