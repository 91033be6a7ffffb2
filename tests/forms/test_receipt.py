"""The receipt's content (no Qt): the person's language, the reference and its QR code, the document
number masked, the form's privacy notice and the rights of access, correction and erasure."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import segno

from forms.engine import load_form, shipped_form_path
from forms.receipt import mask_document, qr_matrix, receipt_content, receipt_language
from forms.reference import normalise, reference_of

RECORD_ID = "5f0c9a3e-7b21-4c8e-9d4f-0a1b2c3d4e5f"
ANSWERS = {
    "given_name": "Conceição",
    "family_name": "N'Guessan",
    "birth_date": "1990-05-06",
    "nationalities": "PT CI",
    "id_document_type": "passport",
    "document_number": "B2001234",
    "residence_country": "FR",
    "residence_city": "Lyon",
    "preferred_language": "pt",
    "invest_interest": "yes",
    "notice_version": "2026-1",
}


@pytest.fixture(scope="module")
def form():
    return load_form(shipped_form_path())


def _content(form, language=None, **extra):
    version = SimpleNamespace(
        record_id=RECORD_ID, created_at="2026-06-13T10:00:00+00:00", answers={**ANSWERS, **extra}
    )
    batch = SimpleNamespace(name="Lyon consulate day", place="Lyon")
    return receipt_content(version, batch, form, language)


def test_receipt_in_the_persons_language(form) -> None:
    content = _content(form)
    assert content.language == "pt" and content.title == "Comprovativo de registo"
    summary = dict(content.summary)
    assert summary["Nacionalidade"] == "Portugal, Costa do Marfim"
    assert summary["Residência"] == "Lyon, França"
    assert ("Data", "2026-06-13") in content.facts and ("Local", "Lyon") in content.facts
    french = _content(form, "fr")
    assert french.title == "Récépissé d'enregistrement" and "Résidence" in dict(french.summary)


def test_document_number_is_never_printed_in_full(form) -> None:
    content = _content(form, "en")
    printed = " ".join(v for _l, v in content.summary + content.facts) + " ".join(content.privacy)
    assert "B2001234" not in printed and "ending in 234" in printed
    assert mask_document("AB") == "" and mask_document(" X1234567 ") == "567"


def test_reference_and_qr_code(form) -> None:
    content = _content(form, "en")
    assert content.reference == reference_of(RECORD_ID) == normalise(content.reference)
    expected = [
        [bool(m) for m in row]
        for row in segno.make(content.reference, error="m", micro=False).matrix_iter(border=4)
    ]
    assert content.qr == expected == qr_matrix(content.reference)


def test_privacy_notice_and_rights(form) -> None:
    content = _content(form, "en")
    text = " ".join(content.privacy)
    assert "kept by the consulate" in text and "Notice 2026-1." in text  # the form's own notice
    assert "{{" not in text
    for right in ("access", "correct", "erased"):
        assert right in text
    assert "encrypted" in text


def test_language_falls_back_to_english() -> None:
    assert receipt_language({}, None) == "en"
    assert receipt_language({"preferred_language": "fr"}, None) == "fr"
    assert receipt_language({"preferred_language": "fr"}, "PT") == "pt"
    assert receipt_language({"preferred_language": "sw"}, None) == "en"
