"""The registry's search and count columns, derived from each record's head version.

A trigger on ``records`` (migration 0003) queues the id of every record whose head changed in
``registry_dirty``, in the same transaction as the change. ``catch_up`` reads the queue, rebuilds the
derived rows of those records from their head answers (the same normal forms as the desk's search:
forms.store.fields) and removes the queue entries it handled: a record changed again meanwhile has a
newer entry and is handled on the next call. An erased record loses its rows. Any worker may run it;
rebuilding a row is idempotent. The dashboard's counts (counts.py) change in the same transaction: the
deleted rows' contributions (read back by DELETE ... RETURNING, so two workers never both take one
away) are subtracted and the new rows' added.

The dashboard counts persons: of the records that duplicate detection linked to one person
(dedup_person_members), only the first registered live one has ``counted`` set, and only counted rows
add to the figures. A record's fellow members are rebuilt with it (and decisions queue the records they
link or unlink), so which one counts follows edits, erasures and decisions.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, timedelta
from typing import Any, cast

from sqlalchemy import BigInteger, String, any_, bindparam, delete, exists, insert, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from forms.store.fields import normalize_document, normalize_name, normalize_phone
from sync.server.auth import as_utc
from sync.server.db import transaction
from sync.server.models import (
    DedupPersonMemberRow,
    RecordRow,
    RecordVersionRow,
    RegistryDirtyRow,
    RegistryNameTokenRow,
    RegistryPersonRow,
)
from sync.server.openrosa.review import pending_review
from sync.server.registry import counts

CHUNK = 2000
PHONE_TAIL = 9  # the last 9 digits: a number matches with or without its country code
NAME_FIELDS = ("given_name", "family_name", "other_names")
CHOICE_COLUMNS = {
    "sex": "sex",
    "education_level": "education_level",
    "occupation": "occupation",
    "skills_sector": "skills_sector",
    "invest_interest": "invest_interest",
    "return_interest": "skills_transfer_interest",
    "mentoring_interest": "mentoring_interest",
    "preferred_language": "preferred_language",
    "residence_country": "residence_country",
}


def _text(answers: Mapping[str, Any], name: str, limit: int) -> str | None:
    value = answers.get(name)
    if value is None or isinstance(value, dict | list):
        return None
    text = " ".join(str(value).split())
    return text[:limit] or None


def _city(answers: Mapping[str, Any]) -> str | None:
    city = _text(answers, "residence_city", 120)
    if city and (city.islower() or city.isupper()):
        city = city.title()  # "ATLANTA" and "atlanta" count with "Atlanta"
    return city


def _padded(answers: Mapping[str, Any], name: str, limit: int) -> str:
    """A select_multiple as ' a b c ' so `LIKE '% b %'` finds one choice."""
    value = _text(answers, name, limit - 2) or ""
    return " " + " ".join(sorted(set(value.split()))) + " " if value else " "


def person_row(record: Any, answers: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The derived columns of one head version, and its name tokens."""
    registered = as_utc(record.created_at).astimezone(UTC)
    day = registered.date()
    names = [_text(answers, field, 200) or "" for field in NAME_FIELDS]
    document = _text(answers, "document_number", 200)
    phone = normalize_phone(_text(answers, "phone", 200) or "")
    email = _text(answers, "email", 200)
    row: dict[str, Any] = {
        "record_id": record.record_id,
        "version_id": record.version_id,
        "form_id": record.form_id[:200],
        "form_version": record.form_version[:200],
        "device_id": record.device_id,
        "registered_at": registered,
        "registered_day": day.isoformat(),
        "registered_week": (day - timedelta(days=day.weekday())).isoformat(),
        "registered_month": day.isoformat()[:7],
        "display_name": " ".join(part for part in names[:2] if part)[:300],
        "residence_city": _city(answers),
        "languages": _padded(answers, "languages_spoken", 400),
        "invest_sectors": _padded(answers, "invest_sectors", 600),
        "document_norm": (normalize_document(document) or None) if document else None,
        "phone_tail": phone[-PHONE_TAIL:] or None,
        "email_norm": email.casefold() if email else None,
    }
    for column, field in CHOICE_COLUMNS.items():
        row[column] = _text(answers, field, 64 if column != "residence_country" else 8)
    tokens = sorted({token[:64] for token in normalize_name(" ".join(names)).split()})
    return row, tokens


def _among(column: Any, values: list[Any], session: Session) -> Any:
    """column IN values; on PostgreSQL one array parameter (thousands of placeholders parse slowly)."""
    if session.get_bind().dialect.name == "postgresql":
        element = BigInteger() if isinstance(values[0], int) else String()
        return column == any_(bindparam("among", values, type_=ARRAY(element)))
    return column.in_(values)


