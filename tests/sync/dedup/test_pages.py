"""The registry's adjudication pages over real HTTP: /duplicates and /duplicates/PAIR.

Sign-in and roles (no session -> login, analyst refused), CSRF, the side-by-side page with the form's
labels and differences marked, "same person" with a chosen surviving value (the export holds one row
with that value) and "different people" (never listed again). SQLite and PostgreSQL.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from forms.store.kdf import TEST_FAST_ENV
from sync import protocol as p
from sync.server.db import session_factory
from sync.server.registry import audit
from tests.sync.dedup.people import people, retyped, wire
from tests.sync.registry.helpers import PASSWORD, Browser, add_account, logged_in
from tests.sync.server.helpers import EnrolledDevice, RunningServer

os.environ.setdefault(TEST_FAST_ENV, "1")  # 8 MiB Argon2 for staff passwords in tests only


def _one_pair(server: RunningServer, seed: int) -> tuple[dict[str, Any], str, str]:
    """One person typed on laptop A, then retyped on laptop B: one open pair (its JSON, both ids)."""
    laptop_a, laptop_b = EnrolledDevice.enroll(server, "Laptop A"), EnrolledDevice.enroll(server, "Laptop B")
    person = people(1, seed)[0]
    first, second = wire(person, 1), wire(retyped(person), 1)
    for device, record in ((laptop_a, first), (laptop_b, second)):
        answer = device.send([record])
        assert {r.status for r in answer.results} == {p.STATUS_ACCEPTED}, answer
    return _pair_of(server, first.record_id, second.record_id), first.record_id, second.record_id


def _pair_of(server: RunningServer, first: str, second: str) -> dict[str, Any]:
    """The pair of exactly these two records (other demo people may pair with either of them)."""
    both = {first, second}
    (pair,) = [pair for pair in _pairs(server, first) if {pair["record_a"], pair["record_b"]} == both]
    return pair


def _pairs(server: RunningServer, *records: str, status: str = "all") -> list[dict[str, Any]]:
    listed = json.loads(server.cli("duplicates", "list", "--json", "--status", status).stdout)
    return [pair for pair in listed if {pair["record_a"], pair["record_b"]} & set(records)]


def _export_rows(server: RunningServer, out: Path, *records: str) -> list[dict[str, str]]:
    server.cli("export", "--all", "--format", "csv", "--form", "diaspora_registration", "--out", str(out))
    with out.open(encoding="utf-8-sig", newline="") as handle:
        return [row for row in csv.DictReader(handle) if row["_uuid"] in records]


def _column(row: dict[str, str], name: str) -> str:
    return next(value for key, value in row.items() if key == name or key.endswith(f"/{name}"))


def _csrf(page: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert match
    return match.group(1)


def _audit_actions(server: RunningServer) -> list[tuple[str, str, str]]:
    with server.engine() as engine, session_factory(engine)() as session:
        return [(e.action, e.target, json.dumps(e.details)) for e in audit.entries(session, limit=50)]


def test_without_a_session_the_pages_send_to_login_and_decide_nothing(dedup_sqlite: RunningServer) -> None:
    browser = Browser(dedup_sqlite.base_url)
    answer = browser.get("/duplicates?page=2")
    assert answer.status_code == 303
    assert answer.headers["location"] == "/login?next=%2Fduplicates%3Fpage%3D2"
    assert browser.get("/duplicates/1").status_code == 303
    assert browser.post("/duplicates/1", {"decision": "different"}).status_code == 303


def test_an_analyst_is_refused(dedup_sqlite: RunningServer) -> None:
    pair, _, _ = _one_pair(dedup_sqlite, seed=301)
    analyst = logged_in(dedup_sqlite, "ana", "analyst")
    for path in ("/duplicates", f"/duplicates/{pair['pair']}"):
        answer = analyst.get(path)
        assert answer.status_code == 403 and "Your role does not open this page" in answer.text
    csrf = _csrf(analyst.get("/account").text)
    refused = analyst.post(f"/duplicates/{pair['pair']}", {"csrf_token": csrf, "decision": "different"})
    assert refused.status_code == 403
    assert _pair_of(dedup_sqlite, pair["record_a"], pair["record_b"])["status"] == "open"
    assert 'href="/duplicates"' not in analyst.get("/dashboard").text  # no link in the navigation


def test_a_decision_without_the_csrf_token_is_refused(dedup_sqlite: RunningServer) -> None:
    pair, _, _ = _one_pair(dedup_sqlite, seed=302)
    registrar = logged_in(dedup_sqlite, "reg-csrf", "registrar")
    for data in ({"decision": "same"}, {"decision": "same", "csrf_token": "forged"}):
        answer = registrar.post(f"/duplicates/{pair['pair']}", data)
        assert answer.status_code == 403 and "anti-forgery token" in answer.text
    assert _pair_of(dedup_sqlite, pair["record_a"], pair["record_b"])["status"] == "open"


def test_same_person_with_a_chosen_value_gives_one_export_row(
    dedup_server: RunningServer, tmp_path: Path
) -> None:
    pair, first, second = _one_pair(dedup_server, seed=303)
    registrar = logged_in(dedup_server, "reg-same", "registrar", "fr")
    listing = registrar.get("/duplicates")
    assert listing.status_code == 200 and 'href="/duplicates"' in listing.text  # the navigation link
    assert f'href="/duplicates/{pair["pair"]}"' in listing.text and "Doublons possibles" in listing.text

    page = registrar.get(f"/duplicates/{pair['pair']}")
    assert page.status_code == 200
    assert page.headers["Content-Security-Policy"].startswith("default-src 'self'")
    assert "<script" not in page.text
    # The form's own labels (French), the given names differ (marked) and the newest is chosen by default.
    given = re.search(r'<tr class="differs" data-field="given_name">(.*?)</tr>', page.text, re.S)
    assert given, "the given names differ and are marked"
    assert "Prénom" in given.group(1) or "prénom" in given.group(1).lower()
    checked = re.findall(r'name="keep_given_name" value="([^"]+)" ?checked', given.group(1))
    assert checked == [second]  # laptop B's record was received last
    assert ("view_duplicate", f"pair {pair['pair']}") in [a[:2] for a in _audit_actions(dedup_server)]

    csrf = _csrf(page.text)
    done = registrar.post(
        f"/duplicates/{pair['pair']}",
        {"csrf_token": csrf, "decision": "same", "keep_given_name": first},
    )
    assert done.status_code == 303 and done.headers["location"] == "/duplicates?done=same"
    assert "Reliées comme une seule personne." in registrar.get("/duplicates?done=same").text
    rows = _export_rows(dedup_server, tmp_path / "out.csv", first, second)
    assert len(rows) == 1
    assert set(_column(rows[0], "_merged_records").split()) == {first, second}
    assert _column(rows[0], "given_name") == people(1, 303)[0]["given_name"]  # the chosen, older value
    _action, target, details = next(a for a in _audit_actions(dedup_server) if a[0] == "dedup_same")
    assert target == f"pair {pair['pair']}" and set(json.loads(details)) == {"record_a", "record_b"}

    again = registrar.post(f"/duplicates/{pair['pair']}", {"csrf_token": csrf, "decision": "different"})
    assert again.status_code == 409 and "already decided" in again.text


def test_different_people_are_never_listed_again(dedup_server: RunningServer) -> None:
    pair, first, second = _one_pair(dedup_server, seed=304)
    registrar = logged_in(dedup_server, "reg-diff", "registrar", "pt")
    page = registrar.get(f"/duplicates/{pair['pair']}")
    assert "Pessoas diferentes" in page.text
    done = registrar.post(
        f"/duplicates/{pair['pair']}", {"csrf_token": _csrf(page.text), "decision": "different"}
    )
    assert done.status_code == 303
    assert f'href="/duplicates/{pair["pair"]}"' not in registrar.get("/duplicates").text
    assert _pair_of(dedup_server, first, second)["status"] == "different"
    assert pair["pair"] not in [p["pair"] for p in _pairs(dedup_server, first, status="open")]


def test_an_unknown_pair_is_one_sentence(dedup_sqlite: RunningServer) -> None:
    registrar = logged_in(dedup_sqlite, "reg-404", "registrar")
    for path in ("/duplicates/999999", "/duplicates/abc", "/duplicates?page=x"):
        answer = registrar.get(path)
        assert answer.status_code in (200, 404), path
    assert "There is no such pair" in registrar.get("/duplicates/999999").text


def test_a_registrar_decides_in_chromium(dedup_sqlite: RunningServer) -> None:
    """The pages in a real headless Chromium without JavaScript: open the queue, the pair, decide same.
    The screenshot goes to docs/screenshots/registry-duplicates.png under `make screenshots`."""
    from tests.sync.registry.browser_setup import CHROMIUM_ARGS, SCREENSHOTS

    playwright_api = pytest.importorskip("playwright.sync_api")
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Debian's chromium package is not installed (apt-get install -y chromium)")
    pair, first, second = _one_pair(dedup_sqlite, seed=305)
    add_account(dedup_sqlite, "reg-browser", "registrar")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(
                base_url=dedup_sqlite.base_url.replace("127.0.0.1", "localhost"),
                viewport={"width": 1280, "height": 900},
                java_script_enabled=False,
            )
            page = context.new_page()
            page.goto("/duplicates")
            page.fill("#username", "reg-browser")
            page.fill("#password", PASSWORD)
            page.click("button[type=submit]")
            assert page.url.endswith("/duplicates")
            page.click(f'a[href="/duplicates/{pair["pair"]}"]')
            assert page.locator("tr.differs").count() >= 2
            page.screenshot(path=str(SCREENSHOTS / "registry-duplicates.png"), full_page=True)
            page.click("#decide-same")
            assert page.locator("#duplicates-done").inner_text() == "Linked as one person."
        finally:
            browser.close()
    assert _pair_of(dedup_sqlite, first, second)["status"] == "same"
