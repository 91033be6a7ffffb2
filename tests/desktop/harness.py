"""The desk as the registration and records tests use it: a real store in a temp data folder, the
real store lane, lock and languages, the main window with the registration and records pages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.desktop.conftest import PASSPHRASE, SUPERVISOR


@dataclass
class Desk:
    context: Any
    window: Any
    store: Any
    registration: Any
    records: Any

    def shutdown(self) -> None:
        self.context.lock.lock()
        self.context.lock.stop_watching()
        self.context.lane.wait_for_done(10_000)
        self.context.workers.wait_for_done(10_000)


def open_desk(
    qtbot: Any,
    qapp: Any,
    data_dir: Path,
    batch: bool = True,
    store: Any = None,
    form_path: Path | None = None,
    settle_focus: bool = True,
) -> Desk:
    from desktop.controllers.lock import LockController
    from desktop.i18n import LanguageController
    from desktop.pages import DeskContext
    from desktop.pages.records import create_page as create_records_page
    from desktop.pages.registration import create_page as create_registration_page
    from desktop.tasks import StoreLane, TaskRunner
    from desktop.windows.main_window import MainWindow
    from forms.store import Store
    from forms.store.batches import open_batch

    if store is None:
        store, _recovery = Store.create(data_dir, SUPERVISOR, PASSPHRASE)
    if batch:
        open_batch(store, "Minneapolis community day", "Minneapolis", "2026-06-13")
    languages = LanguageController(qapp)
    languages.switch_to("en")
    lane = StoreLane()
    lock = LockController(lane)
    window = MainWindow()
    qtbot.addWidget(window)
    context = DeskContext(data_dir, lane, TaskRunner(), lock, languages, window)
    if form_path is None:
        registration = create_registration_page(context)
    else:
        from desktop.pages import PageSpec
        from desktop.pages.registration.page import RegistrationPage

        page = RegistrationPage(context, form_path)
        registration = PageSpec("registration", page, page.title)
    records = create_records_page(context)
    for spec in (registration, records):
        window.add_page(spec.key, spec.widget, spec.title)
    window.show()
    lock.start_session(store)
    page = registration.widget
    qtbot.waitUntil(lambda: page.renderer.session is not None and page.batch_known, timeout=20_000)
    with qtbot.waitActive(window):
        window.activateWindow()
    if not settle_focus:  # a dialog is expected to take the focus (the autosave offer)
        return Desk(context, window, store, page, records.widget)
    first = _first_field(page)

    # The offscreen platform activates windows late and restores an older focus on activation: ask
    # again until the first question keeps the focus.
    def focus_settled() -> bool:
        if focused_field() != first:
            page.focus_first_field()
            return False
        qtbot.wait(100)
        return focused_field() == first

    qtbot.waitUntil(focus_settled, timeout=5_000)
    return Desk(context, window, store, page, records.widget)


def _first_field(page: Any) -> str:
    return next(
        r.question.name for r in page.renderer.rows if r.input is not None and r.input.focus_widgets()
    )


def type_text(widget: Any, text: str) -> int:
    """Type like a person: one key press and release per character (accents included, which
    QTest.keyClicks refuses); returns the number of keystrokes."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        key = ord(char.upper()) if char.isascii() and char.isalnum() else 0
        if char == " ":
            key = int(Qt.Key.Key_Space)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            target = QApplication.focusWidget() or widget
            QApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))
    return len(text)


