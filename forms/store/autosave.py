"""The autosave of the form on screen: nothing a clerk typed is lost to a lock, a quit or a crash.

One row per operator (one form open per operator at a time), overwritten every few seconds of idle
and at lock or quit, read back at the next unlock and offered ("Continue the registration of ...?").
It is not a draft: it belongs to no batch listing, is never synced, and disappears once the form is
saved, kept as a draft, or the offer is declined. The answers are personal data, so they live only in
this table of the encrypted store; the audit log gets ids only, and only for restore and discard
(not for every write: it would swell the chain with noise).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, func, select, table, text
from sqlalchemy.orm import Session

from . import audit
from ._session import StoreOrSession, operator_of, transaction, utc_now

if TYPE_CHECKING:
    from .store import Store

# Schema step 3 (with the search index; migrate.MIGRATIONS): explicit DDL, never create_all.
AUTOSAVE_DDL = (
    """
    CREATE TABLE IF NOT EXISTS autosaves (
        operator VARCHAR(64) NOT NULL PRIMARY KEY,
        record_id VARCHAR(36),
        batch_id VARCHAR(36),
        form_id VARCHAR(100) NOT NULL,
        form_version VARCHAR(50) NOT NULL,
        answers TEXT NOT NULL,
        saved_at VARCHAR(40) NOT NULL
    )
    """,
)


def create_autosave_table(connection: Connection) -> None:
    for statement in AUTOSAVE_DDL:
        connection.execute(text(statement))


@dataclass(frozen=True)
class Autosave:
    operator: str
    record_id: str | None  # the record being edited, when the form held one
    batch_id: str | None
    form_id: str
    form_version: str
    answers: dict[str, Any]
    saved_at: str

    def person(self) -> str:
        """The person's name as typed ("" when none was typed yet), for the offer on screen."""
        names = (self.answers.get("given_name"), self.answers.get("family_name"))
        return " ".join(str(name).strip() for name in names if name and str(name).strip())


_UPSERT = """
    INSERT INTO autosaves (operator, record_id, batch_id, form_id, form_version, answers, saved_at)
    VALUES (:operator, :record_id, :batch_id, :form_id, :form_version, :answers, :saved_at)
    ON CONFLICT (operator) DO UPDATE SET record_id = excluded.record_id, batch_id = excluded.batch_id,
        form_id = excluded.form_id, form_version = excluded.form_version, answers = excluded.answers,
        saved_at = excluded.saved_at
"""


def prepare_autosave(
    form_id: str,
    form_version: str,
    answers: dict[str, Any],
    *,
    record_id: str | None = None,
    batch_id: str | None = None,
) -> dict[str, Any]:
    """The autosave's row (without the operator), serialised: the desk builds it on the GUI thread when
    the clerk pauses, so the store lane's write is only the statement (``write_prepared``)."""
    return {
        "record_id": record_id,
        "batch_id": batch_id,
        "form_id": form_id,
        "form_version": form_version,
        "answers": json.dumps(answers, ensure_ascii=False, separators=(",", ":")),
        "saved_at": utc_now(),
    }


def write_prepared(store: Store, prepared: dict[str, Any]) -> None:
    """Keeps the current operator's open form (replacing the previous autosave): one statement on a
    pooled DBAPI connection, in autocommit, so one call into SQLCipher does it all.

    A write statement outside a transaction takes the write lock when it starts (waiting up to the busy
    timeout, as ``BEGIN IMMEDIATE`` does) and commits when it ends, with the same WAL,
    ``synchronous=FULL`` and encryption as any session; a failure leaves the previous autosave whole.
    Each call into the driver lets the GUI thread go and then takes the GIL back from it, a switch the
    clerk's next key pays for: ``BEGIN IMMEDIATE``, the statement and ``COMMIT`` were three, an ORM
    session around them a dozen more (bench/desk.py --only autosave)."""
    params = {**prepared, "operator": store.operator.name}
    connection = store.engine.raw_connection()
    try:
        driver = connection.driver_connection
        assert driver is not None
        if driver.in_transaction:  # never joins a transaction a caller left open (the pool resets it)
            connection.rollback()
        driver.execute(_UPSERT, params)
    finally:
        connection.close()  # back to the pool


def write_autosave(
    target: StoreOrSession,
    form_id: str,
    form_version: str,
    answers: dict[str, Any],
    *,
    record_id: str | None = None,
    batch_id: str | None = None,
) -> None:
    """Keeps the current operator's open form (replacing the previous autosave): given the store, as
    ``write_prepared``; given a session, in the caller's transaction."""
    prepared = prepare_autosave(form_id, form_version, answers, record_id=record_id, batch_id=batch_id)
    if not isinstance(target, Session):
        write_prepared(target, prepared)
        return
    with transaction(target) as session:
        session.execute(text(_UPSERT), {**prepared, "operator": operator_of(session).name})


def read_autosave(target: StoreOrSession) -> Autosave | None:
    """The current operator's autosave, if one waits."""
    with transaction(target, read_only=True) as session:
        row = session.execute(
            text(
                "SELECT operator, record_id, batch_id, form_id, form_version, answers, saved_at"
                " FROM autosaves WHERE operator = :operator"
            ),
            {"operator": operator_of(session).name},
        ).first()
        if row is None:
            return None
        return Autosave(row[0], row[1], row[2], row[3], row[4], json.loads(row[5]), row[6])


def clear_autosave(target: StoreOrSession, *, outcome: str | None = None) -> bool:
    """Drops the current operator's autosave; ``outcome`` ("restored", "discarded") is audited.
    Returns whether there was one."""
    with transaction(target) as session:
        result = session.execute(
            text("DELETE FROM autosaves WHERE operator = :operator"), {"operator": operator_of(session).name}
        )
        removed = bool(getattr(result, "rowcount", 0))
        if removed and outcome is not None:
            audit.append(session, f"autosave_{outcome}")
        return removed


def count_autosaves(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(table("autosaves"))) or 0)
