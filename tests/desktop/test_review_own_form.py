"""Issue 13: the review page lays out a record of a programme's own form (written here with openpyxl)
with that form's labels: plain text where the form writes markdown or HTML, its group as a section, its
repeat instance by instance with a choice's label, an attached photo and file said as attachments (not
the store's hashed file name); the batch's record list names the person by the form's identifying
answer. In English and in French."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from forms.library import add_form_file, open_batch_with_form
from forms.store import Store
from forms.store.attachments import put_attachment
from forms.store.records import save_record
from tests.data.project_forms import write_xlsx
from tests.desktop.conftest import PASSPHRASE, SUPERVISOR
from tests.desktop.review_helpers import ReviewDesk

FORM_ID = "returnee_household"
HOUSEHOLD = {
    "survey": [
        ["type", "name", "label", "label::Français (fr)", "required", "appearance"],
        ["begin group", "identity", "# Identity", "# Identité", "", "field-list"],
        ["text", "head_name", "Head of household's **full** name", "Nom *complet* du chef de ménage", "yes",
         ""],
        ["image", "id_photo", "Photo of the _identity card_", "Photo de la <b>carte d'identité</b>", "", ""],
        ["end group", "", "", "", "", ""],
        ["begin repeat", "member", "Household __member__", "<i>Membre</i> du ménage", "", ""],
        ["text", "member_name", "Member's name", "Nom du membre", "yes", ""],
        ["select_one relation", "relation", "Relation to the head", "Lien avec le chef", "yes", ""],
        ["file", "member_doc", "Member's *document*", "Document du membre", "", ""],
        ["end repeat", "", "", "", "", ""],
        ["text", "remarks", "Remarks", "Remarques", "", "multiline"],
    ],
    "choices": [
        ["list_name", "name", "label", "label::Français (fr)"],
        ["relation", "spouse", "Spouse", "Conjoint"],
        ["relation", "child", "Child", "Enfant"],
    ],
    "settings": [
        ["form_id", "version", "form_title", "default_language"],
        [FORM_ID, "2", "Returnee household", "English (en)"],
    ],
}  # fmt: skip
JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 64
PDF = b"%PDF-1.4\n" + b"%" * 64


@pytest.fixture
def seeded(data_dir: Path, tmp_path: Path) -> dict[str, Any]:
    store, _recovery = Store.create(data_dir, SUPERVISOR, PASSPHRASE)
    try:
        add_form_file(store, write_xlsx(tmp_path / "household.xlsx", HOUSEHOLD))
        batch, _form = open_batch_with_form(store, "Returnee day", "Monrovia", "2026-06-13", FORM_ID)
        photo = put_attachment(store, "image", "id card.jpg", JPEG)
        document = put_attachment(store, "file", "birth certificate.pdf", PDF)
        answers = {"head_name": "Musu Kollie", "id_photo": photo, "remarks": "Arrived by bus",
                   "member": [{"member_name": "Kofi Kollie", "relation": "child", "member_doc": document},
                              {"member_name": "Ama Kollie", "relation": "spouse"}]}  # fmt: skip
        record = save_record(store, batch.id, FORM_ID, "2", answers, draft=False)
    finally:
        store.close()
    return {"batch": batch.id, "record": record.record_id, "photo": photo, "document": document}


@pytest.fixture
def desk(qtbot, qapp, data_dir, seeded):
    opened = ReviewDesk(qtbot, qapp, data_dir)
    opened.window.resize(1100, 760)
    yield opened
    opened.shutdown()


def _open(qtbot, page, seeded) -> str:
    with qtbot.waitSignal(page.records_loaded, timeout=10_000):
        page.select_batch(seeded["batch"])
    with qtbot.waitSignal(page.record_shown, timeout=10_000):
        page.select_record(seeded["record"])
    return page.detail.toPlainText()


def test_a_record_of_an_own_form_is_laid_out_with_its_labels(qtbot, desk, seeded) -> None:
    desk.unlock_as(SUPERVISOR, PASSPHRASE)
    page = desk.page
    text = _open(qtbot, page, seeded)
    assert page.records.item(0, 0).text() == "Musu Kollie"  # the form's identifying answer names it
    assert page.detail_title.text() == "Musu Kollie"
    for shown in ("Identity", "Head of household's full name", "Musu Kollie", "Photo of the identity card",
                  "Attached photo (JPG)", "Household member 1", "Household member 2", "Member's name",
                  "Kofi Kollie", "Relation to the head", "Child", "Spouse", "Member's document",
                  "Attached file (PDF)", "Remarks", "Arrived by bus"):  # fmt: skip
        assert shown in text, shown
    for hidden in ("**", "__", "# ", "<b>", "head_name", "member_name", seeded["photo"], seeded["document"]):
        assert hidden not in text, hidden
    # in the form's order: the group's answers, then each member under its own heading
    assert text.index("Identity") < text.index("Musu Kollie") < text.index("Household member 1")
    assert text.index("Household member 1") < text.index("Kofi Kollie") < text.index("Household member 2")
    assert text.index("Household member 2") < text.index("Ama Kollie") < text.index("Arrived by bus")
    page.grab().save("/tmp/review-own-form-en.png")

    with qtbot.waitSignal(page.record_shown, timeout=10_000):  # the record is read again in French
        desk.languages.switch_to("fr")
    text = page.detail.toPlainText()
    french = ("Identité", "Nom complet du chef de ménage", "Photo de la carte d'identité",
              "Membre du ménage 1", "Lien avec le chef", "Enfant", "Conjoint",
              "Photo jointe (JPG)")  # fmt: skip
    for shown in french:
        assert shown in text, shown
    assert "<b>" not in text and "<i>" not in text
    page.grab().save("/tmp/review-own-form-fr.png")
