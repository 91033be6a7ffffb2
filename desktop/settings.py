"""Interface preferences kept beside the store: language and auto-lock delay. Never personal data.

A small JSON file, written atomically by the store's ``atomic_write_bytes`` (temp file, fsync, rename,
folder fsync); a missing or unreadable file means the defaults, because a bad
preference must never stop a clerk from unlocking.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

SETTINGS_FILE_NAME = "interface.json"
LANGUAGES = ("en", "fr", "pt")
IDLE_MINUTES_MIN, IDLE_MINUTES_MAX, IDLE_MINUTES_DEFAULT = 1, 15, 5


@dataclass
class InterfaceSettings:
    language: str = "en"
    idle_lock_minutes: int = IDLE_MINUTES_DEFAULT

    def normalised(self) -> InterfaceSettings:
        language = self.language if self.language in LANGUAGES else "en"
        minutes = self.idle_lock_minutes
        if not isinstance(minutes, int):
            minutes = IDLE_MINUTES_DEFAULT
        minutes = max(IDLE_MINUTES_MIN, min(IDLE_MINUTES_MAX, minutes))
        return InterfaceSettings(language=language, idle_lock_minutes=minutes)


def settings_path(data_dir: Path) -> Path:
    return data_dir / SETTINGS_FILE_NAME


def load_settings(data_dir: Path) -> InterfaceSettings:
    try:
        raw = json.loads(settings_path(data_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return InterfaceSettings()
    if not isinstance(raw, dict):
        return InterfaceSettings()
    known = {key: raw[key] for key in ("language", "idle_lock_minutes") if key in raw}
    return InterfaceSettings(**known).normalised()


def save_settings(data_dir: Path, settings: InterfaceSettings) -> None:
    # Imported here: importing forms.store loads SQLAlchemy, which the first window must not wait for.
    from forms.store.atomic import atomic_write_bytes

    data = json.dumps(asdict(settings.normalised())).encode("utf-8")
    atomic_write_bytes(settings_path(data_dir), data)
