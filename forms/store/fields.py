"""The personal fields copied out of the answers into indexed columns, and their normal forms.

The field names are the registration form's (issue 3): ``given_name``, ``family_name``, ``birth_date``,
``document_number``, ``phone``. Names are compared casefolded with accents stripped (Conceição ->
conceicao); document numbers upper-case letters and digits only; phones digits only.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
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


def indexed_fields(answers: Mapping[str, Any]) -> IndexedFields:
    given, family = _text(answers, GIVEN_NAME), _text(answers, FAMILY_NAME)
    document, phone = _text(answers, DOCUMENT_NUMBER), _text(answers, PHONE)
    return IndexedFields(
        given_name=given,
        family_name=family,
        given_name_norm=normalize_name(given) if given else None,
        family_name_norm=normalize_name(family) if family else None,
        birth_date=_text(answers, BIRTH_DATE),
        document_number=normalize_document(document) or None if document else None,
        phone=normalize_phone(phone) or None if phone else None,
    )
