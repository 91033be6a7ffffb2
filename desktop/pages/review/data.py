"""What the review page shows, read on the store lane (no Qt here): batches with their counts, the
records of a batch, one record as labelled read-only fields, and the flags sent back to a clerk.

A record is laid out with the form version it was made with (a programme's own form included): its
labels as plain text (the XLSForm markdown and HTML a label may carry are not shown as tags), its
repeats instance by instance, an attached file said as such (the answer holds the store's name for it,
meaningless to a reader). The records of a batch name the person by the form's identifying answers."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, cast

from forms.engine import load_form, shipped_form_path
from forms.engine.definition import FormDefinition
from forms.engine.model import ATTACHMENT_TYPES, Question, pick
from forms.store import records, review
from forms.store.batches import BatchInfo, list_batches
from forms.store.records import latest_of_batch

if TYPE_CHECKING:
    from collections.abc import Mapping

    from forms.store import Store
    from forms.store.records import RecordVersion


@dataclass(frozen=True)
class BatchLine:
    batch: BatchInfo
    flagged: int
    duplicates: int  # records that look like another record (same document, or same birth date and names)
    synced: int


@dataclass(frozen=True)
class RecordLine:
    record_id: str
    who: str  # family and given name, shown to the supervisor only (the page is cleared on lock)
    operator: str
    status: str
    updated_at: str
    flag_comment: str | None  # the open send-back comment, if any


@dataclass(frozen=True)
class FieldLine:
    label: str
    value: str
    depth: int = 0  # 1 inside a repeat instance
    name: str = ""  # the field's name for an answer, "" for a group or repeat heading
    section: str = ""  # the label of the top-level section the line belongs to ("" outside sections)


@lru_cache(maxsize=1)
def shipped_form() -> FormDefinition:
    return load_form(shipped_form_path())


def form_of(store: Store, version: RecordVersion) -> FormDefinition:
    """The form version a record was made with (forms.library), else the shipped form."""
    from forms.errors import DeskError
    from forms.library import form_for

    try:
        return form_for(store, version.form_id, version.form_version)
    except DeskError:  # a form this desk does not hold: lay it out with the shipped one
        return shipped_form()


def overview(store: Store) -> list[BatchLine]:
    flagged, synced = review.flagged_counts(store), review.synced_counts(store)
    duplicates = review.duplicate_counts(store)
    return [
        BatchLine(b, flagged.get(b.id, 0), duplicates.get(b.id, 0), synced.get(b.id, 0))
        for b in list_batches(store)
    ]


def person_name(answers: Mapping[str, object], identifying: list[str] | None = None) -> str:
    """Who a record is about: the family and given names; for another form, its identifying answers
    (its name-like ones, else the first given), else a well-known or name-like field."""
    if identifying:
        from forms.store.fields import FAMILY_SLOT, name_like, search_slots

        slots = search_slots(identifying)
        ordered = sorted((f for f in identifying if name_like(f)), key=lambda f: slots.get(f) != FAMILY_SLOT)
        together = " ".join(str(answers[f]).strip() for f in ordered if answers.get(f) not in (None, ""))
        first = next((str(answers[f]) for f in identifying if answers.get(f) not in (None, "")), "")
        if together or first:
            return together or first
    name = " ".join(str(answers.get(key, "")) for key in ("family_name", "given_name")).strip()
    if name:
        return name
    from forms.library import WELL_KNOWN_IDENTIFYING  # another form: its own name field, if any

    known = [key for key in WELL_KNOWN_IDENTIFYING if answers.get(key)]
    named = [key for key, value in answers.items() if "name" in key and isinstance(value, str) and value]
    return str(answers[(known or named)[0]]) if known or named else ""


def batch_identifying(store: Store, batch_id: str) -> list[str] | None:
    """The identifying fields of the batch's form (None for the shipped form, or a form not held)."""
    from forms.errors import DeskError
    from forms.library import batch_form, search_fields

    try:
        return search_fields(store, batch_form(store, batch_id))
    except DeskError:
        return None


