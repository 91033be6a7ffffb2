"""Issue 14, the server part: each attack that worked, now refused (and each test fails without its fix)."""

from __future__ import annotations

import csv
import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from sqlalchemy import select, text

from sync import protocol as p
from sync.server.models import BatchRow, RecordRow
from tests.sync.server.helpers import (
    TEST_FORM_ID,
    EnrolledDevice,
    RunningServer,
    enrollment_code,
    running_server,
)
from tests.sync.server.hostile import payload_text, post_signed_payload


def _head(server: RunningServer, record_id: str) -> tuple[str, bool]:
    with server.engine() as engine, engine.connect() as connection:
        row = connection.execute(
            select(RecordRow.head_version_id, RecordRow.deleted).where(RecordRow.record_id == record_id)
        ).one()
    return row.head_version_id, row.deleted


# --------------------------------------------------------------------------- 1. ownership of records


def test_a_device_cannot_change_or_erase_another_devices_record_until_it_is_handed_over(
    server: RunningServer,
) -> None:
    laptop_a = EnrolledDevice.enroll(server, "Laptop A")
    laptop_b = EnrolledDevice.enroll(server, "Laptop B")
    first = laptop_a.record({"full_name": "Ama Owusu", "age": 30})
    laptop_a.send([first])
    overwrite = laptop_b.record(
        {"full_name": "Someone else", "age": 31}, record_id=first.record_id, replaces=first.version_id
    )
    erase = laptop_b.record({}, record_id=first.record_id, replaces=first.version_id, deleted=True)

    refused = [laptop_b.post(laptop_b.build([overwrite])), laptop_b.post(laptop_b.build([erase]))]

    assert [r.status_code for r in refused] == [403, 403]
    assert {r.json()["code"] for r in refused} == {p.ERROR_NOT_RECORD_OWNER}
    assert _head(server, first.record_id) == (first.version_id, False)
    log = server.log_text()
    assert f"device {laptop_b.device_id} refused" in log and first.record_id in log  # audited, ids only
    assert "Ama Owusu" not in log and "Someone else" not in log

    # A supervisor's decision on the server (a replaced laptop): B may now change A's records.
    done = server.cli("device", "hand-over", "--from", laptop_a.device_id, "--to", laptop_b.device_id)
    assert "may now change the records" in done.stdout
    assert laptop_b.send([overwrite]).results[0].status == p.STATUS_ACCEPTED
    assert _head(server, first.record_id) == (overwrite.version_id, False)
    # ...and hand-overs chain: C, handed B's records, may change what was handed to B.
    laptop_c = EnrolledDevice.enroll(server, "Laptop C")
    server.cli("device", "hand-over", "--from", laptop_b.device_id, "--to", laptop_c.device_id)
    erase_by_c = laptop_c.record({}, record_id=first.record_id, replaces=overwrite.version_id, deleted=True)
    assert laptop_c.send([erase_by_c]).results[0].status == p.STATUS_ACCEPTED
    with server.engine() as engine, engine.connect() as connection:  # erased whole (sync/server/protection)
        gone = connection.execute(select(RecordRow.record_id).where(RecordRow.record_id == first.record_id))
        assert gone.first() is None


def test_hand_over_refuses_unknown_or_inactive_devices(sqlite_server: RunningServer) -> None:
    laptop = EnrolledDevice.enroll(sqlite_server)
    unknown = sqlite_server.cli(
        "device", "hand-over", "--from", laptop.device_id, "--to", str(uuid.uuid4()), check=False
    )
    same = sqlite_server.cli(
        "device", "hand-over", "--from", laptop.device_id, "--to", laptop.device_id, check=False
    )
    assert unknown.returncode != 0 and "No device with id" in unknown.stderr
    assert same.returncode != 0 and "two different devices" in same.stderr
    assert "Traceback" not in unknown.stderr + same.stderr


# --------------------------------------------------------------------------- 2. body limits (fast part)


def test_every_endpoint_refuses_an_oversized_body_before_reading_it(sqlite_server: RunningServer) -> None:
    big = b"[" * (200 * 1024)
    base = sqlite_server.base_url

    declared = requests.post(base + p.ENROLL_PATH, data=big, timeout=30)
    chunked = requests.post(base + p.ENROLL_PATH, data=iter([big[:100_000], big[100_000:]]), timeout=30)
    health = requests.get(base + p.HEALTH_PATH, data=iter([big]), timeout=30)
    batch = requests.post(base + p.BATCHES_PATH, data=iter([b"x" * (6 * 1024 * 1024)]), timeout=60)

    for answer in (declared, chunked, health, batch):
        assert answer.status_code == 413
        assert answer.json()["code"] == p.ERROR_BODY_TOO_LARGE
    assert "Traceback" not in sqlite_server.log_text()


