"""The sync conflicts queue, read on the store lane (no Qt): versions the server kept as a conflict or
rejected, and for one of them the version this laptop sent beside the version it replaced, field by field.

The server's own head version is not on this laptop, so the comparison shows what this laptop changed;
the supervisor corrects by opening the record (a new version) or marks the issue dealt with.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from forms.store import records
from sync.client.state import open_issues, resolve_issue

from .data import form_fields, form_of, person_name

if TYPE_CHECKING:
    from forms.store import Store


@dataclass(frozen=True)
class IssueLine:
    id: int
    record_id: str
    version_id: str
    status: str  # conflict | rejected
    reason: str
    fields: str  # the field names the server named, comma separated
    who: str
    at: str


@dataclass(frozen=True)
class ComparedField:
    label: str
    sent: str
    before: str
    name: str = ""  # a top-level answer's field name: the supervisor may take the replaced value instead
    depth: int = 0

    @property
    def differs(self) -> bool:
        return self.sent != self.before

    @property
    def choosable(self) -> bool:
        return bool(self.name) and self.depth == 0 and self.differs


def issues(store: Store) -> list[IssueLine]:
    lines = []
    for row in open_issues(store):
        named = sorted({str(p.get("field")) for p in json.loads(row.problems or "[]") if p.get("field")})
        try:
            who = person_name(records.get_version(store, row.version_id, log_view=False).answers)
        except Exception:
            who = ""
        lines.append(
            IssueLine(
                row.id,
                row.record_id,
                row.version_id,
                row.status,
                row.reason or "",
                ", ".join(named),
                who,
                row.at,
            )
        )
    return lines


def compare(store: Store, version_id: str, language: str | None) -> list[ComparedField]:
    """The sent version and the version it replaced (empty for a new record), in the form's order."""
    sent = records.get_version(store, version_id)
    before = records.get_version(store, sent.deprecated_id) if sent.deprecated_id else None
    form = form_of(store, sent)
    chosen = form.resolve_language(language)
    left = form_fields(form.questions, sent.answers, chosen, form.default_language, 0)
    right = form_fields(form.questions, before.answers if before else {}, chosen, form.default_language, 0)
    right_values = {(line.depth, line.label): line.value for line in right}
    seen = {(line.depth, line.label) for line in left}
    compared = [
        ComparedField(
            ("    " * line.depth) + line.label,
            line.value,
            right_values.get((line.depth, line.label), ""),
            line.name,
            line.depth,
        )
        for line in left
    ]
    compared += [
        ComparedField(("    " * line.depth) + line.label, "", line.value, line.name, line.depth)
        for line in right
        if (line.depth, line.label) not in seen
    ]
    return compared


def keep_choice(
    store: Store, issue_id: int, version_id: str, use_replaced: list[str]
) -> records.RecordVersion:
    """The supervisor's choice as a new version: the sent answers, except the named top-level fields,
    which take the value of the version it replaced (absent there: left unanswered). Closes the issue."""
    store.require_supervisor("settle a sync conflict")
    sent = records.get_version(store, version_id, log_view=False)
    before = records.get_version(store, sent.deprecated_id, log_view=False) if sent.deprecated_id else None
    merged = dict(sent.answers)
    for name in use_replaced:
        if before is not None and name in before.answers:
            merged[name] = before.answers[name]
        else:
            merged.pop(name, None)
    from forms.library import form_for, search_fields

    identifying = search_fields(store, form_for(store, sent.form_id, sent.form_version))
    saved = records.save_record(
        store, sent.batch_id, sent.form_id, sent.form_version, merged, draft=False, record_id=sent.record_id,
        identifying=identifying,
    )  # fmt: skip
    mark_dealt_with(store, issue_id)
    store.audit(
        "sync_issue_settled",
        record_id=sent.record_id,
        issue_id=issue_id,
        version_id=saved.version_id,
        fields_replaced=len(use_replaced),
    )
    return saved


def mark_dealt_with(store: Store, issue_id: int) -> None:
    resolve_issue(store, issue_id)  # refuses a clerk (require_supervisor)
    store.audit("sync_issue_resolved", issue_id=issue_id)
