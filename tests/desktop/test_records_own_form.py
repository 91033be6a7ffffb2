"""Issue 13: the records list of a batch filled with a programme's own form shows that form's identifying
columns, and searches and sorts them in SQL as it does the shipped form's names: accents and punctuation
ignored, anywhere in the value, phone digits; a click on a column header sorts by it. The form (written
here with openpyxl) names its identifying questions in its settings; none is called given_name,
family_name, document_number or phone. Records are imported (forms.importing.save_all, the Import
dialog's path) and one is saved from the Register page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from forms.importing import NewBatch, save_all
from forms.library import add_form_file, current_form, open_batch_with_form
from forms.store import Store
from forms.store.records import save_record
from tests.data.project_forms import write_xlsx
from tests.desktop.conftest import PASSPHRASE, SUPERVISOR
from tests.desktop.harness import open_desk, run_on_lane, type_text

FORM_ID = "returnee_card"
RETURNEE = {
    "survey": [
        ["type", "name", "label", "label::Français (fr)", "required"],
        ["text", "full_name", "Returnee's *full* name", "Nom complet", "yes"],
        ["text", "passport_no", "Passport number", "Numéro de passeport", ""],
        ["text", "mobile_phone", "Mobile phone", "Téléphone portable", ""],
        ["integer", "age", "Age", "Âge", ""],
        ["begin repeat", "dependant", "Dependant", "Personne à charge", ""],
        ["text", "dependant_name", "Dependant's name", "Nom", "yes"],
        ["end repeat", "", "", "", ""],
    ],
    "settings": [
        ["form_id", "version", "form_title", "default_language", "identifying_fields"],
        [FORM_ID, "3", "Returnee card", "English (en)", "full_name passport_no mobile_phone"],
    ],
}  # fmt: skip
PEOPLE = [
    {"full_name": "Yaw N'Guessan-Boateng", "passport_no": "G-0457 112", "mobile_phone": "+233 24 555 0199"},
    {"full_name": "Adwoa Mensah", "passport_no": "A-9001 300", "mobile_phone": "+233 20 111 2222"},
    {"full_name": "Élise Zinsou", "passport_no": "B-1200 001", "mobile_phone": "+229 97 000 1111"},
]


def _desk(qtbot, qapp, data_dir: Path, tmp_path: Path) -> Any:
    store, _recovery = Store.create(data_dir, SUPERVISOR, PASSPHRASE)
    add_form_file(store, write_xlsx(tmp_path / "returnee.xlsx", RETURNEE))
    shipped, _form = open_batch_with_form(store, "Consulate day", "Accra", "2026-06-12", None)
    # a record of the shipped form whose family name would match the search below
    save_record(store, shipped.id, "diaspora_registration", "1",
                {"given_name": "Kwame", "family_name": "Mensah"}, draft=False)  # fmt: skip
    form = current_form(store, FORM_ID)
    save_all(store, form, NewBatch("Returnee day", "Accra", "2026-06-13"), [dict(p) for p in PEOPLE])
    return open_desk(qtbot, qapp, data_dir, batch=False, store=store, settle_focus=False)


def test_the_records_list_shows_searches_and_sorts_the_forms_own_columns(
    qtbot, qapp, data_dir: Path, tmp_path: Path
) -> None:
    desk = _desk(qtbot, qapp, data_dir, tmp_path)
    try:
        from forms.store.batches import list_batches
        from forms.store.current_batch import choose_current_batch

        def returnee_batch(store: Any) -> Any:  # the clerk switches to the returnee batch
            chosen = next(b for b in list_batches(store) if b.name == "Returnee day")
            choose_current_batch(store, chosen.id)
            return chosen

        desk.registration.set_batch(run_on_lane(qtbot, desk, returnee_batch))
        page = desk.registration
        qtbot.waitUntil(
            lambda: page.definition is not None and page.definition.form_id == FORM_ID, timeout=10_000
        )

        # one more, typed on the Register page and saved as a clerk does
        session = page.renderer.session
        assert session.set("full_name", "Kofi Ansah-Owusu") is None
        assert session.set("passport_no", "H-7777 888") is None
        page.renderer.refresh()
        page.dirty = True
        with qtbot.waitSignal(page.record_saved, timeout=10_000):
            page.save(draft=False)

        records = desk.records
        desk.window.show_page("records")
        records.search.setFocus()
        qtbot.waitUntil(records.search.hasFocus, timeout=5000)
        model = records.model
        qtbot.waitUntil(
            lambda: model.form_fields == ["full_name", "passport_no", "mobile_phone"], timeout=10_000
        )
        qtbot.waitUntil(lambda: model.total() == 4 and model.record_at(3) is not None, timeout=10_000)
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
        assert headers == ["Returnee's full name", "Passport number", "Mobile phone"]
        assert "Passport number" in records.search.placeholderText()
        assert records.count_label.text() == "4 records of the form Returnee card found"  # this form's only

        def shown() -> list[str]:
            return [model.index(row, 0).data() for row in range(model.rowCount())]

        def search_for(text: str, expected: list[str]) -> None:
            records.search.clear()
            type_text(records.search, text)
            qtbot.waitUntil(
                lambda: model.total() == len(expected) and sorted(map(str, shown())) == sorted(expected),
                timeout=5000,
            )

        search_for("nguessan", ["Yaw N'Guessan-Boateng"])  # apostrophe and hyphen ignored, inside
        search_for("boateng", ["Yaw N'Guessan-Boateng"])
        search_for("elise", ["Élise Zinsou"])  # accents ignored
        search_for("mensah", ["Adwoa Mensah"])  # the shipped form's Kwame Mensah is not this form's
        search_for("a9001", ["Adwoa Mensah"])  # the passport number without its dash and spaces
        search_for("7777 88", ["Kofi Ansah-Owusu"])  # the record saved from the Register page
        search_for("22997", ["Élise Zinsou"])  # phone digits, typed without the +
        search_for("ansah", ["Kofi Ansah-Owusu"])

        records.search.clear()
        records.run_search()
        qtbot.waitUntil(lambda: model.total() == 4, timeout=5000)
        records.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by full name, in SQL
        qtbot.waitUntil(lambda: model.query.order_by == "family_name", timeout=5000)
        qtbot.waitUntil(
            lambda: shown() == ["Adwoa Mensah", "Élise Zinsou", "Kofi Ansah-Owusu", "Yaw N'Guessan-Boateng"],
            timeout=5000,
        )
        desk.context.languages.switch_to("fr")  # the form's own headers follow the interface language
        qtbot.waitUntil(
            lambda: model.headerData(1, Qt.Orientation.Horizontal) == "Numéro de passeport", timeout=5000
        )
        assert records.count_label.text() == "4 fiches du formulaire Returnee card trouvées"
        desk.context.languages.switch_to("en")
        records.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # by passport number
        qtbot.waitUntil(lambda: model.query.order_by == "document_number", timeout=5000)
        qtbot.waitUntil(
            lambda: (
                [model.index(r, 1).data() for r in range(4)]
                == ["A-9001 300", "B-1200 001", "G-0457 112", "H-7777 888"]
            ),
            timeout=5000,
        )
    finally:
        desk.shutdown()
