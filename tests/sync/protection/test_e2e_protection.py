"""Data protection end to end: real `diaspora-server serve` (SQLite, SQLCipher), real laptops' stores,
real HTTP. Canary values are registered, synced, erased; then every byte of the server's data folder
and log, every decrypted page of its database and WAL, its export, and the laptops' exports and
searches are searched for them. Each scan is first run where the canaries are, so it can fail.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from forms.engine import shipped_form_path
from forms.store import records, search
from forms.store.retention import persons_kept, set_purge_days
from sync.server import admin
from sync.server.db import session_factory
from sync.server.models import RecordRow, RegistryAuditRow
from sync.server.protection.models import ErasureRow
from tests.sync.client.helpers import OPERATOR, PASSPHRASE, new_store
from tests.sync.e2e.servers import ServerProcess, running_server
from tests.sync.protection.laptops import FORM, _laptop, _person, _register, _server_scan, _sync
from tests.sync.protection.pages import hits
from tests.sync.registry.helpers import CSRF, Browser, add_account


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    folder = tmp_path_factory.mktemp("protection") / "server"
    with running_server(folder) as running:
        with running.engine() as engine:
            admin.publish_form(engine, shipped_form_path())
        yield running


def _server_export(server: ServerProcess, out: Path) -> str:
    server.cli("export", "--all", "--format", "csv", "--form", FORM.form_id, "--out", str(out))
    return "\n".join(p.read_text(encoding="utf-8") for p in out.parent.glob(out.stem + "*.csv")).lower()


def _desk(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop.cli.main",
            *args,
            "--data-dir",
            str(data_dir),
            "--operator",
            OPERATOR,
        ],
        input=PASSPHRASE + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ.copy(),
    )


def _desk_export(data_dir: Path, out: Path) -> str:
    done = _desk(data_dir, "export", "--all", "--format", "csv", "--out", str(out))
    assert done.returncode == 0, done.stderr
    return "\n".join(p.read_text(encoding="utf-8") for p in out.parent.glob(out.stem + "*.csv")).lower()


def test_erased_on_the_desk_the_server_keeps_no_trace(server: ServerProcess, tmp_path: Path) -> None:
    canaries = ["Quorvanthe", "Zibblesnork", "QZ7719046"]
    laptop = _laptop(tmp_path / "laptop", server)
    try:
        other = _person(11, "Amina", "Diallo", "AD5550001")
        erased_id, kept_id = _register(laptop, _person(12, *canaries), other)
        _sync(laptop, server)
        # The controls: the canaries are in the server's decrypted pages and export, the laptop's search.
        pages, raw = _server_scan(server, canaries)
        assert all(n > 0 for n in pages.values()), pages
        print(f"\nbefore erasure: decrypted server pages holding each canary {pages}, raw bytes {raw}")
        assert all(canary.lower() in _server_export(server, tmp_path / "before.csv") for canary in canaries)
        assert search.count(laptop, "zibblesnork") == 1

        done = _desk(tmp_path / "laptop", "erase", "--record", erased_id, "--reason", "consent_withdrawn")
        assert done.returncode == 0, done.stderr
        assert "tombstone" in done.stdout
        _sync(laptop, server)

        scanned = _server_scan(server, canaries)
        print(f"after erasure: decrypted server pages, raw bytes of the folder and log: {scanned}")
        assert scanned == (dict.fromkeys(canaries, 0), dict.fromkeys(canaries, 0))
        after = _server_export(server, tmp_path / "after.csv")
        assert not any(canary.lower() in after for canary in canaries)
        assert "diallo" in after  # the export itself works
        assert search.count(laptop, "zibblesnork") == 0 and search.count(laptop, "qz7719046") == 0
        assert not any(
            c.lower() in _desk_export(tmp_path / "laptop", tmp_path / "desk.csv") for c in canaries
        )
        with server.engine() as engine, session_factory(engine)() as session:
            assert session.get(RecordRow, erased_id) is None and session.get(RecordRow, kept_id) is not None
            erasure = session.scalars(select(ErasureRow).where(ErasureRow.record_id == erased_id)).one()
            assert erasure.source == "desk" and erasure.reason == "consent_withdrawn"
            entry = session.scalars(
                select(RegistryAuditRow).where(
                    RegistryAuditRow.action == "record_erased", RegistryAuditRow.target == erased_id
                )
            ).one()
            assert json.loads(entry.details_json)["reason"] == "consent_withdrawn"
        with laptop.session() as session:  # the server's notice of its own erasure took the husk too
            left = session.execute(
                text("SELECT count(*) FROM records WHERE record_id = :r"), {"r": erased_id}
            )
            assert left.scalar() == 0
    finally:
        laptop.close()


def test_erased_on_the_registry_the_laptop_holding_it_erases_it_at_its_next_sync(
    server: ServerProcess, tmp_path: Path
) -> None:
    canaries = ["Mervolquine", "Trastabond", "MT4410983"]
    laptop = _laptop(tmp_path / "laptop", server)
    try:
        (record_id,) = _register(laptop, _person(21, *canaries))
        _sync(laptop, server)
        assert all(c.lower() in _desk_export(tmp_path / "laptop", tmp_path / "before.csv") for c in canaries)

        add_account_for(server)
        browser = Browser(server.url)
        assert browser.login("dpo-registrar").status_code == 303
        person_page = browser.get(f"/people/{record_id}")
        total_before = browser.get("/api/v1/registry/summary").json()["total"]
        assert f"/people/{record_id}/erase" in person_page.text
        form = browser.get(f"/people/{record_id}/erase")
        match = CSRF.search(form.text)
        assert match
        refused = browser.post(
            f"/people/{record_id}/erase", {"reason": "consent_withdrawn", "csrf_token": "x"}
        )
        assert refused.status_code == 403
        done = browser.post(
            f"/people/{record_id}/erase", {"reason": "consent_withdrawn", "csrf_token": match.group(1)}
        )
        assert done.status_code == 200, done.text[:300]
        assert browser.get(f"/people/{record_id}").status_code == 404
        assert (
            browser.get("/api/v1/registry/summary").json()["total"] == total_before - 1
        )  # counts kept right
        assert _server_scan(server, canaries) == (dict.fromkeys(canaries, 0), dict.fromkeys(canaries, 0))

        report = _sync(laptop, server)
        assert report.erased_by_server == 1
        assert search.count(laptop, "trastabond") == 0
        assert not any(
            c.lower() in _desk_export(tmp_path / "laptop", tmp_path / "after.csv") for c in canaries
        )
        store_key = laptop._data_key()
        assert hits(tmp_path / "laptop" / "store.db", store_key, canaries) == dict.fromkeys(canaries, 0)
    finally:
        laptop.close()


def add_account_for(server: ServerProcess) -> None:
    server.base_url = server.url  # type: ignore[attr-defined]  # the registry helpers' name for it
    add_account(server, "dpo-registrar", "registrar")  # type: ignore[arg-type]


def test_purge_after_zero_days_keeps_no_person_on_the_laptop_and_all_on_the_server(
    server: ServerProcess, tmp_path: Path
) -> None:
    laptop = _laptop(tmp_path / "laptop", server)
    try:
        set_purge_days(laptop, 0)
        ids = _register(
            laptop, *(_person(30 + n, f"Given{n}", f"Purgeson{n}", f"PG{n:07d}") for n in range(3))
        )
        report = _sync(laptop, server)
        assert report.purged == 3
        assert persons_kept(laptop) == 0
    finally:
        laptop.close()
    status = _desk(tmp_path / "laptop", "status", "--json")
    assert status.returncode == 0, status.stderr
    figures = json.loads(status.stdout)
    assert figures["persons_kept"] == 0 and figures["purged_after_sync"] == 3
    out = tmp_path / "desk.csv"
    done = _desk(tmp_path / "laptop", "export", "--all", "--format", "csv", "--out", str(out))
    assert done.returncode != 0 or "purgeson" not in out.read_text(encoding="utf-8").lower()
    with server.engine() as engine, session_factory(engine)() as session:
        held = session.scalars(select(RecordRow.record_id).where(RecordRow.record_id.in_(ids))).all()
    assert sorted(held) == sorted(ids)


def test_subject_access_export_has_the_values_the_history_and_the_accesses(
    server: ServerProcess, tmp_path: Path
) -> None:
    laptop = _laptop(tmp_path / "laptop", server)
    try:
        (record_id,) = _register(laptop, _person(41, "Ysolde", "Brankovar", "YB3300127"))
        _sync(laptop, server)
        current = records.latest_version(laptop, record_id)  # a view on the desk: audited, sent next sync
        edited = dict(current.answers)
        edited["residence_city"] = "Porto"
        records.save_record(
            laptop, current.batch_id, FORM.form_id, FORM.version, edited, draft=False, record_id=record_id
        )
        _sync(laptop, server)
    finally:
        laptop.close()
    first = tmp_path / "first.json"
    server.cli("person", "export", "--record", record_id, "--out", str(first))
    second = tmp_path / "second.json"
    server.cli("person", "export", "--record", record_id, "--out", str(second))
    document = json.loads(second.read_text(encoding="utf-8"))
    assert document["current_answers"]["family_name"] == "Brankovar"
    assert document["current_answers"]["residence_city"] == "Porto"
    assert [v["answers"].get("residence_city") for v in document["versions"]][-1] == "Porto"
    assert (
        len(document["versions"]) == 2
        and document["versions"][1]["replaces"] == document["versions"][0]["version_id"]
    )
    assert all(v["device"]["device_id"] and v["batch"]["batch_id"] for v in document["versions"])
    assert [a["action"] for a in document["accesses"]["registry"]].count("subject_access_export") == 1
    laptop_actions = {a["action"] for a in document["accesses"]["laptops"]}
    assert laptop_actions, "the laptop's own audit entries for the record travelled with its batches"
    assert (second.stat().st_mode & 0o077) == 0


def test_a_restricted_record_is_kept_but_out_of_every_view_and_export(
    server: ServerProcess, tmp_path: Path
) -> None:
    laptop = _laptop(tmp_path / "laptop", server)
    try:
        (record_id,) = _register(laptop, _person(51, "Odelinde", "Restrictova", "OR8812001"))
        _sync(laptop, server)
    finally:
        laptop.close()
    add_account_for(server)
    browser = Browser(server.url)
    assert browser.login("dpo-registrar").status_code == 303
    assert browser.get(f"/people/{record_id}").status_code == 200
    total = browser.get("/api/v1/registry/summary").json()["total"]
    server.cli("person", "restrict", "--record", record_id, "--reason", "consent_withdrawn")

    assert browser.get(f"/people/{record_id}").status_code == 404
    assert browser.get("/api/v1/registry/summary").json()["total"] == total - 1
    assert "restrictova" not in _server_export(server, tmp_path / "restricted.csv")
    out = tmp_path / "access.json"
    server.cli("person", "export", "--record", record_id, "--out", str(out))
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["restricted"]["reason"] == "consent_withdrawn"
    assert document["current_answers"]["family_name"] == "Restrictova"

    server.cli("person", "unrestrict", "--record", record_id)
    assert browser.get(f"/people/{record_id}").status_code == 200
    assert "restrictova" in _server_export(server, tmp_path / "lifted.csv")


def test_bad_requests_get_one_sentence(server: ServerProcess, tmp_path: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "sync.server.cli", *args, "--data-dir", str(server.data_dir)],
            env=server.env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    unknown = run("person", "erase", "--record", "no-such-record", "--reason", "other")
    assert (
        unknown.returncode == 2
        and unknown.stderr.strip() == "There is no record no-such-record on this server."
    )
    blank = run("person", "erase", "--record", "x", "--reason", "  ")
    assert blank.returncode == 2 and "reason" in blank.stderr and "Traceback" not in blank.stderr
    years = run("retention", "set", "--form", FORM.form_id, "--years", "0")
    assert years.returncode == 2 and "--years" in years.stderr
    assert requests_get(server.url + "/v1/erasures").status_code == 401  # laptops only


def requests_get(url: str) -> Any:
    import requests

    return requests.get(url, timeout=30)


def test_retention_erases_the_records_past_their_forms_rule(server: ServerProcess, tmp_path: Path) -> None:
    laptop = _laptop(tmp_path / "laptop", server)
    try:
        old_id, new_id = _register(
            laptop,
            _person(61, "Vetusta", "Oldenbarn", "VO1100001"),
            _person(62, "Nova", "Freshwell", "NF2200002"),
        )
        _sync(laptop, server)
    finally:
        laptop.close()
    with server.engine() as engine, session_factory(engine).begin() as session:  # registered three years ago
        old = session.get(RecordRow, old_id)
        assert old is not None
        old.created_at = old.created_at.replace(year=old.created_at.year - 3)
    server.cli("retention", "set", "--form", FORM.form_id, "--years", "2")
    done = server.cli("retention", "run")
    assert "Retention run: 1 records erased." in done
    with server.engine() as engine, session_factory(engine)() as session:
        assert session.get(RecordRow, old_id) is None and session.get(RecordRow, new_id) is not None
        source = session.scalars(select(ErasureRow.source).where(ErasureRow.record_id == old_id)).one()
    assert source == "retention"
    assert "oldenbarn" not in _server_export(server, tmp_path / "kept.csv")
    assert json.loads(server.cli("retention", "list", "--json"))[0]["years"] == 2


def test_desk_erase_refusals_are_one_sentence(tmp_path: Path) -> None:
    new_store(tmp_path / "laptop").close()
    unknown = _desk(tmp_path / "laptop", "erase", "--record", "no-such-record", "--reason", "other")
    assert unknown.returncode != 0 and "There is no record no-such-record on this laptop." in unknown.stderr
    free_text = _desk(tmp_path / "laptop", "erase", "--record", "x", "--reason", "she asked")
    assert free_text.returncode == 2 and "consent_withdrawn" in free_text.stderr
    assert "Traceback" not in unknown.stderr + free_text.stderr
    days = _desk(tmp_path / "laptop", "settings", "--purge-synced-after-days", "-1")
    assert days.returncode == 2 and "--purge-synced-after-days" in days.stderr
    shown = _desk(tmp_path / "laptop", "settings")
    assert "purge synced records after days: 7" in shown.stdout
