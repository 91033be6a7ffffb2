"""The desk's question before saving a new registration: is this person perhaps registered already?

Answered from the same keys and rules as ingestion, with whatever the clerk has typed so far (document
number, or names and birth date). The answer names only where and when the possible match was
registered, and a reference (``PM-<event id>``) a registrar can look up in the dedup event log; it
never carries the other person's data. Each check is logged with the asking device and the record ids.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.server.dedup.compare import score
from sync.server.dedup.decisions import DESK_CHECK, log_event
from sync.server.dedup.index import _chunks, _profiles
from sync.server.dedup.profile import blocking_keys, build_profile
from sync.server.dedup.rules import Rules
from sync.server.models import DedupKeyRow, DeviceRow, RecordRow, RecordVersionRow

MAX_MATCHES = 3
PLACE_FIELD = "registration_place"


@dataclass(frozen=True)
class DeskMatch:
    place: str
    date: str

    @property
    def message(self) -> str:
        return f"possible match registered at {self.place} on {self.date}"


@dataclass(frozen=True)
class DeskCheck:
    reference: str
    matches: tuple[DeskMatch, ...]


def check(session: Session, rules: Rules, answers: Mapping[str, Any], *, device_id: str) -> DeskCheck:
    profile = build_profile(rules, answers)
    keys = sorted(blocking_keys(rules.form_id, profile))
    shared: dict[str, int] = {}
    for chunk in _chunks(keys):
        for (record_id,) in session.execute(select(DedupKeyRow.record_id).where(DedupKeyRow.key.in_(chunk))):
            shared[record_id] = shared.get(record_id, 0) + 1
    ranked = sorted(shared, key=lambda rid: (-shared[rid], rid))[: rules.max_candidates]
    found = _profiles(session, rules, ranked)
    scored = sorted(((score(rules, profile, other).score, rid) for rid, other in found.items()), reverse=True)
    hits = [rid for points, rid in scored if points >= rules.threshold][:MAX_MATCHES]
    matches = tuple(_where(session, rid) for rid in hits)
    event = log_event(
        session,
        f"device {device_id}",
        DESK_CHECK,
        None,
        {"matches": len(hits), "record_ids": hits, "fields_sent": sorted(k for k in answers if answers[k])},
    )
    return DeskCheck(f"PM-{event}", matches)


def _where(session: Session, record_id: str) -> DeskMatch:
    row = session.execute(
        select(RecordRow.created_at, RecordVersionRow.answers_json, DeviceRow.label)
        .join(RecordVersionRow, RecordVersionRow.version_id == RecordRow.head_version_id)
        .join(DeviceRow, DeviceRow.device_id == RecordRow.first_device_id, isouter=True)
        .where(RecordRow.record_id == record_id)
    ).one()
    place = str(json.loads(row.answers_json).get(PLACE_FIELD) or row.label or "another desk")
    return DeskMatch(place=place[:200], date=row.created_at.date().isoformat())
