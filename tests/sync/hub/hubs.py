"""An event hub as the supervisor runs it: `diaspora-desk hub start` as a real process (HTTPS with its own
certificate), its codes from `diaspora-desk hub code`, and its status from `diaspora-desk hub status`."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from forms.store import Store
from sync.client.engine import SyncEngine
from sync.client.enrollment import enroll
from sync.client.state import DeviceState
from sync.client.transport import Transport
from sync.hub.background import BackgroundHub
from sync.hub.code import parse_hub_code
from sync.hub.serve import prepare
from tests.sync.client.helpers import OPERATOR, PASSPHRASE, add_records, new_store
from tests.sync.e2e.servers import ServerProcess, free_port


def desk(*args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DIASPORA_DEBUG"}
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli.main", *args],
        input=PASSPHRASE + "\n",
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )


def make_hub_laptop(data_dir: Path, central: ServerProcess) -> str:
    """A supervisor's store enrolled with the central server, holding its forms; returns the device id."""
    store = new_store(data_dir)
    try:
        device = enroll(store, server_url=central.url, code=central.enrollment_code("Hub laptop"))
        assert SyncEngine(store).run_once().ok  # fetches the central server's published forms
        return device.device_id
    finally:
        store.close()


class HubProcess:
    def __init__(self, data_dir: Path, *, announce: bool = False) -> None:
        self.data_dir = data_dir
        self.port = free_port()
        self.announce = announce
        self.process: subprocess.Popen[str] | None = None
        self.fingerprint = ""

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def start(self) -> None:
        command = [sys.executable, "-m", "desktop.cli.main", "hub", "start", "--data-dir", str(self.data_dir)]
        command += ["--operator", OPERATOR, "--host", "127.0.0.1", "--port", str(self.port)]
        if not self.announce:
            command.append("--no-announce")
        log = (self.data_dir.parent / f"hub-{self.port}.log").open("w")
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=log, stderr=subprocess.STDOUT, text=True
        )
        log.close()
        assert self.process.stdin is not None
        self.process.stdin.write(PASSPHRASE + "\n")
        self.process.stdin.close()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError("the hub exited: " + self.log_text())
            found = re.search(r"certificate SHA-256 ([0-9a-f]{64})", self.log_text())
            if found:
                self.fingerprint = found.group(1)
                with Transport(self.url, pinned_sha256=self.fingerprint, timeout=(2, 2)) as transport:
                    if transport.health():
                        return
            time.sleep(0.1)
        raise AssertionError("the hub did not start: " + self.log_text())

    def log_text(self) -> str:
        return (self.data_dir.parent / f"hub-{self.port}.log").read_text(errors="replace")

    def stop(self) -> int:
        if self.process is None or self.process.poll() is not None:
            return self.process.returncode if self.process else 0
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=20)

    def code(self, label: str) -> str:
        done = desk("hub", "code", "--data-dir", str(self.data_dir), "--operator", OPERATOR, "--label", label)
        assert done.returncode == 0, done.stderr
        line = next(x for x in done.stdout.splitlines() if x.startswith("diaspora-hub:1/"))
        return line

    def status(self) -> dict[str, object]:
        done = desk("hub", "status", "--data-dir", str(self.data_dir), "--operator", OPERATOR, "--json")
        assert done.returncode == 0, done.stderr
        return dict(json.loads(done.stdout))


def unlock(data_dir: Path) -> Store:
    return Store.unlock(data_dir, OPERATOR, PASSPHRASE)


@contextmanager
def hub_and_clerk(
    tmp_path: Path, central: ServerProcess
) -> Iterator[tuple[Store, BackgroundHub, Store, DeviceState]]:
    """A supervisor's laptop enrolled with the central server and running its hub, and a clerk's laptop
    enrolled with that hub ("Clerk A"): (hub store, hub, clerk store, the clerk's device on the hub)."""
    make_hub_laptop(tmp_path / "hub", central)  # downloads the central server's forms too
    hub_store = unlock(tmp_path / "hub")
    hub = BackgroundHub(
        prepare(hub_store, host="127.0.0.1", port=free_port(), operator=OPERATOR), announce_it=False
    )
    assert hub.start(), hub.error
    clerk = new_store(tmp_path / "clerk")
    try:
        code = parse_hub_code(hub.new_code("Clerk A"))
        device = enroll(clerk, server_url=code.server_url, pinned_sha256=code.fingerprint, code=code.code)
        yield hub_store, hub, clerk, device
    finally:
        clerk.close()
        hub.stop()
        hub_store.close()


@dataclass
class Event:
    """A hub running on a supervisor's laptop with two clerks enrolled and synced (the event fixture)."""

    store: Store
    hub: BackgroundHub
    clerks: dict[str, str]  # label -> the clerk's device id on the hub


def enrolled_clerk(hub: BackgroundHub, folder: Path, label: str, count: int, start: int) -> str:
    """A clerk laptop enrolled on the hub with `count` records synced to it; returns its device id."""
    code = parse_hub_code(hub.new_code(label))
    clerk = new_store(folder)
    try:
        device = enroll(clerk, server_url=code.server_url, pinned_sha256=code.fingerprint, code=code.code)
        add_records(clerk, count, start=start)
        assert SyncEngine(clerk, fetch_forms=False).run_once().ok
        return device.device_id
    finally:
        clerk.close()
