"""The passphrase rules shown and ticked live while a new passphrase is typed (wizard, recovery).

The judgement is the store's own (``forms.store.passphrase.check_passphrase``), so a passphrase the
screen accepts is one the store accepts. The store module is imported on first use, by then usually
already loaded on the store lane (``preload_passphrase_rules``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


def preload_passphrase_rules() -> None:
    """Run on the store lane when a passphrase form opens: imports the store and reads its list."""
    from forms.store.passphrase import common_passwords

    common_passwords()


def judge(passphrase: str, repeat: str) -> tuple[bool, bool, bool]:
    """(long enough, not common or repetitive, both entries the same)."""
    if not passphrase:
        return False, False, False
    from forms.store.errors import WeakPassphraseError
    from forms.store.passphrase import MIN_LENGTH, check_passphrase

    long_enough = len(passphrase) >= MIN_LENGTH
    try:
        check_passphrase(passphrase)
        strong = True
    except WeakPassphraseError:
        strong = False
    return long_enough, long_enough and strong, long_enough and passphrase == repeat


class PassphraseRulesView(QWidget):
    """Three lines, each with a check mark once its rule holds (shape and colour, not colour alone)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.rule_length, self.rule_common, self.rule_match = QLabel(), QLabel(), QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        for rule in (self.rule_length, self.rule_common, self.rule_match):
            rule.setIndent(12)
            layout.addWidget(rule)
        self._holds = (False, False, False)
        self.retranslate_ui()

    def update_rules(self, passphrase: str, repeat: str) -> bool:
        self._holds = judge(passphrase, repeat)
        self._render()
        return all(self._holds)

    @property
    def all_hold(self) -> bool:
        return all(self._holds)

    def _render(self) -> None:
        texts = (
            self.tr("At least 12 characters (a few words make a good one)"),
            self.tr("Not a common or repetitive passphrase"),
            self.tr("Both entries are the same"),
        )
        for rule, text, holds in zip(
            (self.rule_length, self.rule_common, self.rule_match), texts, self._holds, strict=True
        ):
            rule.setProperty("holds", holds)
            rule.setText(("\u2714 " if holds else "\u2022 ") + text)
            rule.setStyleSheet("color: #1d6b1d;" if holds else "")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Rules for the passphrase:"))
        self._render()
