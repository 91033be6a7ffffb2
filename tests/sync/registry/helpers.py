"""A registry client over real HTTP (cookies kept by hand: the session cookie is Secure, and the
test server speaks plain HTTP on loopback), staff accounts, and registrations sent by a real device."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from typing import Any

import requests

from forms.demo_data import demo_registrations
from sync import protocol as p
from sync.server import admin
from sync.server.db import session_factory, transaction
from sync.server.registry import accounts
from tests.sync.server.helpers import EnrolledDevice, RunningServer

PASSWORD = "plum ledger orbit 42 canoe"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def add_account(server: RunningServer, username: str, role: str, language: str = "en") -> None:
    with server.engine() as engine, transaction(session_factory(engine)) as session:
        if accounts.find(session, username) is None:
            accounts.add(session, username, role, PASSWORD, language)


def cli(
    server: RunningServer, *args: str, stdin: str = "", check: bool = True
) -> subprocess.CompletedProcess[str]:
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "sync.server.cli", *args, "--data-dir", str(server.data_dir)],
        env=server.env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if check and done.returncode != 0:
        raise AssertionError(f"diaspora-server {' '.join(args)} failed: {done.stderr}")
    return done


@dataclass
class Browser:
    """What a browser does with cookies, over requests: keeps each Set-Cookie and sends them back."""

    base_url: str
    cookies: dict[str, str] = field(default_factory=dict)

    def _keep(self, answer: requests.Response) -> None:
        for cookie in answer.raw.headers.getlist("Set-Cookie") if answer.raw is not None else []:
            name, _, rest = cookie.partition("=")
            value = rest.split(";", 1)[0]
            if "max-age=0" in cookie.lower() or value in ("", '""'):
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value

    def _headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        headers = dict(extra or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        return headers

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        answer = requests.get(
            self.base_url + path,
            headers=self._headers(kwargs.pop("headers", None)),
            allow_redirects=False,
            timeout=60,
            **kwargs,
        )
        self._keep(answer)
        return answer

    def post(self, path: str, data: dict[str, str]) -> requests.Response:
        answer = requests.post(
            self.base_url + path, data=data, headers=self._headers(), allow_redirects=False, timeout=60
        )
        self._keep(answer)
        return answer

    def csrf(self, path: str) -> str:
        match = CSRF.search(self.get(path).text)
        assert match, f"no CSRF token on {path}"
        return match.group(1)

    def login(self, username: str, password: str = PASSWORD) -> requests.Response:
        token = self.csrf("/login")
        return self.post(
            "/login", {"username": username, "password": password, "csrf_token": token, "next": "/dashboard"}
        )


def logged_in(server: RunningServer, username: str, role: str, language: str = "en") -> Browser:
    add_account(server, username, role, language)
    browser = Browser(server.base_url)
    answer = browser.login(username)
    assert answer.status_code == 303, answer.text[:500]
    return browser


def send_registrations(
    server: RunningServer, count: int, seed: int = 7, label: str = "Laptop 1"
) -> list[str]:
    """Demo registrations of the shipped form sent by one enrolled device; returns their record ids."""
    from forms.engine import load_form, shipped_form_path

    form = load_form(shipped_form_path())
    with server.engine() as engine:
        admin.publish_form(engine, shipped_form_path())
    device = EnrolledDevice.enroll(server, label)
    records = []
    for answers in demo_registrations(count, seed=seed):
        record = device.record(answers)
        records.append(
            p.WireRecord(
                record_id=record.record_id,
                version_id=record.version_id,
                sequence=record.sequence,
                form_id=form.form_id,
                form_version=form.version,
                answers=answers,
                replaces=None,
                deleted=False,
                created_at=record.created_at,
            )
        )
    for start in range(0, len(records), 200):
        answer = device.send(records[start : start + 200])
        assert all(r.status == "accepted" for r in answer.results), [
            r for r in answer.results if r.status != "accepted"
        ][:2]
    return [r.record_id for r in records]
