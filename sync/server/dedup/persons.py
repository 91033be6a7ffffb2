"""One row per person in the server's export: records linked by "same" decisions become one row.

The row is the person's first record (in export order) with, per field, the surviving value: the one a
registrar chose when deciding, else the newest non-empty value among the linked records (newest by
when the server received each record's head version). An extra column, ``_merged_records``, names the
record ids merged into the row (empty for a person with one record).
"""

from __future__ import annotations

import copy
import dataclasses
import json
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from forms.engine.model import Question
from forms.export import ExportRecord
from sync.server.dedup.index import SAME
from sync.server.models import DedupPairRow, DedupPersonMemberRow, RecordRow, RecordVersionRow

MERGED_COLUMN = "_merged_records"
_LABEL = "Record ids merged into this person (duplicate detection)"


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def surviving_answers(session: Session, members: list[str]) -> dict[str, Any]:
    """The linked records' answers merged field by field (choices first, else newest non-empty)."""
    heads = session.execute(
        select(RecordRow.record_id, RecordVersionRow.answers_json, RecordVersionRow.received_at)
        .join(RecordVersionRow, RecordVersionRow.version_id == RecordRow.head_version_id)
        .where(RecordRow.record_id.in_(members), RecordRow.deleted.is_(False))
        .order_by(RecordVersionRow.received_at.desc(), RecordRow.record_id)
    ).all()
    answers = {row.record_id: json.loads(row.answers_json) for row in heads}
    merged: dict[str, Any] = {}
    for row in heads:  # newest first
        for name, value in answers[row.record_id].items():
            if name not in merged and not _empty(value):
                merged[name] = value
    chosen = session.execute(
        select(DedupPairRow.choices_json)
        .where(
            DedupPairRow.status == SAME,
            DedupPairRow.record_a.in_(members),
            DedupPairRow.record_b.in_(members),
        )
        .order_by(DedupPairRow.decided_at)
    ).scalars()
    for choices_json in chosen:  # later decisions win
        for name, record_id in json.loads(choices_json).items():
            source = answers.get(record_id)
            if source is None:
                continue
            if _empty(source.get(name)):
                merged.pop(name, None)
            else:
                merged[name] = source[name]
    return merged


class PersonMerger:
    """Folds the exporter's record stream into one row per person."""

    def __init__(self, session: Session, form_id: str) -> None:
        self._session = session  # the exporter's own (SQLite allows one writer connection at a time)
        rows = session.execute(
            select(DedupPersonMemberRow.record_id, DedupPersonMemberRow.person_id)
            .join(RecordRow, RecordRow.record_id == DedupPersonMemberRow.record_id)
            .where(RecordRow.form_id == form_id, RecordRow.deleted.is_(False))
        ).all()
        members: dict[str, list[str]] = {}
        for record_id, person_id in rows:
            members.setdefault(person_id, []).append(record_id)
        self.members = {person: sorted(ids) for person, ids in members.items() if len(ids) > 1}
        self.person_of = {rid: person for person, ids in self.members.items() for rid in ids}

    @property
    def folded(self) -> int:
        """How many records disappear into another record's row (an upper bound for a narrowed export)."""
        return sum(len(ids) - 1 for ids in self.members.values())

    def form(self, form: Any) -> Any:
        """The form as the exporter sees it: the same questions plus the merged-records column."""
        if MERGED_COLUMN in form.by_name:
            return form
        extended = copy.copy(form)
        column = Question(
            name=MERGED_COLUMN,
            path=f"/{form.root_tag}/{MERGED_COLUMN}",
            kind="question",
            type="text",
            bind_type="string",
            labels={language: _LABEL for language in (form.languages or ["default"])},
        )
        extended.questions = [*form.questions, column]
        extended.by_name = {**form.by_name, MERGED_COLUMN: column}
        extended.by_path = {**form.by_path, column.path: column}
        return extended

    def rows(self, records: Iterable[ExportRecord]) -> Iterator[ExportRecord]:
        emitted: set[str] = set()
        for record in records:
            person = self.person_of.get(record.record_id)
            if person is None:
                yield record
                continue
            if person in emitted:
                continue
            emitted.add(person)
            members = self.members[person]
            answers = surviving_answers(self._session, members)
            answers[MERGED_COLUMN] = " ".join(members)
            yield dataclasses.replace(record, answers=answers, answers_json=None)
