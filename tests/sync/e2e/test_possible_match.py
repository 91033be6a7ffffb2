"""The desk's check before saving, over real HTTP between enrolled laptops and a real server.

Laptop A registers a person and syncs; laptop B asks (by document number, or by names and birth date
typed with noise) and hears only "possible match registered at PLACE on DATE" and a reference. A
stranger gets no match. Offline or behind a stalled proxy the check returns None without raising.
Both the desk's and the server's logs hold the check with ids, counts and field names only.
`diaspora-desk check-duplicate` as a process: exit 1 on a match, 0 on none, 2 on an incomplete question.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from forms.demo_data import demo_registrations
from forms.engine import load_form, shipped_form_path
from forms.store import Store
from forms.store.audit import entries
from forms.store.batches import open_batch
from forms.store.records import save_record
from sync.client import possible_match
from sync.client.engine import SyncEngine
from sync.client.enrollment import enroll
from sync.client.state import load_device
from sync.server import admin
from sync.server.db import session_factory
from sync.server.models import DedupEventRow
from tests.sync.client.helpers import OPERATOR, new_store
from tests.sync.dedup.people import retyped
from tests.sync.e2e.desk_cli import desk as run_desk
from tests.sync.e2e.proxy import Fault, FaultProxy
from tests.sync.e2e.servers import ServerProcess, free_port, running_server

SHIPPED = load_form(shipped_form_path())


@pytest.fixture(scope="module")
def registered(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ServerProcess, dict[str, Any]]]:
    """A server with the shipped form, and one person registered on laptop A and synced."""
    with running_server(tmp_path_factory.mktemp("possible-match")) as server:
        with server.engine() as engine:
            admin.publish_form(engine, shipped_form_path())
        person = demo_registrations(1, seed=4242)[0]
        assert person.get("document_number") and not SHIPPED.validate(person)
        laptop_a = new_store(tmp_path_factory.mktemp("laptop-a"))
        try:
            enroll(laptop_a, server_url=server.url, code=server.enrollment_code("Laptop A"), device_label="A")
            with laptop_a.session() as session:
                batch = open_batch(session, "Outreach day", "Minneapolis", "2026-11-24").id
                save_record(session, batch, str(SHIPPED.form_id), str(SHIPPED.version), person, draft=False)
            assert SyncEngine(laptop_a, server_url=server.url).run_once().ok
        finally:
            laptop_a.close()
        yield server, person


@pytest.fixture
def laptop_b(tmp_path: Path, registered: tuple[ServerProcess, dict[str, Any]]) -> Iterator[Store]:
    server, _ = registered
    store = new_store(tmp_path / "laptop-b")
    enroll(store, server_url=server.url, code=server.enrollment_code("Laptop B"), device_label="B")
    try:
        yield store
    finally:
        store.close()


def enrolled_id(store: Store) -> str:
    device = load_device(store)
    assert device is not None
    return device.device_id


def _desk_checks(store: Store) -> list[dict[str, Any]]:
    with store.session() as session:
        return [
            json.loads(row.details)
            for row in entries(session, limit=50)
            if row.action == possible_match.AUDIT_ACTION
        ]


def _server_checks(server: ServerProcess) -> list[dict[str, Any]]:
    with server.engine() as engine, session_factory(engine)() as session:
        rows = session.scalars(select(DedupEventRow).where(DedupEventRow.action == "dedup_check"))
        return [{"actor": row.actor, **json.loads(row.detail_json)} for row in rows]


def test_a_person_registered_on_another_laptop_is_a_possible_match_by_document_number(
    registered: tuple[ServerProcess, dict[str, Any]], laptop_b: Store
) -> None:
    server, person = registered
    found = possible_match.check(laptop_b, {"document_number": person["document_number"]})
    assert found is not None and found.found
    (match,) = found.matches
    assert match.message == f"possible match registered at {match.place} on {match.date}"
    assert len(match.date) == 10 and match.place
    assert found.reference.startswith("PM-")
    shown = json.dumps([m.__dict__ for m in found.matches])
    for name in ("given_name", "family_name", "phone", "email"):
        assert str(person.get(name)) not in shown  # never the other person's data
    desk = _desk_checks(laptop_b)[-1]
    assert desk == {
        "outcome": "answered",
        "fields": "document_number",
        "reference": found.reference,
        "matches": 1,
    }
    server_side = [c for c in _server_checks(server) if c["actor"] == f"device {enrolled_id(laptop_b)}"]
    assert (
        server_side
        and server_side[-1]["matches"] == 1
        and server_side[-1]["fields_sent"] == ["document_number"]
    )


def test_names_and_birth_date_typed_with_noise_are_a_possible_match(
    registered: tuple[ServerProcess, dict[str, Any]], laptop_b: Store
) -> None:
    _, person = registered
    noisy = retyped(person)  # names swapped, unaccented, upper case; no document
    found = possible_match.check(laptop_b, noisy)
    assert found is not None and len(found.matches) == 1
    asked = possible_match.question(noisy)
    assert "document_number" not in asked and set(asked) <= set(possible_match.SENT_FIELDS)


def test_a_stranger_is_no_match_but_still_gets_a_reference(laptop_b: Store) -> None:
    found = possible_match.check(
        laptop_b, {"given_name": "Zebulon", "family_name": "Quaxworth", "birth_date": "1931-02-03"}
    )
    assert found is not None and not found.found and found.reference.startswith("PM-")


def test_offline_or_stalled_the_check_returns_none_without_raising(
    registered: tuple[ServerProcess, dict[str, Any]], laptop_b: Store
) -> None:
    server, person = registered
    closed = f"http://127.0.0.1:{free_port()}"
    assert possible_match.check(laptop_b, person, server_url=closed) is None
    with FaultProxy(server.port) as proxy:
        proxy.add(Fault("stall", path="/v1/possible-match", seconds=4))
        assert possible_match.check(laptop_b, person, server_url=proxy.url) is None
        assert proxy.log.faults_applied == ["stall"]
    outcomes = [c["outcome"] for c in _desk_checks(laptop_b)]
    assert outcomes[-2:] == ["no_answer", "no_answer"]
    assert possible_match.check(laptop_b, {"phone": "+15550100"}) is None  # nothing the server compares


def test_a_laptop_that_is_not_enrolled_asks_nothing(tmp_path: Path) -> None:
    store = new_store(tmp_path / "fresh")
    try:
        assert possible_match.check(store, {"document_number": "X1234567"}) is None
        assert _desk_checks(store)[-1]["outcome"] == "not_enrolled"
    finally:
        store.close()


def test_the_check_duplicate_verb(registered: tuple[ServerProcess, dict[str, Any]], tmp_path: Path) -> None:
    server, person = registered
    data_dir = str(tmp_path / "laptop-c")
    store = new_store(Path(data_dir))
    try:
        enroll(store, server_url=server.url, code=server.enrollment_code("Laptop C"), device_label="C")
    finally:
        store.close()  # the verb unlocks the store itself
    base = ("check-duplicate", "--data-dir", data_dir, "--operator", OPERATOR)
    match = run_desk(*base, "--document-number", person["document_number"])
    assert match.returncode == 1, match.stderr
    assert "possible match registered at" in match.stdout and "(reference PM-" in match.stdout
    names = run_desk(
        *base, "--given", person["family_name"], "--family", person["given_name"], "--birth-date",
        person["birth_date"],
    )  # fmt: skip
    assert names.returncode == 1, names.stderr
    none = run_desk(*base, "--given", "Zebulon", "--family", "Quaxworth", "--birth-date", "1931-02-03")
    assert none.returncode == 0 and "No possible match" in none.stdout
    wrong_questions = (
        ("--given", "Ana"),
        ("--document-number", "X1", "--given", "Ana"),
        ("--given", "A", "--family", "B", "--birth-date", "31/02/1990"),
    )
    for wrong in wrong_questions:
        refused = run_desk(*base, *wrong)
        assert refused.returncode == 2 and "Traceback" not in refused.stderr
        assert len(refused.stderr.strip().splitlines()) == 1, refused.stderr
