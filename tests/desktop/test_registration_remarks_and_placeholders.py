"""Issue #12 leftovers on the registration page: a multiline text question (Remarks) is a box of a few
lines where Enter starts a new line and Ctrl+Enter or Tab moves on; the inputs' placeholders follow an
interface-language switch; the typed-date readers have one owner (forms.dates)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from tests.desktop.harness import Desk, focused_field, open_desk, press, type_text

COLUMNS = ["type", "name", "label::English (en)", "label::French (fr)", "appearance"]
SURVEY = [
    ["text", "full_name", "Full name", "Nom complet", ""],
    ["text", "remarks", "Remarks", "Remarques", "multiline"],
    ["date", "visit", "Visit day", "Jour de visite", ""],
    ["select_one country", "country", "Country", "Pays", ""],
]
COUNTRIES = ["Ghana", "Guinea", "Liberia", "Nigeria", "Senegal", "Sierra Leone", "Togo", "Mali"]


def write_form(path: Path) -> Path:
    book = Workbook()
    survey = book.active
    survey.title = "survey"
    survey.append(COLUMNS)
    for line in SURVEY:
        survey.append(line)
    choices = book.create_sheet("choices")
    choices.append(["list_name", "name", "label::English (en)", "label::French (fr)"])
    for name in COUNTRIES:
        choices.append(["country", name[:2].upper() + name[-1], name, name])
    settings = book.create_sheet("settings")
    settings.append(["form_id", "version", "default_language"])
    settings.append(["remarks_test", "1", "English (en)"])
    book.save(path)
    return path


@pytest.fixture
def desk(qtbot, qapp, data_dir, tmp_path):
    opened = open_desk(qtbot, qapp, data_dir, form_path=write_form(tmp_path / "remarks_test.xlsx"))
    yield opened
    opened.shutdown()


def row(desk: Desk, name: str):
    return next(r for r in desk.registration.renderer.rows if r.question.name == name)


def test_remarks_is_a_box_of_lines_enter_breaks_ctrl_enter_and_tab_advance(qtbot, desk: Desk) -> None:
    box = row(desk, "remarks").input.focus_widgets()[0]
    assert isinstance(box, QPlainTextEdit)
    assert box.height() >= 3 * box.fontMetrics().lineSpacing()  # several lines seen at once
    press(qtbot, Qt.Key.Key_Return)  # from the name: Enter advances into the box
    assert focused_field() == "remarks"
    type_text(None, "first line")
    press(qtbot, Qt.Key.Key_Return)  # a new line, not the next question
    type_text(None, "second")
    assert focused_field() == "remarks"
    assert desk.registration.renderer.session.value("remarks") == "first line\nsecond"
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert focused_field() == "visit"
    assert desk.registration.renderer.session.value("remarks") == "first line\nsecond"  # no stray line
    box.setFocus()
    press(qtbot, Qt.Key.Key_Tab)  # Tab leaves the box too (no tab character typed)
    assert focused_field() == "visit"
    assert "\t" not in box.toPlainText()


def test_placeholders_follow_a_language_switch(qtbot, desk: Desk) -> None:
    visit = row(desk, "visit").input.line
    country = row(desk, "country").input.combo.lineEdit()
    assert visit.placeholderText() == "YYYY-MM-DD or DD/MM/YYYY"
    assert country.placeholderText() == "Type to search"
    page = desk.registration
    desk.context.languages.switch_to("fr")
    try:
        # The language-change event is delivered by the event loop: wait for the page's own button.
        qtbot.waitUntil(lambda: page.save_button.text() == "Enregistrer (Ctrl+S)", timeout=3000)
        assert visit.placeholderText() == "AAAA-MM-JJ ou JJ/MM/AAAA"
        assert country.placeholderText() == "Tapez pour rechercher"
    finally:
        desk.context.languages.switch_to("en")
    qtbot.waitUntil(lambda: page.save_button.text() == "Save (Ctrl+S)", timeout=3000)
    assert visit.placeholderText() == "YYYY-MM-DD or DD/MM/YYYY"


def test_the_page_reads_typed_dates_with_the_forms_owner() -> None:
    import desktop.dialogs.batch_dialog as batch_dialog
    import desktop.pages.registration.inputs as inputs
    import forms.dates

    assert inputs.parse_typed_date is forms.dates.parse_typed_date
    assert inputs.parse_typed_datetime is forms.dates.parse_typed_datetime
    assert inputs.explain_typed_date is forms.dates.explain_typed_date
    assert batch_dialog.parse_typed_date is forms.dates.parse_typed_date
