"""Languages: a French label at runtime, Qt's own dialogs in French, the choice kept across restarts."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QDialogButtonBox

from desktop.app import DeskController
from desktop.settings import load_settings, settings_path
from desktop.windows.main_window import DeskStatus, MainWindow
from desktop.windows.unlock_window import UnlockWindow


def test_switching_to_french_relabels_open_windows_at_runtime(qtbot, data_dir, lane, english) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    unlock = UnlockWindow(data_dir, lane)
    qtbot.addWidget(unlock)
    window.show_status(DeskStatus("Amara", "clerk", None, 2, None))
    assert window.file_menu.title() == "&File"
    english.switch_to("fr")
    qtbot.waitUntil(lambda: window.file_menu.title() == "&Fichier", timeout=2000)
    assert window.lock_action.text() == "&Verrouiller maintenant"
    assert window.waiting_label.text() == "2 fiches en attente d'envoi"
    assert window.operator_label.text() == "Opérateur : Amara (agent)"
    qtbot.waitUntil(lambda: unlock.passphrase_label.text() == "Phrase &secrète :", timeout=2000)
    assert unlock.unlock_button.text() == "&Déverrouiller"
    english.switch_to("pt")
    qtbot.waitUntil(lambda: window.file_menu.title() == "&Ficheiro", timeout=2000)
    assert window.waiting_label.text() == "2 registos por enviar"
    english.switch_to("en")
    qtbot.waitUntil(lambda: window.file_menu.title() == "&File", timeout=2000)


def test_qt_standard_buttons_follow_the_language(qtbot, english) -> None:
    english.switch_to("fr")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuler"


SHELL_CONTEXTS = {
    "HomePage",
    "LanguagePage",
    "MainWindow",
    "RecoveryPage",
    "ServerPage",
    "SetupWizard",
    "SupervisorPage",
    "UnlockMessages",
    "UnlockWindow",
}


def test_the_shell_catalogues_are_complete(qapp) -> None:
    """Every string of the shell has a French and a Portuguese translation (none left unfinished)."""
    import xml.etree.ElementTree as ET

    from desktop.paths import translations_dir

    for language in ("fr", "pt"):
        tree = ET.parse(translations_dir() / f"diaspora_{language}.ts")
        ours = [
            message
            for context in tree.getroot().iter("context")
            if context.findtext("name", "") in SHELL_CONTEXTS
            for message in context.iter("message")
        ]
        assert len({m.findtext("source") for m in ours}) > 70
        unfinished = [m.findtext("source") for m in ours if m.find("translation").get("type") == "unfinished"]
        assert unfinished == [], language


def test_language_choice_is_remembered_without_personal_data(qtbot, qapp, data_dir, english) -> None:
    controller = DeskController(qapp, data_dir)
    data_dir.mkdir(parents=True)
    try:
        controller.set_language("fr")
        controller.set_idle_minutes(10)
        controller.lane.wait_for_done(5000)
        saved = json.loads(settings_path(data_dir).read_text(encoding="utf-8"))
        assert saved == {"language": "fr", "idle_lock_minutes": 10}
    finally:
        controller.shutdown()
    again = DeskController(qapp, data_dir)
    try:
        assert again.languages.language == "fr"
        assert again.lock.idle_timeout_ms == 10 * 60_000
        assert load_settings(data_dir).language == "fr"
    finally:
        again.shutdown()


def test_unreadable_settings_fall_back_to_defaults(data_dir) -> None:
    data_dir.mkdir(parents=True)
    settings_path(data_dir).write_text("{not json", encoding="utf-8")
    assert load_settings(data_dir).language == "en"
    settings_path(data_dir).write_text(
        json.dumps({"language": "xx", "idle_lock_minutes": 99}), encoding="utf-8"
    )
    settings = load_settings(data_dir)
    assert (settings.language, settings.idle_lock_minutes) == ("en", 15)
