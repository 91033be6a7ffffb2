"""The store's key/value settings (device id, checkpoints, destinations...), read and written by key,
so that callers outside the store never touch the settings rows (``schema`` is the store's own)."""

from __future__ import annotations

from sqlalchemy import select

from ._session import StoreOrSession, transaction
from .schema import SettingRow


def get_setting(target: StoreOrSession, key: str) -> str | None:
    """The setting's value, or None when there is none."""
    with transaction(target, read_only=True) as session:
        row = session.get(SettingRow, key)
        return None if row is None else row.value


def put_setting(target: StoreOrSession, key: str, value: str) -> None:
    """Adds the setting, or replaces its value."""
    with transaction(target) as session:
        session.merge(SettingRow(key=key, value=value))


def delete_setting(target: StoreOrSession, key: str) -> bool:
    """Removes the setting; False when there was none."""
    with transaction(target) as session:
        row = session.get(SettingRow, key)
        if row is None:
            return False
        session.delete(row)
        return True


def settings_with_prefix(target: StoreOrSession, prefix: str) -> list[tuple[str, str]]:
    """(key, value) of every setting whose key starts with ``prefix``, in the database's order."""
    with transaction(target, read_only=True) as session:
        rows = session.scalars(select(SettingRow).where(SettingRow.key.like(prefix + "%")))
        return [(row.key, row.value) for row in rows]