def batch_records(store: Store, batch_id: str) -> list[RecordLine]:
    identifying = batch_identifying(store, batch_id)
    open_flags = {
        flag.record_id: flag.comment for flag in review.flags_of_batch(store, batch_id) if flag.is_open
    }
    rows = latest_of_batch(store, batch_id)
    return [
        RecordLine(
            r.record_id,
            person_name(json.loads(r.answers), identifying),
            r.operator,
            r.status,
            r.updated_at,
            open_flags.get(r.record_id),
        )
        for r in rows
    ]


# What an attached file's answer says, by question type (the page gives them in the reader's language).
ATTACHED_WORDS = {"image": "Attached photo", "audio": "Attached recording", "video": "Attached video",
                  "file": "Attached file"}  # fmt: skip


def _shown(
    question: Question, value: object, language: str, default: str, attached: dict[str, str] | None = None
) -> str:
    if question.type in ATTACHMENT_TYPES and isinstance(value, str) and value:
        words = (attached or ATTACHED_WORDS).get(question.type) or ATTACHED_WORDS["file"]
        extension = value.rsplit(".", 1)[-1].upper() if "." in value else ""
        return f"{words} ({extension})" if extension else words
    if question.choices and isinstance(value, str):
        labels = {c.name: pick(c.labels, language, default) or c.name for c in question.choices}
        names = value.split() if question.type.startswith("select_multiple") else [value]
        return ", ".join(labels.get(name, name) for name in names)
    return str(value)


def form_fields(
    questions: list[Question],
    answers: Mapping[str, object],
    language: str,
    default: str,
    depth: int,
    unlabelled: dict[str, str] | None = None,
    section: str = "",
    attached: dict[str, str] | None = None,
) -> list[FieldLine]:
    """The answered questions in the form's order, with group and repeat headings (``name`` "").

    A question without a label in the form (hidden and calculated fields, metadata) is shown only when
    ``unlabelled`` names it (the page's own translated label); its internal name is never shown. Labels
    are plain text (markdown and HTML left out); ``attached`` words an attached file by type.
    """
    from desktop.pages.registration.markup import to_plain_text

    lines: list[FieldLine] = []
    for question in questions:
        label = to_plain_text(question.label(language, default)) or (unlabelled or {}).get(question.name, "")
        if question.kind == "group":
            inner_section = section or label
            inner = form_fields(
                question.children, answers, language, default, depth, unlabelled, inner_section, attached
            )
            if inner and label:
                lines.append(FieldLine(label, "", depth, "", inner_section))
                lines.extend(inner)
            elif inner:
                lines.extend(inner)
        elif question.kind == "repeat":
            instances = cast("list[Mapping[str, object]]", answers.get(question.name) or [])  # one per repeat
            for number, instance in enumerate(instances, start=1):
                lines.append(FieldLine(f"{label or question.name} {number}", "", depth, "", section))
                lines.extend(
                    form_fields(
                        question.children,
                        instance,
                        language,
                        default,
                        depth + 1,
                        unlabelled,
                        section,
                        attached,
                    )
                )
        elif label and question.answerable and question.name in answers and question.type != "note":
            shown = _shown(question, answers[question.name], language, default, attached)
            lines.append(FieldLine(label, shown, depth, question.name, section))
    return lines


def record_fields(
    store: Store,
    record_id: str,
    language: str | None,
    unlabelled: dict[str, str] | None = None,
    attached: dict[str, str] | None = None,
) -> list[FieldLine]:
    """The latest version as its own form version lays it out, labels in ``language`` (logged as a
    view)."""
    version = records.latest_version(store, record_id)
    form = form_of(store, version)
    chosen = form.resolve_language(language)
    return form_fields(
        form.questions, version.answers, chosen, form.default_language, 0, unlabelled, attached=attached
    )


def my_corrections(store: Store) -> list[tuple[review.ReviewFlag, str]]:
    """The current operator's records sent back and not corrected yet, with who they are about."""
    flags = review.needing_correction(store)
    found: list[tuple[review.ReviewFlag, str]] = []
    for flag in flags:
        version = records.latest_version(store, flag.record_id, log_view=False)
        found.append((flag, person_name(version.answers)))
    return found
