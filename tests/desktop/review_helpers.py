"""Plain helpers shared by the review page's tests (the seeded and review_desk fixtures are in
conftest.py)."""

from __future__ import annotations

from typing import Any

CLERK, CLERK_PASSPHRASE = "Kofi Mensah", "cobalt lantern meadow 77"
PERSON = {
    "legal_basis": "consent",
    "consent": "yes",
    "given_name": "Conceição",
    "family_name": "N'Guessan",
    "sex": "female",
    "birth_date": "1990-05-06",
    "nationalities": "PT",
    "id_document_type": "passport",
    "document_number": "B2001",
    "residence_country": "PT",
    "residence_city": "Lisbon",
    "phone": "+351 91 555 6666",
}


class ReviewDesk:
    def __init__(self, qtbot: Any, qapp: Any, data_dir: Any) -> None:
        from desktop.controllers.lock import LockController
        from desktop.i18n import LanguageController
        from desktop.pages import DeskContext
        from desktop.pages.review import create_page
        from desktop.tasks import StoreLane, TaskRunner
        from desktop.windows.main_window import MainWindow

        self.qtbot, self.data_dir = qtbot, data_dir
        self.languages = LanguageController(qapp)
        self.languages.switch_to("en")
        self.lane = StoreLane()
        self.lock = LockController(self.lane)
        self.window = MainWindow()
        qtbot.addWidget(self.window)
        self.context = DeskContext(data_dir, self.lane, TaskRunner(), self.lock, self.languages, self.window)
        from desktop.pages.registration import create_page as create_registration_page

        self.registration = create_registration_page(self.context)
        spec = create_page(self.context)
        for page_spec in (self.registration, spec):
            self.window.add_page(page_spec.key, page_spec.widget, page_spec.title)
        self.registration = self.registration.widget
        self.window.show()
        self.page = spec.widget

    def unlock_as(self, name: str, passphrase: str) -> None:
        from forms.store import Store

        if self.lock.is_unlocked:
            self.lock.lock()
            self.lane.wait_for_done(10_000)
        with self.qtbot.waitSignal(self.page.loaded, timeout=10_000):
            self.lock.start_session(Store.unlock(self.data_dir, name, passphrase))

    def on_lane(self, work: Any) -> Any:
        outcome: dict[str, Any] = {}
        self.lane.run(
            work, lambda r: outcome.setdefault("result", r), lambda e: outcome.setdefault("error", e)
        )
        self.qtbot.waitUntil(lambda: bool(outcome), timeout=10_000)
        if "error" in outcome:
            raise outcome["error"]
        return outcome["result"]

    def shutdown(self) -> None:
        self.lock.lock()
        self.lock.stop_watching()
        self.lane.wait_for_done(10_000)
        self.context.workers.wait_for_done(10_000)
        self.languages.uninstall()


def confirm_approval(page) -> None:
    """Approve asks first; say yes."""
    from PySide6.QtWidgets import QMessageBox

    assert page.approve_box is not None and page.approve_box.isVisible()
    page.approve_box.button(QMessageBox.StandardButton.Yes).click()
