"""The autosave write: one statement on a pooled connection, no ORM session (the store lane holds the GIL
less while the clerk types), still encrypted on disk, committed whole or not at all."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.exc import IntegrityError

from forms.store import Store
from forms.store.autosave import read_autosave, write_autosave
from forms.store.database import db_path

from .conftest import person

CANARY = "Zebulon-Autosave-Canary"


def test_the_write_needs_no_orm_session_and_stays_encrypted(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_autosave(store, "diaspora", "1", person(1))
    with monkeypatch.context() as patched:

        def no_session(*_args: object, **_kwargs: object) -> None:
            raise AssertionError("the autosave write opened an ORM session")

        patched.setattr(store, "session", no_session)
        write_autosave(store, "diaspora", "1", person(2, given_name=CANARY), record_id="r1", batch_id="b1")
    kept = read_autosave(store)
    assert kept is not None
    assert kept.answers["given_name"] == CANARY and kept.person() == f"{CANARY} Family2"
    assert (kept.record_id, kept.batch_id, kept.form_id, kept.form_version) == ("r1", "b1", "diaspora", "1")
    path = db_path(store.data_dir)
    for file in (path, path.with_name(path.name + "-wal")):
        if file.exists():
            assert CANARY.encode() not in file.read_bytes()


def test_a_failed_write_keeps_the_previous_autosave_and_the_next_one_works(store: Store) -> None:
    write_autosave(store, "diaspora", "1", person(1))
    with pytest.raises(Exception) as raised:
        write_autosave(store, None, "1", person(2))  # type: ignore[arg-type]  # NOT NULL refuses it
    assert not isinstance(raised.value, AssertionError)
    kept = read_autosave(store)
    assert kept is not None and kept.answers["given_name"] == "Given1"
    write_autosave(store, "diaspora", "2", person(3))  # no transaction left open on the pooled connection
    kept = read_autosave(store)
    assert kept is not None and (kept.form_version, kept.answers["given_name"]) == ("2", "Given3")


def test_a_session_target_writes_in_the_callers_transaction(store: Store) -> None:
    with pytest.raises(IntegrityError), store.session() as session:
        write_autosave(session, "diaspora", "1", person(4))
        write_autosave(session, None, "1", person(5))  # type: ignore[arg-type]
    assert read_autosave(store) is None  # rolled back together


def test_the_write_is_one_statement_into_the_driver(store: Store) -> None:
    """Each call into SQLCipher hands the GIL to the GUI thread and takes it back, a switch the clerk's
    next key pays for: the write is one statement in autocommit (no BEGIN IMMEDIATE, no COMMIT), its
    row serialised beforehand (prepare_autosave, on the GUI thread at the pause)."""
    from sqlalchemy import event

    from forms.store.autosave import prepare_autosave, write_prepared

    statements: list[str] = []

    def traced(driver: Any, _record: object, _proxy: object) -> None:
        driver.set_trace_callback(statements.append)

    event.listen(store.engine, "checkout", traced)
    try:
        write_prepared(store, prepare_autosave("diaspora", "1", person(6, given_name=CANARY), batch_id="b6"))
    finally:
        event.remove(store.engine, "checkout", traced)
    assert len(statements) == 1 and statements[0].lstrip().startswith("INSERT INTO autosaves"), statements
    kept = read_autosave(store)
    assert kept is not None and (kept.answers["given_name"], kept.batch_id) == (CANARY, "b6")
    with store.session(read_only=True) as session:  # committed: another connection reads it
        assert session.connection().exec_driver_sql("SELECT count(*) FROM autosaves").scalar() == 1
