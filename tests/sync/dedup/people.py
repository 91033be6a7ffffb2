"""Registrations for the shipped form, and the same person as another desk typed them (with noise)."""

from __future__ import annotations

import uuid
from typing import Any

from forms.demo_data import demo_registrations
from forms.engine import load_form, shipped_form_path
from sync import protocol as p

SHIPPED = load_form(shipped_form_path())
DOCUMENT_FIELDS = (
    "document_number",
    "document_issuing_country",
    "document_issue_date",
    "document_expiry_date",
)


def people(count: int, seed: int) -> list[dict[str, Any]]:
    return demo_registrations(count, seed=seed)


def retyped(answers: dict[str, Any]) -> dict[str, Any]:
    """The same person at another desk: names swapped and unaccented, no document, a new phone."""
    noisy = dict(answers)
    plain = {"é": "e", "è": "e", "ç": "c", "ã": "a", "á": "a", "í": "i", "ú": "u", "ô": "o", "'": ""}
    given, family = answers["family_name"], answers["given_name"]
    for old, new in plain.items():
        given, family = given.replace(old, new), family.replace(old, new)
    noisy.update(given_name=given.upper(), family_name=family, id_document_type="none")
    for name in DOCUMENT_FIELDS:
        noisy.pop(name, None)
    noisy["phone"] = answers["phone"][:-3] + ("000" if not answers["phone"].endswith("000") else "111")
    return noisy


def wire(
    answers: dict[str, Any], sequence: int, *, record_id: str | None = None, replaces: str | None = None
) -> p.WireRecord:
    problems = SHIPPED.validate(answers)
    assert not problems, problems
    return p.WireRecord(
        record_id=record_id or str(uuid.uuid4()),
        version_id=str(uuid.uuid4()),
        sequence=sequence,
        form_id=str(SHIPPED.form_id),
        form_version=str(SHIPPED.version),
        answers=answers,
        replaces=replaces,
        created_at=p.now_iso(),
    )
