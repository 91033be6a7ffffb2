"""Two enrolled laptops over real HTTP: the same person registered on each, with noise, is one pair in
`duplicates list`; `resolve --same` gives one export row naming both records; `resolve --different`
is never proposed again, even after an edit; `unlink` undoes a link. SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import requests

from sync import protocol as p
from tests.sync.dedup.pairs import _pairs, _send, _send_twice
from tests.sync.dedup.people import people, wire
from tests.sync.server.helpers import EnrolledDevice, RunningServer


def _export_rows(server: RunningServer, out: Path) -> list[dict[str, str]]:
    server.cli("export", "--all", "--format", "csv", "--form", "diaspora_registration", "--out", str(out))
    with out.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _merged_column(row: dict[str, str]) -> str:
    return next(value for key, value in row.items() if key.endswith("_merged_records"))


def test_same_person_on_two_laptops_is_one_pair_then_one_export_row(
    dedup_server: RunningServer, tmp_path: Path
) -> None:
    first, second, _, _ = _send_twice(dedup_server, seed=101)
    pairs = _pairs(dedup_server, first, second)
    assert len(pairs) == 1
    pair = pairs[0]
    assert {pair["record_a"], pair["record_b"]} == {first, second}
    assert pair["status"] == "open" and pair["score"] >= 11
    assert pair["levels"]["names"] == "agree" and pair["levels"]["document number"] == "missing"
    text = dedup_server.cli("duplicates", "list").stdout
    assert f"pair {pair['pair']}" in text and first in text and second in text

    done = dedup_server.cli("duplicates", "resolve", str(pair["pair"]), "--same")
    assert "linked to one person" in done.stdout
    rows = [r for r in _export_rows(dedup_server, tmp_path / "out.csv") if r["_uuid"] in (first, second)]
    assert len(rows) == 1
    assert set(_merged_column(rows[0]).split()) == {first, second}
    assert rows[0]["identity/document_number"]  # the surviving value: the newest non-empty one

    dedup_server.cli("duplicates", "unlink", str(pair["pair"]))
    rows = [r for r in _export_rows(dedup_server, tmp_path / "again.csv") if r["_uuid"] in (first, second)]
    assert len(rows) == 2
    assert _pairs(dedup_server, first, second, status="open")[0]["pair"] == pair["pair"]


def test_different_is_never_proposed_again_even_after_an_edit(dedup_server: RunningServer) -> None:
    first, second, laptop_b, answers = _send_twice(dedup_server, seed=202)
    (pair,) = _pairs(dedup_server, first, second)
    done = dedup_server.cli("duplicates", "resolve", str(pair["pair"]), "--different")
    assert "not be proposed again" in done.stdout
    head = laptop_b_head(dedup_server, second)
    edited = {**answers, "email": "new.address@example.org", "residence_city": "Lyon"}
    _send(laptop_b, [wire(edited, 4, record_id=second, replaces=head)])
    pairs = _pairs(dedup_server, first, second)
    assert [(p["pair"], p["status"]) for p in pairs] == [(pair["pair"], "different")]
    again = dedup_server.cli("duplicates", "resolve", str(pair["pair"]), "--same", check=False)
    assert again.returncode != 0 and "already decided" in again.stderr and "Traceback" not in again.stderr


def laptop_b_head(server: RunningServer, record_id: str) -> str:
    from sqlalchemy import select

    from sync.server.models import RecordRow

    with server.engine() as engine, engine.connect() as connection:
        return str(
            connection.execute(
                select(RecordRow.head_version_id).where(RecordRow.record_id == record_id)
            ).scalar_one()
        )


def test_resolving_an_unknown_pair_is_one_sentence(dedup_server: RunningServer) -> None:
    done = dedup_server.cli("duplicates", "resolve", "999999", "--same", check=False)
    assert done.returncode != 0
    assert done.stderr.strip().count("\n") == 0 and "no candidate pair 999999" in done.stderr


def test_desk_check_names_place_and_date_only(dedup_server: RunningServer) -> None:
    laptop = EnrolledDevice.enroll(dedup_server, "Consulate desk")
    person = people(1, seed=303)[0]
    person["registration_place"] = "Washington consulate"
    _send(laptop, [wire(person, 1)])
    other = EnrolledDevice.enroll(dedup_server, "Outreach laptop")
    asked = {
        "given_name": person["family_name"],
        "family_name": person["given_name"],
        "birth_date": person["birth_date"],
    }
    answer = requests.post(
        dedup_server.base_url + "/v1/possible-match",
        json={"answers": asked},
        headers=p.auth_headers(other.credential),
        timeout=10,
    )
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["possible_match"] is True
    (match,) = body["matches"]
    assert match["message"].startswith("possible match registered at Washington consulate on ")
    assert body["reference"].startswith("PM-")
    for value in (person["document_number"], person["phone"], person["email"], person["given_name"]):
        assert value not in answer.text
    nobody = requests.post(
        dedup_server.base_url + "/v1/possible-match",
        json={"answers": {"given_name": "Zebulon", "family_name": "Quixote", "birth_date": "1901-01-01"}},
        headers=p.auth_headers(other.credential),
        timeout=10,
    )
    assert nobody.json()["possible_match"] is False
    anonymous = requests.post(
        dedup_server.base_url + "/v1/possible-match", json={"answers": asked}, timeout=10
    )
    assert anonymous.status_code == 401
    from sqlalchemy import select

    from sync.server.models import DedupEventRow

    reference = int(body["reference"].removeprefix("PM-"))
    with dedup_server.engine() as engine, engine.connect() as connection:
        event = connection.execute(select(DedupEventRow).where(DedupEventRow.id == reference)).one()
    assert event.action == "dedup_check" and other.device_id in event.actor
    assert json.loads(event.detail_json)["matches"] == 1