def press(qtbot: Any, key: Any, modifier: Any = None) -> int:
    """One key on whatever has the focus now (as the clerk's keyboard would)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    _reactivate(qtbot)
    qtbot.keyClick(QApplication.focusWidget(), key, modifier or Qt.KeyboardModifier.NoModifier)
    return 1


def _reactivate(qtbot: Any) -> None:
    """The offscreen platform leaves a closed completer popup as the active window (a desktop gives
    the activation back to the main window); do what the desktop does."""
    from PySide6.QtWidgets import QApplication

    active, focus = QApplication.activeWindow(), QApplication.focusWidget()
    if active is not None and not active.isVisible() and focus is not None:
        focus.window().activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is focus.window(), timeout=2000)


# A typical registration of the shipped form, typed from its first question: (field, keys), where a
# key is text to type or one of <Enter> <Space> <Tab>; Enter moves on to the next question shown.
TYPICAL_REGISTRATION: list[tuple[str, list[str]]] = [
    ("legal_basis", ["<Space>", "<Enter>"]),
    ("consent", ["y", "<Enter>"]),
    ("given_name", ["Conceição", "<Enter>"]),
    ("family_name", ["N'Guessan", "<Enter>"]),
    ("other_names", ["<Enter>"]),
    ("sex", ["f", "<Enter>"]),
    ("birth_date", ["07/03/1990", "<Enter>"]),
    ("birth_country", ["Liberia", "<Enter>"]),
    ("birth_place", ["Monrovia", "<Enter>"]),
    ("nationalities", ["Liberia", "<Enter>", "<Enter>"]),
    ("id_document_type", ["p", "<Enter>"]),
    ("document_number", ["P1234567", "<Enter>"]),
    ("document_issuing_country", ["Liberia", "<Enter>"]),
    ("document_issue_date", ["12/05/2020", "<Enter>"]),
    ("document_expiry_date", ["11/05/2030", "<Enter>"]),
    ("residence_country", ["United States", "<Enter>"]),
    ("residence_region", ["Minnesota", "<Enter>"]),
    ("residence_city", ["Minneapolis", "<Enter>"]),
    ("residence_since", ["2015", "<Enter>"]),
    ("phone", ["+1 612 555 0100", "<Enter>"]),
    ("email", ["c.nguessan@example.org", "<Enter>"]),
    ("preferred_language", ["e", "<Enter>"]),
    ("household_size", ["3", "<Enter>"]),
    ("dependants", ["1", "<Enter>"]),
    ("education_level", ["Master", "<Enter>"]),
    ("education_field", ["Nursing", "<Enter>"]),
    ("occupation", ["Employed", "<Enter>"]),
    ("skills_sector", ["Health", "<Enter>"]),
    ("profession", ["Nurse", "<Enter>"]),
    ("years_experience", ["10", "<Enter>"]),
]


def focused_field() -> str | None:
    """The form field holding the keyboard focus (its XLSForm name), or None."""
    from PySide6.QtWidgets import QApplication

    widget = QApplication.focusWidget()
    while widget is not None and not widget.objectName().startswith("row_"):
        widget = widget.parentWidget()
    return widget.objectName()[4:] if widget is not None else None


def type_steps(qtbot: Any, steps: list[tuple[str, list[str]]]) -> int:
    """Types the steps with the keyboard only, checking that each lands on its question; keystrokes."""
    from PySide6.QtCore import Qt

    named = {"<Enter>": Qt.Key.Key_Return, "<Space>": Qt.Key.Key_Space, "<Tab>": Qt.Key.Key_Tab}
    keystrokes = 0
    for field_name, keys in steps:
        assert focused_field() == field_name, (
            f"expected the focus on {field_name}, it is on {focused_field()}"
        )
        for key in keys:
            keystrokes += press(qtbot, named[key]) if key in named else type_text(None, key)
    return keystrokes


def run_on_lane(qtbot: Any, desk: Desk, work: Any) -> Any:
    """Runs work(store) on the store lane (where the store lives) and waits for its result."""
    outcome: dict[str, Any] = {}
    desk.context.lane.run(work, lambda result: outcome.setdefault("result", result),
                          lambda error: outcome.setdefault("error", error))  # fmt: skip
    qtbot.waitUntil(lambda: bool(outcome), timeout=10_000)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


def person(given: str, family: str, document: str) -> list[tuple[str, list[str]]]:
    """The keystrokes of a whole registration of this person (the drafts and possible-match tests)."""
    return [
        ("legal_basis", ["<Space>", "<Enter>"]),
        ("consent", ["y", "<Enter>"]),
        ("given_name", [given, "<Enter>"]),
        ("family_name", [family, "<Enter>"]),
        ("other_names", ["<Enter>"]),
        ("sex", ["m", "<Enter>"]),
        ("birth_date", ["02/11/1985", "<Enter>"]),
        ("birth_country", ["<Enter>"]),
        ("birth_place", ["<Enter>"]),
        ("nationalities", ["ghana", "<Enter>", "<Enter>"]),
        ("id_document_type", ["p", "<Enter>"]),
        ("document_number", [document, "<Enter>"]),
        ("document_issuing_country", ["<Enter>"]),
        ("document_issue_date", ["<Enter>"]),
        ("document_expiry_date", ["<Enter>"]),
        ("residence_country", ["Canada", "<Enter>"]),
        ("residence_region", ["<Enter>"]),
        ("residence_city", ["Toronto", "<Enter>"]),
    ]
