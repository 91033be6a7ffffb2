"""The hub served from a thread of a running program (the desktop's "Host this event" window): start,
announce, hand out codes, read the status, stop. Qt-free; `diaspora-desk hub start` runs in the
foreground instead."""

from __future__ import annotations

import threading
from typing import Any

from sync.hub.code import HubCode
from sync.hub.discovery import announce
from sync.hub.serve import PreparedHub, make_server
from sync.hub.status import hub_status
from sync.server import admin

DEFAULT_CODE_HOURS = 12.0


class BackgroundHub:
    def __init__(self, hub: PreparedHub, *, announce_it: bool = True) -> None:
        self.hub = hub
        self._announce = announce_it
        self._started = threading.Event()
        self._server = make_server(hub, on_started=self._started.set)
        self._thread = threading.Thread(target=self._serve, name="event-hub", daemon=True)
        self.error: str | None = None

    def _serve(self) -> None:
        try:
            if self._announce:
                with announce(self.hub.address, self.hub.port, self.hub.fingerprint):
                    self._server.run()
            else:
                self._server.run()
        except (OSError, SystemExit) as exc:  # uvicorn exits when the port is taken
            self.error = f"The hub could not listen on port {self.hub.port} ({type(exc).__name__})."
        finally:
            self._started.set()

    def start(self, timeout: float = 30.0) -> bool:
        """True once the hub answers; False (see `error`) if it could not start."""
        self._thread.start()
        self._started.wait(timeout)
        if not self._server.started and self.error is None:
            self.error = f"The hub could not listen on port {self.hub.port}."
        return self.error is None

    @property
    def url(self) -> str:
        return f"https://{self.hub.address}:{self.hub.port}"

    def new_code(self, label: str, hours: float = DEFAULT_CODE_HOURS) -> str:
        code, _expires = admin.create_enrollment_code(self.hub.engine, label, hours)
        return HubCode(self.hub.address, self.hub.port, self.hub.fingerprint, code).text()

    def status(self) -> dict[str, Any]:
        return hub_status(self.hub.engine, self.hub.place)

    def stop(self) -> None:
        self._server.should_exit = True
        if self._thread.is_alive():
            self._thread.join(timeout=15)
        self.hub.engine.dispose()
