"""Interface preferences kept beside the store: language and auto-lock delay. Never personal data.

A small JSON file, written atomically; a missing or unreadable file means the defaults, because a bad
preference must never stop a clerk from unlocking.
"""

from __future__ import annotations

import json
import os
import tempfile
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
    data_dir.mkdir(parents=True, exist_ok=True)
    target = settings_path(data_dir)
    handle, temp_name = tempfile.mkstemp(prefix=".interface-", suffix=".tmp", dir=data_dir)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(asdict(settings.normalised()), stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