# --------------------------------------------------------------------------- 3. crafted input


def _raw_enroll(server: RunningServer, body: bytes) -> requests.Response:
    return requests.post(
        server.base_url + p.ENROLL_PATH,
        data=body,
        headers={"Content-Type": "application/json"},
        timeout=10,
    )


def test_crafted_enrolment_bodies_are_400_never_500_and_never_echoed(server: RunningServer) -> None:
    key = p.public_key_b64(p.generate_device_key())
    canary = f"Canary{uuid.uuid4().hex[:8]}"
    bodies = [
        b'{"protocol": 1e400, "code": "AAAA", "public_key": "%s"}' % key.encode(),
        b'{"protocol": 1, "code": "\\ud800", "public_key": "%s"}' % key.encode(),
        b'{"protocol": 1, "code": "AAAA", "label": "\\udfff", "public_key": "%s"}' % key.encode(),
        b'{"protocol": %s, "code": "AAAA", "public_key": "%s"}' % (b"9" * 5000, key.encode()),
        b'{"protocol": NaN, "code": "AAAA", "public_key": "x"}',
        b'{"code": "\xff\xfe", "public_key": "x"}',
    ]
    answers = [_raw_enroll(server, body) for body in bodies]
    wrong_type = _raw_enroll(server, json.dumps({"code": [canary], "public_key": canary}).encode())

    assert [a.status_code for a in answers] == [400] * len(bodies)
    assert {a.json()["code"] for a in answers} == {p.ERROR_MALFORMED_REQUEST}
    assert wrong_type.status_code == 422
    assert canary not in wrong_type.text and "input" not in wrong_type.json()
    log = server.log_text()
    assert "Traceback" not in log and canary not in log and "9999999999" not in log


def test_a_batch_is_verified_over_its_raw_bytes_before_any_parsing(server: RunningServer) -> None:
    device = EnrolledDevice.enroll(server)
    huge = "9" * 5000
    batch_id, unsigned_body = payload_text(device, records=f'[{{"sequence": {huge}}}]')

    forged = post_signed_payload(device, unsigned_body, batch_id=batch_id, sign_with=p.generate_device_key())
    signed = post_signed_payload(device, unsigned_body, batch_id=batch_id)

    # Signature first: a sender without the device key never reaches the parser (401, not 400).
    assert (forged.status_code, forged.json()["code"]) == (401, p.ERROR_BAD_SIGNATURE)
    assert (signed.status_code, signed.json()["code"]) == (400, p.ERROR_MALFORMED)
    assert "integer longer than" in signed.json()["detail"]
    assert huge[:50] not in server.log_text()


def test_infinities_huge_integers_and_lone_surrogates_anywhere_in_a_batch_are_400(
    server: RunningServer,
) -> None:
    device = EnrolledDevice.enroll(server)
    record = device.record()
    tombstone = json.dumps(
        {**record.to_json(), "deleted": True, "answers": {}, "replaces": str(uuid.uuid4())}
    ).replace('"answers": {}', '"answers": {"n": 1e400}')
    surrogate_answer = json.dumps(record.to_json()).replace('"age": 30', '"age": 30, "x": "\\ud800"')
    crafted = [
        payload_text(device, records=f"[{tombstone}]"),
        payload_text(device, records=f"[{surrogate_answer}]"),
        payload_text(device, audit='[{"seq": 1e400, "action": "unlock"}]'),
        payload_text(device, audit='[{"seq": 1, "action": "\\ud800"}]'),
        payload_text(device, audit='[{"seq": 1, "action": "unlock", "\\udc00": 1}]'),
        payload_text(device, audit=f'[{{"seq": {"1" * 5000}, "action": "unlock"}}]'),
    ]
    before = server.stats()

    answers = [post_signed_payload(device, body, batch_id=batch_id) for batch_id, body in crafted]

    assert [a.status_code for a in answers] == [400] * len(crafted), [a.text for a in answers]
    assert server.stats()["batches"] == before["batches"]
    assert "Traceback" not in server.log_text()


# --------------------------------------------------------------------------- 4. enrolment throttling


@pytest.fixture(scope="module")
def strict_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    with running_server(tmp_path_factory.mktemp("server-throttled"), enrol_failures=3) as running:
        yield running


