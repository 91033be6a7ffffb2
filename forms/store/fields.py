"""The personal fields copied out of the answers into indexed columns, and their normal forms.

The field names are the registration form's (issue 3): ``given_name``, ``family_name``, ``birth_date``,
``document_number``, ``phone``. Names are compared casefolded with accents stripped (Conceição ->
conceicao); document numbers upper-case letters and digits only; phones digits only.

A programme's own form (issue 13) names the questions that identify a person in it
(forms.library.identifying_fields: "worker_name licence_no"). Those go into the same four columns,
each to a slot (``search_slots``), so the records list searches them through the same indexes
(accents and punctuation ignored, anywhere in the value, phone digits) and sorts them by the same
index walks: a phone-like question to the phone slot, a family or given name to its own, the others in
turn to the family-name, given-name and document slots.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# Defined in forms.names (one owner; the desk's pickers use it without importing the store).
from forms.names import normalize_name as normalize_name
from forms.names import squash as squash

GIVEN_NAME, FAMILY_NAME, BIRTH_DATE, DOCUMENT_NUMBER, PHONE = (
    "given_name",
    "family_name",
    "birth_date",
    "document_number",
    "phone",
)


def normalize_document(text: str) -> str:
    return "".join(char for char in unicodedata.normalize("NFKC", text).upper() if char.isalnum())


def normalize_phone(text: str) -> str:
    return "".join(char for char in text if char.isdigit())


FAMILY_SLOT, GIVEN_SLOT, DOCUMENT_SLOT, PHONE_SLOT = FAMILY_NAME, GIVEN_NAME, DOCUMENT_NUMBER, PHONE
# Well-known names that say their slot; the shipped form's own names among them.
_NAMED_SLOTS = {
    **dict.fromkeys(("family_name", "last_name", "surname"), FAMILY_SLOT),
    **dict.fromkeys(("given_name", "first_name"), GIVEN_SLOT),
    **dict.fromkeys(("document_number", "id_number", "passport_number"), DOCUMENT_SLOT),
    **dict.fromkeys(("phone", "phone_number"), PHONE_SLOT),
}
_PHONE_WORDS = frozenset(("phone", "telephone", "tel", "mobile", "cell", "msisdn", "whatsapp"))
_DOCUMENT_WORDS = frozenset(("no", "number", "num", "nr", "id", "code", "licence", "license", "passport",
                             "document", "card", "nin", "registration"))  # fmt: skip
_FREE_ORDER = (FAMILY_SLOT, GIVEN_SLOT, DOCUMENT_SLOT)  # where the other identifying questions go


def _words(name: str) -> list[str]:
    return name.lower().replace("-", "_").split("_")


def _liked_slot(name: str) -> str | None:
    """The slot a question's name suggests: a phone, a name, a number of some document."""
    words = _words(name)
    if "phone" in name.lower() or any(word in _PHONE_WORDS for word in words):
        return PHONE_SLOT
    if "name" in words or "nom" in words or "nome" in words:
        return FAMILY_SLOT
    if any(word in _DOCUMENT_WORDS for word in words):
        return DOCUMENT_SLOT
    return None


def name_like(name: str) -> bool:
    """A question whose name says it holds a person's name (given_name, full_name, nom_complet...)."""
    return _NAMED_SLOTS.get(name) in (FAMILY_SLOT, GIVEN_SLOT) or _liked_slot(name) == FAMILY_SLOT


def search_slots(identifying: Sequence[str]) -> dict[str, str]:
    """The indexed column (slot) each identifying question goes to: {question name: slot}. A question
    left without a free slot is not indexed (at most four are: forms.library.MAX_IDENTIFYING).

    First the well-known names (the shipped form's among them), then the names that suggest a phone, a
    name or a document number, then the rest in turn to the family-name, given-name, document slots.
    """
    slots: dict[str, str] = {}
    taken: set[str] = set()

    def give(name: str, slot: str | None) -> None:
        if slot == FAMILY_SLOT and slot in taken:
            slot = GIVEN_SLOT  # a second name
        if slot is not None and slot not in taken and name not in slots:
            slots[name] = slot
            taken.add(slot)

    for name in identifying:
        give(name, _NAMED_SLOTS.get(name))
    for name in identifying:
        give(name, _liked_slot(name))
    for name in identifying:
        give(name, next((slot for slot in _FREE_ORDER if slot not in taken), None))
    return slots


@dataclass(frozen=True)
class IndexedFields:
    given_name: str | None
    family_name: str | None
    given_name_norm: str | None
    family_name_norm: str | None
    birth_date: str | None
    document_number: str | None
    phone: str | None


def _text(answers: Mapping[str, Any], name: str) -> str | None:
    value = answers.get(name)
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def indexed_fields(answers: Mapping[str, Any], identifying: Sequence[str] | None = None) -> IndexedFields:
    """The indexed columns of a record: the shipped form's names, or, given the identifying questions
    of another form, their answers in the slots ``search_slots`` gives them."""
    if identifying is None:
        given, family = _text(answers, GIVEN_NAME), _text(answers, FAMILY_NAME)
        document, phone = _text(answers, DOCUMENT_NUMBER), _text(answers, PHONE)
    else:
        by_slot = {slot: _text(answers, name) for name, slot in search_slots(identifying).items()}
        given, family = by_slot.get(GIVEN_SLOT), by_slot.get(FAMILY_SLOT)
        document, phone = by_slot.get(DOCUMENT_SLOT), by_slot.get(PHONE_SLOT)
    return IndexedFields(
        given_name=given,
        family_name=family,
        given_name_norm=normalize_name(given) if given else None,
        family_name_norm=normalize_name(family) if family else None,
        birth_date=_text(answers, BIRTH_DATE),
        document_number=normalize_document(document) or None if document else None,
        phone=normalize_phone(phone) or None if phone else None,
    )