def _with_fellow_members(session: Session, record_ids: list[str]) -> list[str]:
    """The records and every record of the persons they are, or were when their rows were built, part
    of (duplicate detection): which of a person's records counts may change when one of them changes."""
    stored = select(RegistryPersonRow.person_id).where(
        _among(RegistryPersonRow.record_id, record_ids, session), RegistryPersonRow.person_id.is_not(None)
    )
    linked = select(DedupPersonMemberRow.person_id).where(
        _among(DedupPersonMemberRow.record_id, record_ids, session)
    )
    persons = {person for person in session.scalars(stored) if person} | set(session.scalars(linked))
    if not persons:
        return record_ids
    wanted = sorted(persons)
    fellows = set(
        session.scalars(select(RegistryPersonRow.record_id).where(RegistryPersonRow.person_id.in_(wanted)))
    ) | set(
        session.scalars(
            select(DedupPersonMemberRow.record_id).where(DedupPersonMemberRow.person_id.in_(wanted))
        )
    )
    return sorted(set(record_ids) | fellows)


def _mark_persons(session: Session, people: list[dict[str, Any]], created: dict[str, Any]) -> None:
    """Each row's person, and ``counted``: only the first registered live record of a person counts."""
    ids = [row["record_id"] for row in people]
    person_of: dict[str, str] = {}
    if ids:
        person_of = dict(
            session.execute(
                select(DedupPersonMemberRow.record_id, DedupPersonMemberRow.person_id).where(
                    _among(DedupPersonMemberRow.record_id, ids, session)
                )
            ).all()
        )
    first: dict[str, tuple[Any, str]] = {}
    for record_id, person in person_of.items():
        key = (as_utc(created[record_id]), record_id)
        if person not in first or key < first[person]:
            first[person] = key
    for row in people:
        linked = person_of.get(row["record_id"])
        row["person_id"] = linked
        row["counted"] = linked is None or first[linked][1] == row["record_id"]


def _rebuild(session: Session, record_ids: list[str]) -> None:
    record_ids = _with_fellow_members(session, record_ids)
    session.execute(
        delete(RegistryNameTokenRow).where(_among(RegistryNameTokenRow.record_id, record_ids, session))
    )
    removed = session.execute(
        delete(RegistryPersonRow)
        .where(_among(RegistryPersonRow.record_id, record_ids, session))
        .returning(*(getattr(RegistryPersonRow, column) for column in counts.SOURCE_COLUMNS))
    ).all()
    heads = session.execute(
        select(
            RecordRow.record_id,
            RecordRow.created_at,
            RecordVersionRow.version_id,
            RecordVersionRow.form_id,
            RecordVersionRow.form_version,
            RecordVersionRow.device_id,
            RecordVersionRow.answers_json,
        )
        .join(RecordVersionRow, RecordVersionRow.version_id == RecordRow.head_version_id)
        .where(_among(RecordRow.record_id, record_ids, session), RecordRow.deleted.is_(False))
        .where(~exists().where(pending_review(RecordRow.record_id)))  # OpenRosa: counted once accepted
    ).all()
    people: list[dict[str, Any]] = []
    tokens: list[dict[str, str]] = []
    for head in heads:
        try:
            answers = json.loads(head.answers_json)
        except ValueError:
            answers = {}
        row, words = person_row(head, answers if isinstance(answers, dict) else {})
        people.append(row)
        tokens.extend({"token": word, "record_id": head.record_id} for word in words)
    _mark_persons(session, people, {head.record_id: head.created_at for head in heads})
    counts.apply(session, cast("list[Mapping[str, Any]]", [row._mapping for row in removed]), people)
    if session.get_bind().dialect.name == "postgresql":
        _copy(session, RegistryPersonRow.__table__, people)
        _copy(session, RegistryNameTokenRow.__table__, tokens)
        return
    if people:
        session.execute(insert(RegistryPersonRow), people)
    if tokens:
        session.execute(insert(RegistryNameTokenRow), tokens)


def _copy(session: Session, table: Any, rows: list[dict[str, Any]]) -> None:
    """PostgreSQL's COPY on the session's own connection (same transaction): several times an INSERT."""
    if not rows:
        return
    columns = list(rows[0])
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    with cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row[column] for column in columns])


def pending(session: Session) -> bool:
    return session.scalar(select(RegistryDirtyRow.id).limit(1)) is not None


def catch_up(factory: sessionmaker[Session], *, chunk: int = CHUNK) -> int:
    """Rebuild the rows of every queued record; returns how many queue entries were handled."""
    handled, clashes = 0, 0
    while True:
        try:
            done = _one_chunk(factory, chunk)
        except (IntegrityError, OperationalError) as error:  # another worker rebuilt one at the same moment
            if isinstance(error, OperationalError) and getattr(error.orig, "sqlstate", None) != "40P01":
                raise  # only a deadlock between two workers' count updates is retried
            clashes += 1
            if clashes > 3:
                raise
            continue
        handled += done
        if done < chunk:  # the queue is empty, or what is left is being handled by another worker
            return handled


def _one_chunk(factory: sessionmaker[Session], chunk: int) -> int:
    with transaction(factory) as session:
        query = select(RegistryDirtyRow.id, RegistryDirtyRow.record_id).order_by(RegistryDirtyRow.id)
        if session.get_bind().dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        queued = session.execute(query.limit(chunk)).all()
        if not queued:
            return 0
        _rebuild(session, sorted({row.record_id for row in queued}))
        session.execute(
            delete(RegistryDirtyRow).where(_among(RegistryDirtyRow.id, [row.id for row in queued], session))
        )
        return len(queued)
