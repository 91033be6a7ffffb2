"""The audit chain: every entry carries the hash of the one before; tampering shows in verify."""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import delete, update

from forms.store import AuditRow, Store, audit, records
from tests.forms.store.conftest import person


@pytest.fixture
def logged(store: Store, batch_id: str) -> Store:
    for n in range(3):
        records.save_record(store, batch_id, "reg", "1", person(n), draft=False)
    return store


def test_an_intact_chain_verifies(logged: Store) -> None:
    with logged.session() as session:
        entries = audit.entries(session, limit=100)
        assert audit.verify_chain(session) == []
    assert [entry.seq for entry in entries] == list(range(len(entries), 0, -1))
    assert all(newer.previous_hash == older.entry_hash for newer, older in itertools.pairwise(entries))


def test_an_altered_entry_is_found(logged: Store) -> None:
    with logged.session() as session:
        session.execute(update(AuditRow).where(AuditRow.seq == 3).values(operator="mallory"))
    with logged.session() as session:
        assert audit.verify_chain(session) == ["audit entry 3 was altered"]


def test_a_removed_entry_is_found(logged: Store) -> None:
    with logged.session() as session:
        session.execute(delete(AuditRow).where(AuditRow.seq == 2))
    with logged.session() as session:
        problems = audit.verify_chain(session)
    assert "audit entries 2 to 2 are missing" in problems
    assert "audit entry 3 does not follow the entry before it" in problems


def test_removing_the_newest_entries_is_found(logged: Store) -> None:
    with logged.session() as session:
        last = audit.entries(session, limit=1)[0].seq
        session.execute(delete(AuditRow).where(AuditRow.seq >= last - 1))
    with logged.session() as session:
        assert audit.verify_chain(session) == ["the newest audit entries were removed or replaced"]


def test_details_refuse_anything_but_short_scalars(store: Store) -> None:
    with pytest.raises(TypeError):
        store.audit("exported", answers={"given_name": "x"})  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        store.audit("exported", note="x" * 500)
