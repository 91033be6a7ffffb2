"""Discarding a draft, from the registration page or the records list: asked first, then audited.

A batch holding a stray draft cannot be approved, so a clerk (their own drafts) or a supervisor can
throw a draft away. The question names the person; the store removes the draft on the store lane
(forms.store.records.discard_draft, which writes the audit entry: record id only).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:
    from desktop.tasks import StoreLane

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("DiscardDraft", text)


def ask_to_discard(
    parent: QWidget,
    lane: StoreLane,
    record_id: str,
    person: str,
    discarded: Callable[[], None],
    failed: Callable[[BaseException], None],
) -> QMessageBox:
    """Shows the question (window-modal, no nested event loop); on Discard, discards on the lane."""
    box = QMessageBox(parent)
    box.setObjectName("discard_question")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_tr("Discard the draft"))
    who = person.strip() or _tr("this person (no name typed)")
    box.setText(_tr("Discard the draft of %1?").replace("%1", who))
    box.setInformativeText(_tr("What was typed in it is lost. A saved record is never discarded."))
    discard = box.addButton(_tr("Discard the draft"), QMessageBox.ButtonRole.DestructiveRole)
    discard.setObjectName("discard")
    keep = box.addButton(_tr("Keep it"), QMessageBox.ButtonRole.RejectRole)
    keep.setObjectName("keep")
    box.setDefaultButton(keep)  # Enter keeps: throwing work away takes a deliberate choice
    box.setEscapeButton(keep)

    def decided(_result: int) -> None:
        chosen = box.clickedButton()
        box.deleteLater()
        if chosen is not discard:
            return
        from forms.store.records import discard_draft

        lane.run(lambda store: discard_draft(store, record_id), lambda _latest: discarded(), failed)

    box.finished.connect(decided)
    box.open()
    return box
