"""`diaspora-server` verbs as an IT officer runs them: real processes, one-sentence errors, exact stats."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

import pytest
import requests

from sync import protocol as p
from sync.server.db import make_engine, session_factory
from sync.server.ingest import ingest_batch
from sync.server.validation import FormCatalog
from tests.sync.server.helpers import (
    TEST_FORM_ID,
    cli_env,
    postgres_schema,
    run_cli,
    running_server,
    self_signed_certificate,
    sqlite_url,
    write_test_form,
)

STATS_KEYS = {"distinct_records", "versions", "batches", "devices", "conflicts"}


def _cli(data_dir: Path, *args: str, env: dict[str, str] | None = None, check: bool = True):  # type: ignore[no-untyped-def]
    return run_cli([args[0], *args[1:], "--data-dir", str(data_dir)], env or cli_env(None), check=check)


def _assert_one_sentence_error(done: object) -> None:
    assert done.returncode != 0  # type: ignore[attr-defined]
    stderr = done.stderr.strip()  # type: ignore[attr-defined]
    assert "Traceback" not in stderr
    assert len(stderr.splitlines()) == 1 and stderr.endswith("."), stderr


def test_init_makes_one_admin_and_stores_only_its_hash(tmp_path: Path) -> None:
    first = _cli(tmp_path, "init")
    again = _cli(tmp_path, "init")

    token = first.stdout.strip().splitlines()[-1]
    assert len(token) >= 43
    assert "already exists" in again.stdout
    assert token.encode() not in (tmp_path / "server.sqlite3").read_bytes()
    assert "diaspora_registration" in first.stdout  # the shipped form is published for the laptops


def test_commands_on_a_folder_without_a_server_fail_in_one_sentence(tmp_path: Path) -> None:
    _assert_one_sentence_error(_cli(tmp_path / "missing", "device", "list", check=False))
    unreachable = cli_env("postgresql+psycopg://postgres@127.0.0.1:1/nowhere")
    _assert_one_sentence_error(_cli(tmp_path, "init", env=unreachable, check=False))


def test_enrollment_code_is_printed_as_text_and_qr(tmp_path: Path) -> None:
    _cli(tmp_path, "init")
    done = _cli(tmp_path, "enrollment-code", "--label", "Laptop 3, Atlanta event", "--expires-hours", "2")

    assert re.search(r"Laptop 3, Atlanta event: [0-9A-Z]{4}(-[0-9A-Z]{4}){3}", done.stdout)
    assert "One use only" in done.stdout
    assert done.stdout.count("█") > 100  # the QR code drawn with block characters
    _assert_one_sentence_error(
        _cli(tmp_path, "enrollment-code", "--label", "x", "--expires-hours", "0", check=False)
    )


def test_device_commands_list_revoke_and_mark_lost(tmp_path: Path) -> None:
    with running_server(tmp_path) as server:
        codes = [
            re.search(
                r": (\S+)$",
                server.cli("enrollment-code", "--label", f"Laptop {i}", "--no-qr").stdout.splitlines()[0],
            )
            for i in (1, 2)
        ]
        ids = []
        for match in codes:
            assert match
            body = p.enroll_request(match.group(1), p.generate_device_key())
            ids.append(
                requests.post(server.base_url + p.ENROLL_PATH, json=body, timeout=10).json()["device_id"]
            )

        revoked = server.cli("device", "revoke", ids[0])
        lost = server.cli("device", "mark-lost", ids[1].upper())
        listing = json.loads(server.cli("device", "list", "--json").stdout)
        unknown = server.cli("device", "revoke", str(uuid.uuid4()), check=False)

    assert "revoked" in revoked.stdout and "erase its keys" in lost.stdout
    assert {d["device_id"]: (d["label"], d["status"]) for d in listing} == {
        ids[0]: ("Laptop 1", "revoked"),
        ids[1]: ("Laptop 2", "lost"),
    }
    _assert_one_sentence_error(unknown)


def test_stats_json_counts_exactly_what_was_ingested(tmp_path: Path) -> None:
    _cli(tmp_path, "init")
    form = write_test_form(tmp_path / "form.xlsx")
    _cli(tmp_path, "forms", "publish", str(form))
    engine = make_engine(sqlite_url(tmp_path))
    factory = session_factory(engine)
    device = str(uuid.uuid4())
    key = p.generate_device_key()

    def record(seq: int, answers: dict[str, object], **extra: object) -> p.WireRecord:
        fields = {"record_id": str(uuid.uuid4()), "version_id": str(uuid.uuid4()), **extra}
        return p.WireRecord(sequence=seq, form_id=TEST_FORM_ID, form_version="1", answers=answers, **fields)  # type: ignore[arg-type]

    first = [record(i, {"full_name": f"P{i}", "age": 20}) for i in range(1, 6)]
    edit = record(
        6, {"full_name": "P1b", "age": 21}, record_id=first[0].record_id, replaces=first[0].version_id
    )
    stale = record(
        7, {"full_name": "P1c", "age": 22}, record_id=first[0].record_id, replaces=first[0].version_id
    )
    invalid = record(8, {"full_name": "P9", "age": -4})
    for records in (first, [edit], [stale, invalid]):
        batch = p.build_batch(device_id=device, records=records, private_key=key)
        payload, _ = p.decode_batch(
            body=batch.body,
            batch_id=batch.batch_id,
            payload_sha256=batch.payload_sha256,
            signature_b64=batch.headers[p.HEADER_SIGNATURE],
            public_key=key.public_key().public_bytes_raw(),
        )
        ingest_batch(
            factory,
            FormCatalog(factory),
            device_id=device,
            payload=payload,
            payload_sha256=batch.payload_sha256,
        )
    engine.dispose()

    stats = json.loads(_cli(tmp_path, "stats", "--json").stdout)

    assert set(stats) >= STATS_KEYS
    assert {k: stats[k] for k in STATS_KEYS} == {
        "distinct_records": 5,
        "versions": 6,
        "batches": 3,
        "devices": 0,
        "conflicts": 1,
    }


def test_forms_publish_refuses_a_changed_file_under_an_old_version(tmp_path: Path) -> None:
    _cli(tmp_path, "init")
    form = write_test_form(tmp_path / "form.xlsx", version="7")
    published = _cli(tmp_path, "forms", "publish", str(form))
    republished = _cli(tmp_path, "forms", "publish", str(form))
    changed = write_test_form(tmp_path / "changed.xlsx", version="7")
    changed.write_bytes(changed.read_bytes())  # a fresh save: different bytes, same version
    listing = _cli(tmp_path, "forms", "list")

    assert f"Published form {TEST_FORM_ID} version 7" in published.stdout
    assert republished.returncode == 0
    assert f"{TEST_FORM_ID}  version 7" in listing.stdout
    refused = _cli(tmp_path, "forms", "publish", str(tmp_path / "nothing.xlsx"), check=False)
    _assert_one_sentence_error(refused)


@pytest.mark.postgres
def test_database_url_wins_over_the_data_folder(tmp_path: Path) -> None:
    with postgres_schema() as url:
        env = cli_env(url)
        _cli(tmp_path, "init", env=env)
        stats = json.loads(_cli(tmp_path, "stats", "--json", env=env).stdout)
    assert stats["distinct_records"] == 0
    assert not (tmp_path / "server.sqlite3").exists()


def test_serve_speaks_tls_with_certfile_and_keyfile(tmp_path: Path) -> None:
    certfile, keyfile = self_signed_certificate(tmp_path)
    with running_server(tmp_path / "data", tls=(certfile, keyfile)) as server:
        assert server.base_url.startswith("https://")
        assert (
            requests.get(server.base_url + p.HEALTH_PATH, verify=str(certfile), timeout=5).status_code == 200
        )
        with pytest.raises(requests.exceptions.SSLError):
            requests.get(server.base_url + p.HEALTH_PATH, timeout=5)  # not trusted by the default CA store


def test_serve_refuses_half_a_tls_configuration(tmp_path: Path) -> None:
    _cli(tmp_path, "init")
    done = _cli(tmp_path, "serve", "--certfile", str(tmp_path / "x.crt"), check=False)
    _assert_one_sentence_error(done)


def test_an_unusable_folder_or_password_file_fails_in_one_sentence(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    _assert_one_sentence_error(_cli(blocker / "server", "init", check=False))  # a folder under a file
    _cli(tmp_path, "init")
    password = tmp_path / "password.bin"
    password.write_bytes(b"\xff\xfe\x00 not utf-8")
    done = _cli(
        tmp_path, "export", "--all", "--password-file", str(password), "--out", str(tmp_path / "x.xlsx"),
        check=False,
    )  # fmt: skip
    _assert_one_sentence_error(done)
    assert "password file" in done.stderr


def test_a_database_error_does_not_carry_the_values_into_logs(tmp_path: Path) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    engine = make_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE t (v TEXT NOT NULL UNIQUE)"))
        connection.execute(text("INSERT INTO t VALUES (:v)"), {"v": "CANARY-Conceição-991"})
    with pytest.raises(DBAPIError) as raised, engine.begin() as connection:
        connection.execute(text("INSERT INTO t VALUES (:v)"), {"v": "CANARY-Conceição-991"})
    assert "CANARY" not in str(raised.value)  # the server logs this text when ingestion fails
    engine.dispose()
