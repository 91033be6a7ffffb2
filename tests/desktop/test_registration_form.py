"""The form renderer on a small XLSForm with every widget kind: inputs per type, problems under a field
when it is left, live relevance, repeats added and removed, calculated values shown read-only, unsupported
types marked, typed dates, and the form and interface in French."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication

from desktop.pages.registration.inputs import (
    AcknowledgeInput,
    CheckboxesInput,
    DisplayInput,
    LineInput,
    RadioInput,
    SearchableChoiceInput,
    parse_typed_date,
)
from tests.desktop.harness import Desk, focused_field, open_desk, press, type_text

EN, FR = "label::English (en)", "label::French (fr)"
COLUMNS = ["type", "name", EN, FR, "hint::English (en)", "required", "relevant", "constraint",
           "constraint_message::English (en)", "constraint_message::French (fr)", "calculation", "read_only",
           "parameters"]  # fmt: skip


def q(kind: str, name: str = "", en: str = "", fr: str = "", **extra: str) -> dict[str, str]:
    return {"type": kind, "name": name, EN: en, FR: fr} | extra


SURVEY = [
    q("text", "full_name", "Full name", "Nom complet", required="yes"),
    q("integer", "age", "Age", "Âge", constraint=". >= 0 and . <= 120"),
    q("select_one yn", "has_children", "Children?", "Enfants ?"),
    q("begin_repeat", "child", "Child", "Enfant", relevant="${has_children} = 'yes'"),
    q("text", "child_name", "Child's name", "Nom de l'enfant", required="yes"),
    q("end_repeat"),
    q("calculate", "child_count", calculation="count(${child})"),
    q(
        "text",
        "summary",
        "Summary",
        "Résumé",
        calculation="concat(${full_name}, ' (', ${child_count}, ')')",
        read_only="yes",
    ),
    q("note", "children_note", "Children listed: ${child_count}", "Enfants : ${child_count}"),
    q("date", "visit", "Visit day", "Jour de visite"),
    q("range", "score", "Score", "Note", parameters="start=1 end=5 step=1"),
    q("acknowledge", "agree", "I agree", "J'accepte"),
    q("select_multiple colors", "colors", "Colours", "Couleurs"),
    q("select_one country", "country", "Country", "Pays"),
    q("geopoint", "where", "Where", "Où"),
]
SURVEY[0]["hint::English (en)"] = "As on the passport"
SURVEY[1]["constraint_message::English (en)"] = "Age must be from 0 to 120"
SURVEY[1]["constraint_message::French (fr)"] = "L'âge va de 0 à 120"
CHOICES = [("yn", "yes", "Yes", "Oui"), ("yn", "no", "No", "Non"), ("colors", "red", "Red", "Rouge"),
           ("colors", "green", "Green", "Vert"), ("colors", "blue", "Blue", "Bleu")] + [
    ("country", code, name, name) for code, name in (
        ("GH", "Ghana"), ("GN", "Guinea"), ("GW", "Guinea-Bissau"), ("LR", "Liberia"), ("NG", "Nigeria"),
        ("SN", "Senegal"), ("SL", "Sierra Leone"), ("TG", "Togo"))
]  # fmt: skip


def write_test_form(path: Path) -> Path:
    book = Workbook()
    survey = book.active
    survey.title = "survey"
    survey.append(COLUMNS)
    for row in SURVEY:
        survey.append([row.get(column, "") for column in COLUMNS])
    choices = book.create_sheet("choices")
    choices.append(["list_name", "name", "label::English (en)", "label::French (fr)"])
    for row in CHOICES:
        choices.append(list(row))
    settings = book.create_sheet("settings")
    settings.append(["form_id", "version", "default_language"])
    settings.append(["widgets_test", "1", "English (en)"])
    book.save(path)
    return path


@pytest.fixture
def form_desk(qtbot, qapp, data_dir, tmp_path):
    desk = open_desk(qtbot, qapp, data_dir, form_path=write_test_form(tmp_path / "widgets_test.xlsx"))
    yield desk
    desk.shutdown()


def row(desk: Desk, name: str, index: int | None = None):
    rows = [r for r in desk.registration.renderer.rows if r.question.name == name]
    return rows[index or 0]


def test_each_question_type_gets_its_input(form_desk: Desk) -> None:
    assert isinstance(row(form_desk, "full_name").input, LineInput)
    assert row(form_desk, "age").input.kind == "integer"
    assert isinstance(row(form_desk, "has_children").input, RadioInput)
    assert row(form_desk, "visit").input.kind == "date"
    assert row(form_desk, "score").input.kind == "range"
    assert isinstance(row(form_desk, "agree").input, AcknowledgeInput)
    assert isinstance(row(form_desk, "colors").input, CheckboxesInput)
    assert isinstance(row(form_desk, "country").input, SearchableChoiceInput)  # 8 choices: a searchable list
    assert row(form_desk, "children_note").input is None
    from desktop.widgets.geopoint_input import GeopointInput

    assert isinstance(row(form_desk, "where").input, GeopointInput)  # issue 13: places are typed
    assert row(form_desk, "full_name").label.text() == "Full name  *"  # required is marked
    assert row(form_desk, "full_name").hint.text() == "As on the passport"
    assert isinstance(row(form_desk, "summary").input, DisplayInput)  # calculated: shown, not typed


def test_another_window_taking_the_focus_is_not_leaving_the_field(qtbot, form_desk: Desk) -> None:
    # A dialog opening (the batch dialog, a message) or another program must not flag the empty
    # first question as "required" before the clerk typed anything.
    full_name = row(form_desk, "full_name")
    line = full_name.input.line
    QApplication.sendEvent(line, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.ActiveWindowFocusReason))
    assert not full_name.problem.isVisibleTo(form_desk.registration)
    QApplication.sendEvent(line, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.TabFocusReason))
    assert full_name.problem.text() == "This answer is required."  # control: a real Tab away does


def test_a_problem_shows_when_the_field_is_left_and_goes_when_fixed(qtbot, form_desk: Desk) -> None:
    press(qtbot, Qt.Key.Key_Return)  # leave "Full name" empty
    age = row(form_desk, "age")
    assert focused_field() == "age"
    assert row(form_desk, "full_name").problem.text() == "This answer is required."
    assert not age.problem.isVisibleTo(form_desk.registration)
    type_text(None, "150")
    press(qtbot, Qt.Key.Key_Tab)
    assert age.problem.text() == "Age must be from 0 to 120"
    assert age.problem.isVisibleTo(form_desk.registration)
    age.input.line.setFocus()
    press(qtbot, Qt.Key.Key_Backspace)
    press(qtbot, Qt.Key.Key_Backspace)
    assert not age.problem.isVisibleTo(form_desk.registration)  # "1" is fine: the message goes at once


def test_relevance_repeats_and_calculations_follow_the_answers(qtbot, form_desk: Desk) -> None:
    renderer = form_desk.registration.renderer
    box = next(b for b in renderer.repeats if b.question.name == "child").box
    assert not box.isVisibleTo(form_desk.registration)
    type_text(None, "Ama Mensah")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return)
    assert focused_field() == "has_children"
    type_text(None, "y")  # a letter picks the choice
    box = next(b for b in renderer.repeats if b.question.name == "child").box
    assert box.isVisibleTo(form_desk.registration)
    for name in ("Kofi", "Esi"):
        block = next(b for b in renderer.repeats if b.question.name == "child")
        block.add_button.setFocus()
        press(qtbot, Qt.Key.Key_Space)
        assert focused_field() == "child_name"
        type_text(None, name)
    session = renderer.session
    assert session.repeat_count("child") == 2
    assert row(form_desk, "summary").input.label.text() == "Ama Mensah (2)"
    assert row(form_desk, "children_note").label.text() == "Children listed: 2"
    block = next(b for b in renderer.repeats if b.question.name == "child")
    block.remove_buttons[0].setFocus()
    assert block.remove_buttons[0].hasFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert session.repeat_count("child") == 1
    assert session.answers()["child"] == [{"child_name": "Esi"}]
    assert row(form_desk, "child_name", 0).input.value() == "Esi"
    assert row(form_desk, "children_note").label.text() == "Children listed: 1"


def test_dates_are_typed_either_way_and_long_lists_searched(qtbot, form_desk: Desk) -> None:
    assert parse_typed_date("7/3/1990") == "1990-03-07"
    assert parse_typed_date("1990-3-7") == "1990-03-07"
    assert parse_typed_date("31/02/2020") == "31/02/2020"  # left for the engine to refuse
    visit = row(form_desk, "visit")
    visit.input.line.setFocus()
    type_text(None, "13/06/2026")
    press(qtbot, Qt.Key.Key_Return)
    assert form_desk.registration.renderer.session.value("visit") == "2026-06-13"
    assert visit.input.line.text() == "2026-06-13"  # shown as understood
    visit.input.line.setFocus()
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(None, "31/02/2020")
    press(qtbot, Qt.Key.Key_Tab)
    assert visit.problem.text() == "February 2020 has only 29 days."  # what is wrong, not the layout
    visit.input.line.setFocus()
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(None, "tomorrow")
    press(qtbot, Qt.Key.Key_Tab)
    assert visit.problem.text() == "Type a date as YYYY-MM-DD or DD/MM/YYYY."
    country = row(form_desk, "country")
    country.input.combo.setFocus()
    type_text(None, "guinea-b")
    press(qtbot, Qt.Key.Key_Return)
    assert form_desk.registration.renderer.session.value("country") == "GW"
    assert country.input.combo.currentText() == "Guinea-Bissau"


def test_french_interface_and_form(qtbot, form_desk: Desk) -> None:
    page = form_desk.registration
    form_desk.context.languages.switch_to("fr")
    try:
        assert page.form_language() == "French (fr)"
        assert row(form_desk, "full_name").label.text() == "Nom complet  *"
        choices = [b.text() for b in row(form_desk, "has_children").input.group.buttons()]
        assert choices == ["Oui", "Non"]  # the choices follow the form language too
        qtbot.waitUntil(lambda: page.save_button.text() == "Enregistrer (Ctrl+S)", timeout=3000)
        press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # refused: the name is missing
        assert row(form_desk, "full_name").problem.text() == "Cette réponse est obligatoire."
        assert page.message.text() == "1 réponse demande votre attention avant l'enregistrement."
        assert focused_field() == "full_name"
    finally:
        form_desk.context.languages.switch_to("en")
    assert row(form_desk, "full_name").label.text() == "Full name  *"
    assert [b.text() for b in row(form_desk, "has_children").input.group.buttons()] == ["Yes", "No"]
    qtbot.waitUntil(lambda: page.save_button.text() == "Save (Ctrl+S)", timeout=3000)


def test_times_and_moments_are_typed_as_people_write_them(qapp) -> None:
    from desktop.pages.registration.inputs import parse_typed_datetime

    moment = parse_typed_datetime("13/06/2026 14:30")
    assert moment.startswith("2026-06-13T14:30:00") and len(moment) > 19  # with this computer's offset
    assert parse_typed_datetime("tomorrow") == "tomorrow"  # left for the engine to refuse
    clock = LineInput("time")
    clock.line.setText("9:05")
    assert clock.value() == "09:05:00"
    clock.set_value("14:30:00")
    assert clock.line.text() == "14:30"


def test_form_languages_are_named_in_their_own_words_where_known() -> None:
    from desktop.pages.registration.page import form_language_name

    assert form_language_name("French (fr)") == "Français"
    assert form_language_name("Portuguese (pt)") == "Português"
    assert form_language_name("Swahili (sw)") == "Swahili"  # not one of ours: as the form writes it
    assert form_language_name("chinese") == "chinese"
