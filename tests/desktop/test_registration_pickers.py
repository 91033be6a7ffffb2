"""Issue 12, defects 3, 4, 6 and 7 on the registration page, keyboard only: pickers insensitive to
accents and punctuation, a letter and Enter choosing in a long list, type-ahead never flipping a chosen
answer, Enter still advancing after a language switch, no "required" on a fresh form."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication

from tests.desktop.harness import (
    focused_field,
    press,
    type_steps,
    type_text,
)

ENTER = "<Enter>"


def _focus(qtbot, page: Any, name: str, answers: dict[str, Any] | None = None) -> Any:
    page.start_person(answers={"legal_basis": "consent", "consent": "yes", **(answers or {})})
    row = next(r for r in page.renderer.rows if r.question.name == name)
    row.input.focus_widgets()[0].setFocus()
    qtbot.waitUntil(lambda: focused_field() == name, timeout=3000)
    return row


def test_a_country_typed_without_accents_is_found_and_enter_moves_on(qtbot, desk) -> None:
    page = desk.registration
    _focus(qtbot, page, "birth_country")
    type_steps(qtbot, [("birth_country", ["cote", ENTER])])
    assert page.renderer.session.value("birth_country") == "CI"
    assert focused_field() == "birth_place"


def test_the_nationality_filter_ignores_accents_and_no_match_does_not_swallow_the_form(qtbot, desk) -> None:
    page = desk.registration
    _focus(qtbot, page, "nationalities")
    type_steps(qtbot, [("nationalities", ["cote divoire", ENTER])])
    assert page.renderer.session.value("nationalities") == "CI"
    type_steps(qtbot, [("nationalities", ["cote", ENTER])])  # typed again: still chosen, never unticked
    assert page.renderer.session.value("nationalities") == "CI"
    type_steps(qtbot, [("nationalities", ["zzz", ENTER])])  # no match: Enter moves on
    assert focused_field() == "id_document_type"
    row = next(r for r in page.renderer.rows if r.question.name == "nationalities")
    assert row.input.filter.text() == ""


def test_french_sector_found_without_its_accent(qtbot, desk) -> None:
    page = desk.registration
    page.language_combo.setCurrentIndex(page.language_combo.findData(page.definition.resolve_language("fr")))
    _focus(qtbot, page, "skills_sector")
    type_steps(qtbot, [("skills_sector", ["ener", ENTER])])
    assert page.renderer.session.value("skills_sector") == "energy"


def test_a_letter_and_enter_choose_in_a_long_list_and_advance(qtbot, desk) -> None:
    page = desk.registration
    _focus(qtbot, page, "education_level")
    type_steps(qtbot, [("education_level", ["m", ENTER])])
    assert page.renderer.session.value("education_level") == "master"
    assert focused_field() == "education_field"


def test_a_second_letter_never_flips_the_chosen_answer(qtbot, desk) -> None:
    page = desk.registration
    page.start_person()
    assert focused_field() == "legal_basis"
    type_text(None, "c")
    assert page.renderer.session.value("legal_basis") == "consent"
    type_text(None, "c")  # "Consular registration duty" also starts with C
    assert page.renderer.session.value("legal_basis") == "consent"


def test_enter_still_advances_after_a_language_switch(qtbot, desk) -> None:
    page = desk.registration
    assert focused_field() == "legal_basis"
    press(qtbot, Qt.Key.Key_Space)
    try:
        desk.context.languages.switch_to("fr")
        qtbot.waitUntil(lambda: page.form_language() == page.definition.resolve_language("fr"), timeout=3000)
        assert focused_field() == "legal_basis"
        press(qtbot, Qt.Key.Key_Return)
        assert focused_field() == "consent"
        type_steps(qtbot, [("consent", ["o", ENTER]), ("given_name", ["Awa", ENTER])])
        assert focused_field() == "family_name"
    finally:
        desk.context.languages.switch_to("en")


def test_a_checklist_says_its_chosen_items_in_the_new_interface_language(qtbot, desk) -> None:
    """The person's language (French) was chosen for the form first; the clerk then switches the
    interface to French too: the form language does not change, and "Chosen:" under a checklist stayed
    in English."""
    page = desk.registration
    page.language_combo.setCurrentIndex(page.language_combo.findData(page.definition.resolve_language("fr")))
    row = _focus(qtbot, page, "nationalities")
    type_steps(qtbot, [("nationalities", ["allemagne", ENTER])])
    assert row.input.chosen.text() == "Chosen: Allemagne"
    try:
        for language, expected in (("fr", "Choisis : Allemagne"), ("pt", "Escolhidos: Alemanha")):
            desk.context.languages.switch_to(language)
            qtbot.waitUntil(lambda e=expected: row.input.chosen.text() == e, timeout=3000)
    finally:
        desk.context.languages.switch_to("en")
    qtbot.waitUntil(lambda: row.input.chosen.text() == "Chosen: Germany", timeout=3000)
    assert page.renderer.session.value("nationalities") == "DE"


def test_an_arrow_on_an_unanswered_radio_question_picks_the_next_choice(qtbot, desk) -> None:
    """Walk-through: Right then Enter on "Sex" (nothing chosen yet) moved the focus to "Male" without
    choosing it, and Enter left the question unanswered; once chosen, arrows move and pick as before."""
    page = desk.registration
    _focus(qtbot, page, "sex")
    assert page.renderer.session.value("sex") is None
    press(qtbot, Qt.Key.Key_Right)
    assert page.renderer.session.value("sex") == "male"
    press(qtbot, Qt.Key.Key_Right)
    assert page.renderer.session.value("sex") == "unspecified"
    press(qtbot, Qt.Key.Key_Left)
    assert page.renderer.session.value("sex") == "male"
    press(qtbot, Qt.Key.Key_Return)
    assert focused_field() == "birth_date"


def _problems_shown(page: Any) -> list[str]:
    return [row.question.name for row in page.renderer.rows if not row.problem.isHidden()]


def test_no_required_message_on_a_fresh_form(qtbot, desk) -> None:
    page = desk.registration
    type_steps(qtbot, [("legal_basis", ["<Space>", ENTER]), ("consent", ["y", ENTER])])
    assert focused_field() == "given_name"
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # nobody named: nothing kept
    qtbot.waitUntil(lambda: focused_field() == "legal_basis", timeout=3000)
    assert _problems_shown(page) == []
    type_steps(qtbot, [("legal_basis", ["<Space>", ENTER]), ("consent", ["y", ENTER])])
    # Alt opens the menu bar: the question keeps the focus in the clerk's mind, not left empty.
    QApplication.sendEvent(
        QApplication.focusWidget(), QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.MenuBarFocusReason)
    )
    assert _problems_shown(page) == []
