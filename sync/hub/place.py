"""Where a hub keeps its things, inside the supervisor's store folder, and the key of its database.

``<store>/hub/server.sqlite3`` is a server database (same schema and migrations as the central server's)
encrypted with SQLCipher under a key derived from the store's data key (HKDF, purpose "event-hub"): it
opens only while the store is unlocked, and no key file exists. The TLS private key beside it is
encrypted under another derived key; the certificate and hub.json (address, port, fingerprint, pid)
hold nothing personal.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Engine

from forms.errors import DeskError
from sync.hub.names import HUB_FOLDER
from sync.server import admin
from sync.server.db import SQLITE_FILENAME, DatabaseKey, make_engine, secure_folder, upgrade


class HubError(DeskError):
    """The hub cannot do what was asked (the sentence says why)."""


class KeyedStore(Protocol):
    data_dir: Path

    def purpose_key(self, purpose: str) -> bytes: ...


@dataclass(frozen=True)
class HubPlace:
    folder: Path

    @classmethod
    def of(cls, store_dir: Path) -> HubPlace:
        return cls(Path(store_dir).expanduser().resolve() / HUB_FOLDER)

    @property
    def database(self) -> Path:
        return self.folder / SQLITE_FILENAME

    @property
    def certificate(self) -> Path:
        return self.folder / "tls-certificate.pem"

    @property
    def private_key(self) -> Path:
        return self.folder / "tls-key.pem"  # PEM encrypted under tls_password

    @property
    def config(self) -> Path:
        return self.folder / "hub.json"

    def exists(self) -> bool:
        return self.database.is_file()

    def read_config(self) -> dict[str, Any]:
        try:
            data = json.loads(self.config.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise HubError(
                "This laptop has not hosted an event yet; run `diaspora-desk hub start` first."
            ) from None
        if not isinstance(data, dict):
            raise HubError("The hub's settings file is damaged; start the hub again.")
        return data

    def write_config(self, data: dict[str, Any]) -> None:
        secure_folder(self.folder)
        temporary = self.config.with_suffix(".tmp")
        temporary.write_text(json.dumps(data, indent=2, sort_keys=True), encoding="utf-8")
        os.replace(temporary, self.config)


def database_key(store: KeyedStore) -> DatabaseKey:
    return DatabaseKey(store.purpose_key("event-hub database").hex())


def tls_password(store: KeyedStore) -> bytes:
    return store.purpose_key("event-hub tls").hex().encode("ascii")


def open_hub_database(store: KeyedStore, *, create: bool = False) -> Engine:
    """The hub's engine; `create` makes or upgrades the schema (hub start), otherwise it must exist."""
    place = HubPlace.of(store.data_dir)
    if not create and not place.exists():
        raise HubError("This laptop has not hosted an event yet; run `diaspora-desk hub start` first.")
    secure_folder(place.folder)
    engine = make_engine(f"sqlite:///{place.database}", key=database_key(store))
    if create:
        admin.initialise(engine, "hub")  # the schema; the admin token it may print is not kept
    else:
        upgrade(engine)  # a newer version of the desk may bring a migration; nothing else to do
    return engine
