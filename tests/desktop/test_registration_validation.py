"""Issue 12, defect 9: sentences that say what is wrong; phones read with `phonenumbers` and shown with
their "+"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from forms.phones import NO_COUNTRY_CODE, TOO_SHORT, format_phone, read_phone
from tests.desktop.harness import (
    press,
    type_text,
)


def _row(page: Any, name: str) -> Any:
    return next(row for row in page.renderer.rows if row.question.name == name)


def _type_and_leave(qtbot, page: Any, name: str, text: str) -> Any:
    row = _row(page, name)
    widget = row.input.focus_widgets()[0]
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=3000)
    widget.clear()
    type_text(widget, text)
    press(qtbot, Qt.Key.Key_Tab)
    return row


def _start(page: Any, residence: str | None = None) -> None:
    answers = {"legal_basis": "consent", "consent": "yes"}
    if residence:
        answers["residence_country"] = residence
    page.start_person(answers=answers)


def test_a_phone_with_dashes_is_accepted_stored_e164_and_shown_with_plus(qtbot, desk) -> None:
    page = desk.registration
    _start(page)
    row = _type_and_leave(qtbot, page, "phone", "+1 612-555-0147")
    assert row.problem.isHidden(), row.problem.text()
    assert page.renderer.session.value("phone") == "+16125550147"
    assert row.input.line.text() == "+1 612-555-0147"


def test_a_phone_without_plus_is_read_in_the_country_of_residence(qtbot, desk) -> None:
    page = desk.registration
    _start(page, residence="US")
    row = _type_and_leave(qtbot, page, "phone", "612 555 0147")
    assert row.problem.isHidden(), row.problem.text()
    assert page.renderer.session.value("phone") == "+16125550147"


def test_a_wrong_phone_is_told_what_is_wrong(qtbot, desk) -> None:
    page = desk.registration
    _start(page)
    row = _type_and_leave(qtbot, page, "phone", "+1 612 555")
    assert row.problem.text() == "Too few digits for a phone number with the country code +1."
    row = _type_and_leave(qtbot, page, "phone", "612 555 0147")
    assert row.problem.text() == (
        "Type + and the country code first (+1 612 555 0147), or choose the country of residence."
    )


def test_an_impossible_date_is_named(qtbot, desk) -> None:
    page = desk.registration
    _start(page)
    row = _type_and_leave(qtbot, page, "birth_date", "31/02/1985")
    assert row.problem.text() == "February 1985 has only 28 days."
    row = _type_and_leave(qtbot, page, "birth_date", "12/13/1985")
    assert row.problem.text() == "There is no month 13: months go from 1 to 12 (DD/MM/YYYY)."
    row = _type_and_leave(qtbot, page, "birth_date", "07/03/1990")
    assert row.problem.isHidden()


def test_phone_reading_and_formatting() -> None:
    assert read_phone("+1 (612) 555.0147").e164 == "+16125550147"
    assert read_phone("00351 912 345 678").e164 == "+351912345678"
    assert read_phone("0612345678", "FR").e164 == "+33612345678"
    assert read_phone("612 555 0147").problem == NO_COUNTRY_CODE
    assert read_phone("+44 20").problem == TOO_SHORT
    assert format_phone("16125550147") == "+1 612-555-0147"  # the digits the store keeps for search
    assert format_phone("+351912345678") == "+351 912 345 678"
