"""Who may talk to the server: enrolment codes, credentials, signatures, revoked and lost devices."""

from __future__ import annotations

import base64
from datetime import UTC, datetime

import requests
from sqlalchemy import update

from sync import protocol as p
from sync.server import admin
from sync.server.models import EnrollmentCodeRow
from tests.sync.server.helpers import EnrolledDevice, RunningServer, enrollment_code


def _enroll(server: RunningServer, code: str) -> requests.Response:
    body = p.enroll_request(code, p.generate_device_key(), "host")
    return requests.post(server.base_url + p.ENROLL_PATH, json=body, timeout=10)


def test_health_needs_no_credential(server: RunningServer) -> None:
    answer = requests.get(server.base_url + p.HEALTH_PATH, timeout=5)
    assert answer.status_code == 200
    assert answer.json()["protocol"] == p.PROTOCOL_VERSION


def test_an_enrolment_code_works_once(server: RunningServer) -> None:
    code = enrollment_code(server)

    first = _enroll(server, code.lower().replace("-", " "))  # typed by a person: any case, spaces
    again = _enroll(server, code)

    assert first.status_code == 200
    enrolled = p.parse_enroll_response(first.json())
    assert len(enrolled.credential) >= 43  # 256 bits, URL-safe base64
    assert again.status_code == 403
    assert again.json()["code"] == p.ERROR_ENROLLMENT_REFUSED
    devices = {d.device_id: d for d in _devices(server)}
    assert devices[enrolled.device_id].label == "Laptop 3, Atlanta event"


def test_an_expired_or_unknown_code_is_refused(server: RunningServer) -> None:
    code = enrollment_code(server)
    with server.engine() as engine, engine.begin() as connection:
        connection.execute(update(EnrollmentCodeRow).values(expires_at=datetime(2020, 1, 1, tzinfo=UTC)))

    assert _enroll(server, code).status_code == 403
    assert _enroll(server, "AAAA-BBBB-CCCC-DDDD").status_code == 403


def test_the_server_keeps_only_hashes_of_credentials(server: RunningServer) -> None:
    device = EnrolledDevice.enroll(server)
    with server.engine() as engine, engine.connect() as connection:
        dump = "\n".join(
            str(row)
            for table in ("devices", "enrollment_codes", "admins")
            for row in connection.exec_driver_sql(f"SELECT * FROM {table}")
        )
    assert device.credential not in dump
    assert server.admin_token not in dump
    assert p.auth_headers(device.credential)["Authorization"] not in server.log_text()


def test_requests_without_a_known_credential_are_refused(server: RunningServer) -> None:
    device = EnrolledDevice.enroll(server)
    batch = device.build([device.record()])
    batches_before = server.stats()["batches"]

    missing = requests.post(
        server.base_url + p.BATCHES_PATH, data=batch.body, headers=batch.headers, timeout=10
    )
    wrong = device.post(batch, credential="not-a-credential")
    forms = requests.get(server.base_url + p.FORMS_PATH, timeout=10)

    assert (missing.status_code, wrong.status_code, forms.status_code) == (401, 401, 401)
    assert wrong.json()["code"] == p.ERROR_UNAUTHENTICATED
    assert server.stats()["batches"] == batches_before


def test_a_wrong_signature_is_refused_and_logged(server: RunningServer) -> None:
    device = EnrolledDevice.enroll(server)
    impostor_key = p.generate_device_key()
    records = [device.record()]
    forged = p.build_batch(device_id=device.device_id, records=records, private_key=impostor_key)
    honest = device.build(records)
    tampered_headers = {**honest.headers, p.HEADER_SIGNATURE: base64.b64encode(b"x" * 64).decode()}
    unsigned_headers = {k: v for k, v in honest.headers.items() if k != p.HEADER_SIGNATURE}
    auth = p.auth_headers(device.credential)

    answers = [
        device.post(forged),
        requests.post(
            device.base_url + p.BATCHES_PATH, data=honest.body, headers={**tampered_headers, **auth}
        ),
        requests.post(
            device.base_url + p.BATCHES_PATH, data=honest.body, headers={**unsigned_headers, **auth}
        ),
    ]

    assert [a.status_code for a in answers] == [401, 401, 401]
    assert {a.json()["code"] for a in answers} == {p.ERROR_BAD_SIGNATURE}
    assert f"device {device.device_id}: batch signature does not verify" in server.log_text()
    assert device.post(honest).status_code == 200  # the same records, properly signed, still go in


def test_a_batch_altered_in_transit_is_refused(server: RunningServer) -> None:
    device = EnrolledDevice.enroll(server)
    batch = device.build([device.record()])
    truncated = device.post(
        p.EncodedBatch(batch.batch_id, batch.payload_sha256, batch.body[:-9], batch.headers, 1)
    )
    assert truncated.status_code == 400
    assert truncated.json()["code"] == p.ERROR_MALFORMED


def test_a_revoked_device_is_refused_everywhere(server: RunningServer) -> None:
    device = EnrolledDevice.enroll(server)
    with server.engine() as engine:
        admin.set_device_status(engine, device.device_id, "revoked")

    batch = device.post(device.build([device.record()]))
    status = device.get(p.DEVICE_STATUS_PATH)

    assert (batch.status_code, status.status_code) == (403, 403)
    assert batch.json()["code"] == p.ERROR_DEVICE_REVOKED
    assert f"device {device.device_id} is revoked" in server.log_text()


def test_a_lost_device_is_told_to_erase_its_keys(server: RunningServer) -> None:
    device = EnrolledDevice.enroll(server)
    assert device.get(p.DEVICE_STATUS_PATH).json()["erase_keys"] is False
    with server.engine() as engine:
        admin.set_device_status(engine, device.device_id, "lost")

    status = device.get(p.DEVICE_STATUS_PATH)
    batch = device.post(device.build([device.record()]))

    assert status.status_code == 200
    assert status.json() | {"server_time": ""} == {
        "device_id": device.device_id,
        "status": "lost",
        "erase_keys": True,
        "label": "Laptop",
        "server_time": "",
    }
    assert batch.status_code == 403
    assert batch.json()["code"] == p.ERROR_DEVICE_LOST
    assert batch.json()["erase_keys"] is True


def test_a_batch_naming_another_device_is_refused(server: RunningServer) -> None:
    device = EnrolledDevice.enroll(server)
    other = EnrolledDevice.enroll(server)
    # Signed with this device's own key but claiming to come from the other laptop.
    batch = p.build_batch(device_id=other.device_id, records=[device.record()], private_key=device.key)
    assert device.post(batch).status_code == 403


def test_published_forms_are_listed_and_downloadable(server: RunningServer) -> None:
    device = EnrolledDevice.enroll(server)

    listing = device.get(p.FORMS_PATH)
    assert listing.status_code == 200
    [form] = [f for f in listing.json() if f["form_id"] == "server_test"]
    download = device.get(form["download_path"])
    missing = device.get(p.form_download_path("server_test", "404"))

    assert download.status_code == 200
    assert p.sha256_hex(download.content) == form["sha256"] == download.headers["X-Form-SHA256"]
    assert download.content == (server.data_dir / "server_test.xlsx").read_bytes()
    assert missing.status_code == 404


def _devices(server: RunningServer) -> list[admin.DeviceInfo]:
    with server.engine() as engine:
        return admin.list_devices(engine)
