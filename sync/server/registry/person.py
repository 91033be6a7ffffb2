"""One person's page: the head version's answers in the form's layout, and the record's history."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from forms.engine.model import Question
from sync.server.auth import as_utc
from sync.server.hub_models import DeviceLaptopRow, RecordOriginRow
from sync.server.models import DeviceRow, RecordRow, RecordVersionRow
from sync.server.registry.labels import FormLabels

SHOWN_TYPES = {
    "text",
    "integer",
    "decimal",
    "date",
    "datetime",
    "time",
    "select_one",
    "select_multiple",
    "range",
}


@dataclass(frozen=True)
class Answer:
    label: str
    value: str


@dataclass
class Section:
    title: str
    answers: list[Answer] = field(default_factory=list)


@dataclass(frozen=True)
class Version:
    version_id: str
    received_at: str
    created_at: str
    device: str
    operator: str
    batch_id: str
    place: str
    deleted: bool
    current: bool
    hub: str = ""  # the event hub that relayed it (its label); the device is then the clerk's laptop


@dataclass
class PersonPage:
    record_id: str
    form_id: str
    form_version: str
    display_name: str
    sections: list[Section]
    versions: list[Version]


def _value(question: Question, raw: Any, labels: FormLabels) -> str:
    if isinstance(raw, dict | list):
        return json.dumps(raw, ensure_ascii=False)
    text = str(raw)
    if question.type == "select_one" and question.choices:
        return labels.choices(question.name).get(text, text)
    if question.type == "select_multiple" and question.choices:
        names = labels.choices(question.name)
        return ", ".join(names.get(part, part) for part in text.split())
    return text


def layout(answers: dict[str, Any], labels: FormLabels) -> list[Section]:
    sections: list[Section] = []
    loose = Section("")

    def visit(nodes: list[Question], section: Section) -> None:
        for node in nodes:
            if node.kind in ("group", "repeat"):
                inner = Section(labels.text(node.labels, "")) if node.labels else section
                visit(node.children, inner)
                if inner is not section and inner.answers:
                    sections.append(inner)
            elif node.type in SHOWN_TYPES and node.name in answers and answers[node.name] not in (None, ""):
                section.answers.append(
                    Answer(labels.text(node.labels, node.name), _value(node, answers[node.name], labels))
                )

    visit(labels.questions, loose)
    return ([loose] if loose.answers else []) + sections


def load(session: Session, record_id: str) -> tuple[RecordRow, list[RecordVersionRow]] | None:
    record = session.get(RecordRow, record_id)
    if record is None or record.deleted:
        return None
    versions = list(
        session.scalars(
            select(RecordVersionRow)
            .where(RecordVersionRow.record_id == record_id)
            .order_by(RecordVersionRow.received_at)
        )
    )
    return record, versions


def page(
    session: Session, record: RecordRow, versions: list[RecordVersionRow], labels: FormLabels | None
) -> PersonPage:
    devices = dict(session.execute(select(DeviceRow.device_id, DeviceRow.label)).all())
    laptop_of = dict(session.execute(select(DeviceLaptopRow.device_id, DeviceLaptopRow.laptop_id)).all())
    device_of = {laptop: device for device, laptop in laptop_of.items()}
    origins = dict(
        session.execute(
            select(RecordOriginRow.version_id, RecordOriginRow.origin_device).where(
                RecordOriginRow.version_id.in_([v.version_id for v in versions])
            )
        ).all()
    )
    head = next(
        (v for v in versions if v.version_id == record.head_version_id), versions[-1] if versions else None
    )
    answers: dict[str, Any] = json.loads(head.answers_json) if head is not None else {}
    history = []
    for version in reversed(versions):
        # A version an event hub relayed names the laptop that made it, and the hub it came through.
        origin = origins.get(version.version_id)
        relayed = origin is not None and origin != laptop_of.get(version.device_id, version.device_id)
        maker = device_of.get(origin, origin) if relayed and origin is not None else version.device_id
        try:
            data = json.loads(version.answers_json)
        except ValueError:
            data = {}
        history.append(
            Version(
                version.version_id,
                as_utc(version.received_at).astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC"),
                version.created_at[:16].replace("T", " "),
                devices.get(maker, maker[:8]),
                str(data.get("operator", "")),
                version.batch_id,
                str(data.get("registration_place", "")),
                version.deleted,
                version.version_id == record.head_version_id,
                devices.get(version.device_id, version.device_id[:8]) if relayed else "",
            )
        )
    name = " ".join(str(answers.get(key, "")) for key in ("given_name", "family_name")).strip()
    return PersonPage(
        record.record_id,
        head.form_id if head else record.form_id,
        head.form_version if head else "",
        name or record.record_id[:8],
        layout(answers, labels) if labels is not None else [],
        history,
    )
