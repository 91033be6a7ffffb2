"""The registrars' review queue (/review) over real HTTP: signed-in registrars see pending OpenRosa
submissions and accept or reject them (CSRF-checked, audited); analysts and strangers do not."""

from __future__ import annotations

import json

from sync.server.db import session_factory, transaction
from sync.server.registry import accounts
from tests.sync.e2e.servers import ServerProcess
from tests.sync.openrosa.helpers import instance_xml, new_id, submit
from tests.sync.openrosa.server_records import record_of
from tests.sync.registry.helpers import CSRF, PASSWORD, Browser


def signed_in(server: ServerProcess, username: str, role: str, language: str = "en") -> Browser:
    with server.engine() as engine, transaction(session_factory(engine)) as session:
        if accounts.find(session, username) is None:
            accounts.add(session, username, role, PASSWORD, language)
    browser = Browser(server.url)
    assert browser.login(username).status_code == 303
    return browser


def test_registrar_accepts_from_the_queue(server: ServerProcess, app_user: tuple[str, str]) -> None:
    _, token = app_user
    instance = new_id()
    assert submit(server.url, token, instance_xml(instance)).status_code == 201
    record_id, _, _ = record_of(server, instance)

    assert Browser(server.url).get("/review").status_code == 303  # to the login page
    analyst = signed_in(server, "ana", "analyst")
    assert analyst.get("/review").status_code == 403

    registrar = signed_in(server, "rita", "registrar", "fr")
    page = registrar.get("/review")
    assert page.status_code == 200 and record_id in page.text and "Soumissions à examiner" in page.text
    match = CSRF.search(page.text)
    assert match
    forged = registrar.post(f"/review/{record_id}", {"decision": "accept", "csrf_token": "wrong"})
    assert forged.status_code == 403
    done = registrar.post(f"/review/{record_id}", {"decision": "accept", "csrf_token": match.group(1)})
    assert done.status_code == 303
    after = registrar.get("/review?done=accept")
    assert record_id not in after.text and "Acceptée." in after.text
    accepted = json.loads(server.cli("submissions", "list", "--status", "accepted", "--json"))
    assert any(item["record_id"] == record_id and item["decided_by"] == "rita" for item in accepted)
