"""The registration page's new tools over the shipped form and a real store (issue 12):
Scan passport (Ctrl+M), the section navigator (Ctrl+G, Ctrl+PgDown) and the person's receipt (Ctrl+P)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.desktop.harness import focused_field, open_desk, press

ICAO_SPECIMEN = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
GERMAN_SPECIMEN = "P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<\nC01X00T478D<<6408125F2702283<<<<<<<<<<<<<<<4"


@pytest.fixture
def desk(qtbot, qapp, data_dir, compiled_translations):
    opened = open_desk(qtbot, qapp, data_dir)
    yield opened
    opened.shutdown()


def test_scan_passport_fills_only_when_every_check_digit_is_right(qtbot, desk) -> None:
    page = desk.registration
    session = page.renderer.session
    session.set("residence_city", "Lyon")  # typed before the scan: kept
    press(qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    dialog = page.form_tools.passport.dialog
    assert dialog is not None and dialog.isVisible()
    first, second = GERMAN_SPECIMEN.split("\n")
    altered = second[:13] + "5" + second[14:]  # one digit of the birth date
    dialog.lines.setPlainText(first + "\n" + altered)
    assert (
        "date of birth" in dialog.result_label.text()
        and "Nothing was filled in" in dialog.result_label.text()
    )
    assert not dialog.fill_button().isEnabled()
    dialog.fill_button().click()
    assert dialog.isVisible() and session.value("family_name") in (None, "")

    dialog.lines.setPlainText(GERMAN_SPECIMEN)  # as a reader types it
    assert dialog.fill_button().isEnabled() and "Erika" in dialog.result_label.text()
    dialog.fill_button().click()
    qtbot.waitUntil(lambda: page.form_tools.passport.dialog is None, timeout=5000)
    session = page.renderer.session
    assert session.value("family_name") == "Mustermann" and session.value("given_name") == "Erika"
    assert session.value("birth_date") == "1964-08-12" and session.value("sex") == "female"
    assert "DE" in str(session.value("nationalities")).split()
    assert session.value("document_number") == "C01X00T47"
    assert session.value("document_expiry_date") == "2027-02-28"
    assert session.value("document_issuing_country") == "DE"
    assert session.value("residence_city") == "Lyon"
    # the widgets show what the session holds
    row = next(r for r in page.renderer.rows if r.question.name == "family_name")
    assert row.input.value() == "Mustermann"
    assert page.dirty


def test_an_unknown_country_is_said_not_guessed(qtbot, desk) -> None:
    page = desk.registration
    dialog = page.form_tools.passport.open()
    dialog.lines.setPlainText(ICAO_SPECIMEN)
    assert "UTO" in dialog.result_label.text() and dialog.fill_button().isEnabled()
    dialog.reject()


def test_section_navigator_progress_problems_and_keyboard(qtbot, desk) -> None:
    page = desk.registration
    navigator = page.form_tools.navigator
    navigator.update_states()
    # the rest waits for consent; the remarks outside any section count too
    assert [state.title for state in navigator.states] == ["Registration", "Remarks"]
    page.renderer.session.set("legal_basis", "consent")
    page.renderer.session.set("consent", "yes")
    page.renderer.rebuild()
    navigator.update_states()
    titles = [state.title for state in navigator.states]
    assert titles[:3] == ["Registration", "Identity", "Residence"]
    assert navigator.progress.value() == 0 or navigator.progress.value() < navigator.progress.maximum()
    before = navigator.progress.value()
    page.renderer.session.set("given_name", "Ana")
    page.renderer.rebuild()
    navigator.update_states()
    assert navigator.progress.value() == before + 1
    identity = titles.index("Identity")
    assert navigator.states[identity].answered >= 1

    # A save attempt shows the problems; the navigator marks the sections that hold them.
    page.save(False)
    qtbot.waitUntil(
        lambda: any(s.problems for s in navigator.states) or navigator.update_states(), timeout=5000
    )
    navigator.update_states()
    marked = [s.title for s in navigator.states if s.problems]
    assert "Identity" in marked
    assert "⚠" in navigator.list.item(identity).text()

    # Ctrl+G reaches the list from the form; Enter on a section jumps into it
    page.focus_first_field()
    press(qtbot, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is navigator.list
    residence = titles.index("Residence")
    navigator.list.setCurrentRow(residence)
    press(qtbot, Qt.Key.Key_Return)
    assert focused_field() in {r.question.name for r in navigator.states[residence].rows}
    # Ctrl+PgDown: the next section
    press(qtbot, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert focused_field() in {r.question.name for r in navigator.states[residence + 1].rows}


def test_receipt_after_saving(qtbot, desk, tmp_path: Path) -> None:
    from forms.receipt import ReceiptContent
    from forms.reference import reference_of
    from forms.store.batches import current_open_batch
    from forms.store.records import save_record

    page = desk.registration
    action = page.form_tools.receipt
    assert not action.button.isEnabled()
    press(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert "Save the registration first" in page.message.text()

    batch = current_open_batch(desk.store)
    answers = {
        "given_name": "Ana",
        "family_name": "Silva",
        "preferred_language": "pt",
        "document_number": "X987654",
    }
    saved = save_record(desk.store, batch.id, "diaspora_registration", "1", answers, draft=False)
    with qtbot.waitSignal(page.record_opened, timeout=10_000):
        page.open_record(saved.record_id)
    assert action.button.isEnabled()
    press(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = action.dialog
    assert dialog is not None and dialog.chosen_language() == "pt"  # the person's language first
    assert reference_of(saved.record_id) in dialog.prompt.text()

    made: list[ReceiptContent] = []
    action._make("pt", made.append)
    qtbot.waitUntil(lambda: bool(made), timeout=10_000)
    target = tmp_path / "recibo.pdf"
    assert action.write_pdf(made[0], target)
    assert target.read_bytes().startswith(b"%PDF") and b"X987654" not in target.read_bytes()
    assert made[0].title == "Comprovativo de registo"
    # Walk-through: with the saved path said, the prompt and the path both show whole.
    dialog.show()
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    for label in (dialog.prompt, dialog.status):
        assert str(target) in dialog.status.text()
        assert label.height() >= label.heightForWidth(label.width()), label.text()
    dialog.reject()


def test_radio_reached_by_enter_shows_where_the_keyboard_is(qtbot, desk) -> None:
    from PySide6.QtGui import QColor

    from desktop.pages.registration.form_tools import FOCUS_COLOUR

    page = desk.registration
    row = next(r for r in page.renderer.rows if r.question.name == "legal_basis")
    radio = row.input.focus_widgets()[0]
    page.save_button.setFocus()
    qtbot.waitUntil(lambda: not radio.hasFocus(), timeout=5000)
    before = radio.grab().toImage()
    page.focus_first_field()
    qtbot.waitUntil(lambda: radio.hasFocus(), timeout=5000)
    focused = radio.grab().toImage()
    wanted = QColor(FOCUS_COLOUR).rgb()
    pixels = [focused.pixel(x, focused.height() // 2) for x in range(focused.width())]
    assert wanted in pixels
    assert wanted not in [before.pixel(x, before.height() // 2) for x in range(before.width())]


def test_form_language_box_shows_portuguese_whole(qtbot, desk) -> None:
    combo = desk.registration.language_combo
    index = combo.findText("Português")
    assert index >= 0
    assert combo.width() >= combo.fontMetrics().horizontalAdvance("Português") + 16


def test_french_register_and_save_are_different_words(qtbot, desk) -> None:
    page = desk.registration
    desk.context.languages.switch_to("fr")
    qtbot.waitUntil(
        lambda: "Ctrl+S" in page.save_button.text() and page.save_button.text() != "Save (Ctrl+S)"
    )
    title = page.title()
    save = page.save_button.text().replace("(Ctrl+S)", "").strip()
    assert title.lower() != save.lower()
    desk.context.languages.switch_to("en")


def test_the_tool_buttons_left_of_the_form_show_their_text_whole_in_every_language(qtbot, qapp, desk) -> None:
    """Walk-through at 1366x768: "Scanner le passeport… (Ctrl+M)" was cut by the 210-pixel column."""
    from desktop.app import load_fonts

    tools = desk.registration.form_tools
    buttons = (tools.passport.button, tools.receipt.button)
    font = qapp.font()
    assert load_fonts(qapp)  # the app's own font, as on the clerk's screen
    try:
        for language, text in (
            ("fr", "Scanner le passeport… (Ctrl+M)"),
            ("pt", "Ler o passaporte… (Ctrl+M)"),
            ("en", "Scan passport… (Ctrl+M)"),
        ):
            desk.context.languages.switch_to(language)
            qtbot.waitUntil(lambda t=text: buttons[0].text() == t, timeout=3000)
            qtbot.waitUntil(
                lambda: all(b.width() >= b.sizeHint().width() for b in buttons),
                timeout=3000,
            )
    finally:
        desk.context.languages.switch_to("en")
        qapp.setFont(font)
