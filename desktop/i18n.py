"""Runtime language switch: our own translations (every ``*_xx.qm``) plus Qt's for standard dialogs.

Widgets translate their text in a ``retranslate_ui()`` called from ``changeEvent(LanguageChange)``,
which Qt sends to every widget when a translator is installed or removed; so switching language
needs no restart and no list of open windows.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

from desktop.paths import translations_dir
from desktop.settings import LANGUAGES

log = logging.getLogger(__name__)

# Shown in the language's own words, so a clerk who cannot read the current language finds theirs.
LANGUAGE_NAMES = {"en": "English", "fr": "Français", "pt": "Português"}

# Qt ships Brazilian Portuguese only; it is far better than English buttons in a Portuguese window.
_QT_CATALOGUES = {"fr": ("qtbase_fr",), "pt": ("qtbase_pt", "qtbase_pt_BR")}
_LOCALES = {"en": "en_US", "fr": "fr_FR", "pt": "pt_PT"}


def qt_translations_dir() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


class LanguageController(QObject):
    """Owns the installed translators; ``switch_to`` swaps them and announces the change."""

    language_changed = Signal(str)

    def __init__(self, app: QCoreApplication, catalogue_dir: Path | None = None) -> None:
        super().__init__(app)
        self._app = app
        self._catalogue_dir = catalogue_dir or translations_dir()
        self._installed: list[QTranslator] = []
        self._language = "en"

    @property
    def language(self) -> str:
        return self._language

    def switch_to(self, language: str) -> bool:
        """Install the catalogues for ``language``; False when our catalogue for it is missing."""
        if language not in LANGUAGES:
            raise ValueError(f"unsupported interface language: {language}")
        self.uninstall()
        # One catalogue per area (diaspora_fr for the shell, import_fr, ...): each team keeps its own .ts.
        found_ours = False
        for catalogue in sorted(self._catalogue_dir.glob(f"*_{language}.qm")):
            found_ours = self._install(self._catalogue_dir, (catalogue.stem,)) or found_ours
        if language in _QT_CATALOGUES:
            self._install(qt_translations_dir(), _QT_CATALOGUES[language])
        QLocale.setDefault(QLocale(_LOCALES[language]))
        self._language = language
        self.language_changed.emit(language)
        if not found_ours and language != "en":
            log.warning(
                "no compiled catalogue for %s in %s (run resources/build.py)", language, self._catalogue_dir
            )
        return found_ours or language == "en"

    def uninstall(self) -> None:
        """Remove our translators (at shutdown, so nothing outlives the controller that installed it)."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()

    def _install(self, folder: Path, names: tuple[str, ...]) -> bool:
        for name in names:
            translator = QTranslator(self)
            if translator.load(name, str(folder)):
                self._app.installTranslator(translator)
                self._installed.append(translator)
                return True
        return False
