"""Running the hub: its database (made or upgraded), the forms it validates against (the shipped form
and every form the supervisor's laptop downloaded from the central server), its TLS certificate, and
uvicorn serving the server's own app (sync/server/app.py) until SIGTERM."""

from __future__ import annotations

import logging
import os
import signal
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Engine

from forms.engine import shipped_form_path
from forms.errors import DeskError
from sync.client.forms_download import downloaded_forms
from sync.client.state import SessionSource
from sync.hub.place import HubPlace, KeyedStore, open_hub_database, tls_password
from sync.hub.tls import ensure_certificate, local_address
from sync.server import admin
from sync.server.settings import LOG_FORMAT

log = logging.getLogger("sync.hub.serve")
DEFAULT_PORT = 8765


class HubStore(KeyedStore, SessionSource, Protocol):
    pass


@dataclass
class PreparedHub:
    engine: Engine
    place: HubPlace
    host: str
    port: int
    address: str  # what clerks' codes carry
    fingerprint: str
    password: bytes
    forms: list[str]


def prepare(store: HubStore, *, host: str, port: int, operator: str) -> PreparedHub:
    place = HubPlace.of(store.data_dir)
    engine = open_hub_database(store, create=True)
    forms = _publish_forms(engine, store, place)
    address = host if host not in ("0.0.0.0", "::", "") else local_address()
    password = tls_password(store)
    fingerprint = ensure_certificate(place, password, [address])
    place.write_config(
        {
            "address": address,
            "port": port,
            "fingerprint": fingerprint,
            "operator": operator,
            "pid": os.getpid(),
        }
    )
    return PreparedHub(engine, place, host, port, address, fingerprint, password, forms)


def _publish_forms(engine: Engine, store: SessionSource, place: HubPlace) -> list[str]:
    published: list[str] = []
    shipped = shipped_form_path()
    if shipped.is_file():
        info = admin.publish_form(engine, shipped)
        published.append(f"{info.form_id} {info.version}")
    for form in downloaded_forms(store):
        with tempfile.TemporaryDirectory(dir=place.folder) as folder:
            path = Path(folder) / f"{form.form_id}.xlsx"
            path.write_bytes(form.content)
            try:
                info = admin.publish_form(engine, path)
            except DeskError as exc:  # the same version under other content: the central server's wins
                log.warning(
                    "form %s %s not published on the hub: %s", form.form_id, form.version, exc.message
                )
                continue
        published.append(f"{info.form_id} {info.version}")
    return published


def make_server(
    hub: PreparedHub, *, on_started: Callable[[], None] | None = None, log_level: str = "warning"
) -> Any:
    """The uvicorn server for the hub (`.run()` serves; `.should_exit = True` stops it from elsewhere)."""
    import uvicorn

    from sync.server.app import create_app

    logging.basicConfig(level=log_level.upper(), format=LOG_FORMAT)
    config = uvicorn.Config(
        create_app(hub.engine),
        host=hub.host,
        port=hub.port,
        ssl_certfile=str(hub.place.certificate),
        ssl_keyfile=str(hub.place.private_key),
        ssl_keyfile_password=hub.password.decode("ascii"),
        log_level=log_level,
        timeout_keep_alive=30,
    )
    server = uvicorn.Server(config)
    if on_started is not None:
        original = server.startup

        async def startup(*args: Any, **kwargs: Any) -> None:
            await original(*args, **kwargs)
            on_started()

        server.startup = startup  # type: ignore[method-assign]
    return server


def run(
    hub: PreparedHub, *, on_started: Callable[[], None] | None = None, log_level: str = "warning"
) -> None:
    """Serve HTTPS until SIGTERM or Ctrl+C (uvicorn's own handlers stop it cleanly)."""
    server = make_server(hub, on_started=on_started, log_level=log_level)
    # uvicorn stops cleanly on SIGTERM, then raises the signal again with the handler found at start:
    # a quiet one here, so the hub exits 0 after its clean stop (and its caller's clean-up runs).
    if threading.current_thread() is not threading.main_thread():  # uvicorn installs no handlers there
        server.run()
        return
    previous = signal.signal(signal.SIGTERM, lambda *_: None)
    try:
        server.run()
    finally:
        signal.signal(signal.SIGTERM, previous)
