"""Correction (rectification) on the registry, end to end: a real `diaspora-server serve` (SQLite), a real
laptop over HTTP, a registrar's browser session (cookies, CSRF). The correction is a new version in the
record's chain, checked against the form's rules, audited without values; the laptop's later edit of
the old version is kept as a conflict, never an overwrite."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from forms.store import records
from sync.server import admin
from sync.server.db import session_factory
from sync.server.models import ConflictRow, RecordRow, RegistryAuditRow
from tests.sync.e2e.servers import ServerProcess, running_server
from tests.sync.protection.laptops import FORM, _laptop, _person, _register, _sync
from tests.sync.registry.helpers import CSRF, Browser, add_account


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    from forms.engine import shipped_form_path

    folder = tmp_path_factory.mktemp("correction") / "server"
    with running_server(folder) as running:
        with running.engine() as engine:
            admin.publish_form(engine, shipped_form_path())
        running.base_url = running.url  # type: ignore[attr-defined]  # the registry helpers' name for it
        add_account(running, "fix-registrar", "registrar")  # type: ignore[arg-type]
        add_account(running, "fix-analyst", "analyst")  # type: ignore[arg-type]
        yield running


def _form_values(page: str) -> dict[str, str]:
    """What the browser would send back: every q_ input's value and every q_ select's chosen option."""
    values = {
        name: html.unescape(value) for name, value in re.findall(r'name="(q_[^"]+)" value="([^"]*)"', page)
    }
    for name, body in re.findall(r'<select id="q_[^"]+" name="(q_[^"]+)">(.*?)</select>', page, re.S):
        chosen = re.search(r'<option value="([^"]*)" selected>', body)
        values[name] = html.unescape(chosen.group(1)) if chosen else ""
    return values


def test_a_registrar_corrects_a_record_as_a_new_audited_version(
    server: ServerProcess, tmp_path: Path
) -> None:
    laptop = _laptop(tmp_path / "laptop", server)
    try:
        (record_id,) = _register(laptop, _person(81, "Idalina", "Wrongspelt", "IW7700123"))
        _sync(laptop, server)

        browser = Browser(server.url)
        assert browser.login("fix-registrar").status_code == 303
        assert f"/people/{record_id}/correct" in browser.get(f"/people/{record_id}").text
        page = browser.get(f"/people/{record_id}/correct")
        assert page.status_code == 200
        values = _form_values(page.text)
        assert values["q_family_name"] == "Wrongspelt" and "q_residence_city" in values
        token = CSRF.search(page.text).group(1)  # type: ignore[union-attr]

        refused = browser.post(
            f"/people/{record_id}/correct",
            {**values, "q_family_name": "X", "reason": "other", "csrf_token": "x"},
        )
        assert refused.status_code == 403
        broken = browser.post(
            f"/people/{record_id}/correct",
            {
                **values,
                "q_family_name": "",
                "q_residence_city": "Braga",
                "reason": "subject_request",
                "csrf_token": token,
            },
        )
        assert broken.status_code == 400 and "family_name (required)" in html.unescape(broken.text)
        assert 'value="Braga"' in broken.text  # what was typed stays in the form
        assert "Traceback" not in broken.text
        unchanged = browser.post(
            f"/people/{record_id}/correct", {**values, "reason": "subject_request", "csrf_token": token}
        )
        assert unchanged.status_code == 400 and "Nothing was changed" in unchanged.text

        done = browser.post(
            f"/people/{record_id}/correct",
            {
                **values,
                "q_family_name": "Rightspelt",
                "q_residence_city": "Braga",
                "reason": "subject_request",
                "csrf_token": token,
            },
        )
        assert done.status_code == 200, done.text[:300]
        person = browser.get(f"/people/{record_id}").text
        assert "Rightspelt" in person and "Braga" in person
        found = browser.get("/people", params={"q": "rightspelt"}).text
        assert record_id in found  # the registry's index followed the new head

        analyst = Browser(server.url)
        assert analyst.login("fix-analyst").status_code == 303
        assert analyst.get(f"/people/{record_id}/correct").status_code == 403

        out = tmp_path / "access.json"
        server.cli("person", "export", "--record", record_id, "--out", str(out))
        document = json.loads(out.read_text(encoding="utf-8"))
        first, second = document["versions"]
        assert second["replaces"] == first["version_id"]
        assert second["operator"] == "fix-registrar" and second["laptop"] == "registry"
        assert second["answers"]["family_name"] == "Rightspelt"
        assert second["answers"]["meta"]["deprecatedID"] == f"uuid:{first['version_id']}"
        assert document["current_answers"]["residence_city"] == "Braga"
        with server.engine() as engine, session_factory(engine)() as session:
            entry = session.scalars(
                select(RegistryAuditRow).where(
                    RegistryAuditRow.action == "record_corrected", RegistryAuditRow.target == record_id
                )
            ).one()
            details = json.loads(entry.details_json)
            assert entry.actor == "fix-registrar"
            assert details["fields"] == "family_name residence_city" and details["changed"] == 2
            assert details["reason"] == "subject_request"
            assert "Rightspelt" not in entry.details_json and "Braga" not in entry.details_json

        # The laptop still holds the old version: its edit is kept as a conflict, the correction stays.
        current = records.latest_version(laptop, record_id)
        edited = dict(current.answers, residence_region="Norte")
        records.save_record(
            laptop, current.batch_id, FORM.form_id, FORM.version, edited, draft=False, record_id=record_id
        )
        SyncEngine = __import__("sync.client.engine", fromlist=["SyncEngine"]).SyncEngine
        SyncEngine(laptop, server_url=server.url, fetch_forms=False).run_once()
        with server.engine() as engine, session_factory(engine)() as session:
            record = session.get(RecordRow, record_id)
            assert record is not None and record.head_version_id == second["version_id"]
            reasons = session.scalars(
                select(ConflictRow.reason).where(ConflictRow.record_id == record_id)
            ).all()
        assert reasons == ["stale_edit"]
    finally:
        laptop.close()
