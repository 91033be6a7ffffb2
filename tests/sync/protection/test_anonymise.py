"""Anonymising instead of erasing, end to end: a real `diaspora-server serve` (SQLite, SQLCipher) and a real
laptop over HTTP. Retention with --anonymise keeps every figure of the registry's dashboard as it was
while the canary identity leaves every decrypted page and raw byte of the server's folder, the
laptop's copy is erased at its next sync, and a later full erasure still works."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from forms.store import search
from sync.server import admin
from sync.server.db import session_factory
from sync.server.models import RecordRow
from sync.server.protection.anonymise import KEPT_ANSWERS
from tests.sync.e2e.servers import ServerProcess, running_server
from tests.sync.protection.laptops import FORM, _laptop, _person, _register, _server_scan, _sync
from tests.sync.registry.helpers import Browser, add_account


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    from forms.engine import shipped_form_path

    folder = tmp_path_factory.mktemp("anonymise") / "server"
    with running_server(folder) as running:
        with running.engine() as engine:
            admin.publish_form(engine, shipped_form_path())
        running.base_url = running.url  # type: ignore[attr-defined]  # the registry helpers' name for it
        add_account(running, "anon-registrar", "registrar")  # type: ignore[arg-type]
        yield running


def _figures(browser: Browser) -> dict[str, object]:
    answer = browser.get("/api/v1/registry/summary")
    assert answer.status_code == 200
    return dict(answer.json())


def test_retention_anonymises_keeping_every_figure_and_no_trace_of_the_person(
    server: ServerProcess, tmp_path: Path
) -> None:
    canaries = ["Zorvilquent", "Plimbardeau", "ZP6620417"]
    laptop = _laptop(tmp_path / "laptop", server)
    try:
        old_id, kept_id = _register(
            laptop, _person(91, *canaries), _person(92, "Amina", "Recentova", "AR1100002")
        )
        _sync(laptop, server)
        with server.engine() as engine, session_factory(engine).begin() as session:
            old = session.get(RecordRow, old_id)
            assert old is not None
            old.created_at = old.created_at.replace(year=old.created_at.year - 3)
        browser = Browser(server.url)
        assert browser.login("anon-registrar").status_code == 303
        before = _figures(browser)
        pages, _raw = _server_scan(server, canaries)
        assert all(n > 0 for n in pages.values()), pages  # the control: the scan finds them when present
        assert search.count(laptop, "plimbardeau") == 1

        server.cli("retention", "set", "--form", FORM.form_id, "--years", "2")
        done = server.cli("retention", "run", "--anonymise")
        assert "Retention run: 1 records anonymised." in done

        assert _figures(browser) == before  # every count of the dashboard as it was
        scanned = _server_scan(server, canaries)
        print(f"\nafter anonymising: decrypted server pages, raw bytes of the folder and log: {scanned}")
        assert scanned == (dict.fromkeys(canaries, 0), dict.fromkeys(canaries, 0))
        page = browser.get(f"/people/{old_id}")
        assert page.status_code == 200 and not any(c.lower() in page.text.lower() for c in canaries)
        assert old_id not in browser.get("/people", params={"q": "plimbardeau"}).text

        out = tmp_path / "access.json"
        server.cli("person", "export", "--record", old_id, "--out", str(out))
        document = json.loads(out.read_text(encoding="utf-8"))
        assert set(document["current_answers"]) <= {*KEPT_ANSWERS, "meta"}
        assert document["current_answers"].get("residence_country") == _person(91, *canaries).get(
            "residence_country"
        )
        assert len(document["versions"]) == 1

        report = _sync(laptop, server)  # the laptop holding the record erases its copy
        assert report.erased_by_server == 1
        assert search.count(laptop, "plimbardeau") == 0 and search.count(laptop, "recentova") == 1
        again = server.cli("retention", "run", "--anonymise")
        assert "Retention run: 0 records anonymised." in again  # never anonymised twice

        server.cli("person", "erase", "--record", old_id, "--reason", "subject_request")
        after = _figures(browser)
        assert after["total"] == before["total"] - 1  # a full erasure takes the figures out too
        with server.engine() as engine, session_factory(engine)() as session:
            assert session.get(RecordRow, old_id) is None and session.get(RecordRow, kept_id) is not None
    finally:
        laptop.close()


def test_a_bad_retention_mode_is_one_sentence(server: ServerProcess) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "sync.server.cli", "retention", "run", "--data-dir", str(server.data_dir)],
        env={**server.env, "DIASPORA_SERVER_RETENTION": "shred"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr.strip() == "DIASPORA_SERVER_RETENTION is 'erase' or 'anonymise', not 'shred'."


def test_the_registry_erase_page_offers_to_anonymise_instead(server: ServerProcess, tmp_path: Path) -> None:
    from tests.sync.registry.helpers import CSRF

    laptop = _laptop(tmp_path / "laptop", server)
    try:
        (record_id,) = _register(laptop, _person(93, "Quillonette", "Webanonova", "QW5500931"))
        _sync(laptop, server)
    finally:
        laptop.close()
    browser = Browser(server.url)
    assert browser.login("anon-registrar").status_code == 303
    before = _figures(browser)
    form = browser.get(f"/people/{record_id}/erase").text
    assert f'formaction="/people/{record_id}/anonymise"' in form and "Anonymise instead" in form
    token = CSRF.search(form).group(1)  # type: ignore[union-attr]
    refused = browser.post(
        f"/people/{record_id}/anonymise", {"reason": "consent_withdrawn", "csrf_token": "x"}
    )
    assert refused.status_code == 403
    done = browser.post(
        f"/people/{record_id}/anonymise", {"reason": "consent_withdrawn", "csrf_token": token}
    )
    assert done.status_code == 200 and "anonymised" in done.text
    assert _figures(browser) == before
    page = browser.get(f"/people/{record_id}").text
    assert "Webanonova" not in page and "Quillonette" not in page
    twice = browser.post(
        f"/people/{record_id}/anonymise", {"reason": "consent_withdrawn", "csrf_token": token}
    )
    assert twice.status_code == 400 and "already erased or anonymised" in twice.text