def test_enrolment_code_guesses_from_one_address_get_429_with_retry_after(
    strict_server: RunningServer,
) -> None:
    key = p.generate_device_key()
    good = enrollment_code(strict_server)
    fine = requests.post(strict_server.base_url + p.ENROLL_PATH, json=p.enroll_request(good, key), timeout=10)
    guesses = [
        requests.post(
            strict_server.base_url + p.ENROLL_PATH,
            json=p.enroll_request(f"AAAA-BBBB-CCCC-{n:04d}", key),
            timeout=10,
        )
        for n in range(5)
    ]
    after = requests.post(
        strict_server.base_url + p.ENROLL_PATH,
        json=p.enroll_request(enrollment_code(strict_server), key),
        timeout=10,
    )

    assert fine.status_code == 200  # a success uses none of the allowance
    assert [g.status_code for g in guesses] == [403, 403, 403, 429, 429]
    assert guesses[3].json()["code"] == p.ERROR_RATE_LIMITED
    assert 0 < int(guesses[3].headers["Retry-After"]) <= 15 * 60
    assert after.status_code == 429  # even a right code waits: the guesser cannot keep trying
    with strict_server.engine() as engine, engine.connect() as connection:
        stored = connection.execute(text("SELECT * FROM rate_limits")).all()
    assert len(stored) == 1 and "127.0.0.1" not in str(stored)  # in the database, the address hashed


# --------------------------------------------------------------------------- 5. storage


def test_audit_entries_from_devices_hold_ids_and_codes_only(server: RunningServer) -> None:
    device = EnrolledDevice.enroll(server)
    desk_like = {
        "seq": 7,
        "at": "2026-12-07T10:00:00.123456+00:00",
        "operator": "amina.k",
        "action": "record_saved",
        "record_id": str(uuid.uuid4()),
        "details": json.dumps({"version_id": str(uuid.uuid4()), "draft": False, "records": 3}),
        "previous_hash": "0" * 64,
        "entry_hash": "ab" * 32,
    }
    personal = [
        {**desk_like, "details": json.dumps({"note": "Maria da Silva, born 1990-02-03"})},
        {**desk_like, "action": "Maria da Silva"},
        {**desk_like, "phone": "+233 20 123 4567"},
    ]
    accepted = p.build_batch(
        device_id=device.device_id, records=[device.record()], private_key=device.key, audit=[desk_like]
    )
    assert device.post(accepted).status_code == 200
    for entry in personal:
        batch = p.build_batch(
            device_id=device.device_id, records=[device.record()], private_key=device.key, audit=[entry]
        )
        answer = device.post(batch)
        assert answer.status_code == 400 and "audit entries never carry personal values" in answer.text
        assert "Maria" not in answer.text
    with server.engine() as engine, engine.connect() as connection:
        stored = connection.execute(select(BatchRow.audit_json)).scalars().all()
    assert not any("Maria" in entry for entry in stored)


def test_answers_are_capped_by_the_form_and_globally(server: RunningServer) -> None:
    device = EnrolledDevice.enroll(server)
    by_form = device.record({"full_name": "N" * 150, "age": 30})  # the form: string-length(.) <= 100
    global_cap = device.record({"full_name": "Short", "age": 30, "notes": "x" * 5_000_000})
    fine = device.record({"full_name": "N" * 100, "age": 30})

    answer = device.send([by_form, global_cap, fine])

    statuses = [(r.status, r.reason) for r in answer.results]
    assert statuses[0] == (p.STATUS_REJECTED, p.REASON_INVALID_ANSWERS)
    assert statuses[1] == (p.STATUS_REJECTED, p.REASON_INVALID_ANSWERS)
    assert answer.results[1].problems[0]["code"] == "too_long"
    assert statuses[2] == (p.STATUS_ACCEPTED, None)


def test_the_sqlite_server_is_encrypted_at_rest_and_private(
    sqlite_server: RunningServer, tmp_path: Path
) -> None:
    canary = f"Canary{uuid.uuid4().hex[:10]}"
    device = EnrolledDevice.enroll(sqlite_server)
    device.send([device.record({"full_name": canary, "age": 44})])

    folder = sqlite_server.data_dir
    database = folder / "server.sqlite3"
    key_file = folder.with_name(folder.name + ".key")
    assert key_file.is_file() and key_file.parent != folder  # the key lives outside the data folder
    assert database.read_bytes()[:16] != b"SQLite format 3\x00"
    for path in [f for f in folder.iterdir() if f.name.startswith("server.sqlite3")]:
        assert canary.encode() not in path.read_bytes(), path
        assert path.stat().st_mode & 0o777 == 0o600, path
    assert folder.stat().st_mode & 0o777 == 0o700
    assert key_file.stat().st_mode & 0o777 == 0o600


