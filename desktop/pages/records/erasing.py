"""Erasing a person's record from the records list (supervisors): asked with a reason, then erased on
the store lane by forms.store.erasure.erase_record (every version, draft, autosave, outbox entry and
search-index entry; a tombstone for the server when it holds the record; audited with the reason code).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from forms.store.erasure import REASON_CODES


def _tr(text: str) -> str:
    return QCoreApplication.translate("EraseRecord", text)


def reason_labels() -> dict[str, str]:
    return {
        "consent_withdrawn": _tr("The person withdrew their consent"),
        "subject_request": _tr("The person asked to be erased"),
        "registered_in_error": _tr("Registered in error"),
        "duplicate": _tr("A duplicate of another record"),
        "deceased": _tr("The person died"),
        "legal_obligation": _tr("A legal obligation"),
        "other": _tr("Another reason"),
    }


class EraseDialog(QDialog):
    """The question: who, why (a reason code), and what erasure means; Erase is never the default."""

    def __init__(self, parent: QWidget, person: str) -> None:
        super().__init__(parent)
        self.setObjectName("erase_question")
        self.setWindowTitle(_tr("Erase this person"))
        who = person.strip() or _tr("this person (no name typed)")
        text = QLabel(_tr("Erase every trace of %1 from this laptop?").replace("%1", who))
        text.setWordWrap(True)
        detail = QLabel(
            _tr(
                "Every version, draft and search entry of the record is deleted and cannot be brought back. "
                "If the server holds the record, it is erased there at the next sync, and then on every "
                "other laptop. The audit log keeps who erased it, when and why, never the answers."
            )
        )
        detail.setWordWrap(True)
        self.reason = QComboBox()
        self.reason.setObjectName("erase_reason")
        labels = reason_labels()
        for code in REASON_CODES:
            self.reason.addItem(labels[code], code)
        buttons = QDialogButtonBox()
        self.erase_button = buttons.addButton(_tr("Erase"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.erase_button.setObjectName("erase")
        self.erase_button.setAutoDefault(False)
        keep = buttons.addButton(_tr("Keep it"), QDialogButtonBox.ButtonRole.RejectRole)
        keep.setObjectName("keep")
        keep.setDefault(True)  # Enter keeps: erasing takes a deliberate choice
        self.erase_button.clicked.connect(self.accept)
        keep.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (text, detail, QLabel(_tr("Reason")), self.reason, buttons):
            layout.addWidget(widget)

    def chosen_reason(self) -> str:
        return str(self.reason.currentData())


def ask_to_erase(
    parent: QWidget,
    lane: Any,
    record_id: str,
    person: str,
    erased: Callable[[Any], None],
    failed: Callable[[BaseException], None],
) -> EraseDialog:
    """Shows the question (window-modal, no nested event loop); on Erase, erases on the lane."""
    dialog = EraseDialog(parent, person)

    def decided(result: int) -> None:
        reason = dialog.chosen_reason()
        dialog.deleteLater()
        if result != QDialog.DialogCode.Accepted:
            return
        from forms.store.erasure import erase_record

        lane.run(lambda store: erase_record(store, record_id, reason), erased, failed)

    dialog.finished.connect(decided)
    dialog.open()
    return dialog