def test_init_encrypts_an_old_plaintext_database_and_a_key_can_be_typed(tmp_path: Path) -> None:
    import sqlite3

    from tests.sync.server.helpers import cli_env, run_cli

    old = tmp_path / "old"
    old.mkdir()
    plain = sqlite3.connect(old / "server.sqlite3")
    plain.execute("CREATE TABLE leftover (name TEXT)")
    plain.execute("INSERT INTO leftover VALUES ('Kwame Mensah')")
    plain.commit()
    plain.close()
    env = cli_env(None)

    refused = run_cli(["stats", "--data-dir", str(old)], env, check=False)
    converted = run_cli(["init", "--data-dir", str(old)], env)

    assert refused.returncode != 0 and "not encrypted" in refused.stderr
    assert "now encrypted" in converted.stdout
    assert b"Kwame Mensah" not in (old / "server.sqlite3").read_bytes()
    assert run_cli(["stats", "--data-dir", str(old), "--json"], env).returncode == 0

    typed = tmp_path / "typed"
    passphrase = "correct horse battery staple\n"
    import subprocess
    import sys

    def cli(*args: str, secret: str) -> subprocess.CompletedProcess[str]:
        command = [
            sys.executable,
            "-m",
            "sync.server.cli",
            *args,
            "--data-dir",
            str(typed),
            "--key-file",
            "-",
        ]
        return subprocess.run(command, input=secret, env=env, capture_output=True, text=True, timeout=120)

    assert cli("init", secret=passphrase).returncode == 0
    assert not typed.with_name("typed.key").exists()  # typed: no key file anywhere
    assert cli("stats", secret=passphrase).returncode == 0
    wrong = cli("stats", secret="not the passphrase at all\n")
    assert wrong.returncode != 0 and "another key" in wrong.stderr and "Traceback" not in wrong.stderr


# --------------------------------------------------------------------------- 6. CSV export


def test_the_csv_export_neutralises_formulas_after_the_trimming_a_spreadsheet_does(
    sqlite_server: RunningServer, tmp_path: Path
) -> None:
    device = EnrolledDevice.enroll(sqlite_server)
    tag = uuid.uuid4().hex[:6]
    hidden = [f' =HYPERLINK("x{tag}")', f"\n+1{tag}", f"\u00a0@SUM{tag}", f"\u2028-2{tag}", f"\t=3{tag}"]
    device.send([device.record({"full_name": value, "age": 20}) for value in hidden])
    out = tmp_path / "all.csv"

    sqlite_server.cli("export", "--all", "--form", TEST_FORM_ID, "--format", "csv", "--out", str(out))

    with out.open(encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row if tag in cell]
    assert sorted(cells) == sorted("'" + value for value in hidden)


# --------------------------------------------------------------------------- 2. body limits: memory


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM in /proc")


@pytest.mark.slow  # 14 floods of 200 MB over loopback
def test_a_200_mb_body_to_every_endpoint_keeps_the_server_under_250_mb(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    from tests.sync.server.hostile import flood

    size = 200 * 1024 * 1024
    endpoints = [
        ("GET", p.HEALTH_PATH),
        ("POST", p.ENROLL_PATH),
        ("POST", p.BATCHES_PATH),
        ("GET", p.DEVICE_STATUS_PATH),
        ("GET", p.FORMS_PATH),
        ("GET", p.form_download_path(TEST_FORM_ID, "1")),
        ("GET", "/v1/admin/stats"),
    ]
    with running_server(tmp_path_factory.mktemp("server-flood")) as server:
        EnrolledDevice.enroll(server)
        baseline = _peak_rss_mb(server.process.pid)
        statuses = [
            flood(server.base_url, method, path, size, declared=declared)
            for method, path in endpoints
            for declared in (True, False)
        ]
        peak = _peak_rss_mb(server.process.pid)
        alive = requests.get(server.base_url + p.HEALTH_PATH, timeout=10).status_code
    print(f"server peak RSS: {baseline:.0f} MB before, {peak:.0f} MB after 14 floods of 200 MB")
    assert alive == 200
    assert set(statuses) <= {413, None}, statuses
    assert peak < 250
