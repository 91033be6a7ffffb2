"""Batch submission over real HTTP: statuses per record, replay, reused batch ids, edits and conflicts."""

from __future__ import annotations

import base64
import gzip
import json
import os
import uuid

from sqlalchemy import select, text

from sync import protocol as p
from sync.server.models import BatchRow, RecordVersionRow
from tests.sync.server.helpers import EnrolledDevice, RunningServer, hand_over


def _stats(server: RunningServer) -> dict[str, int]:
    return server.stats()


def test_batch_is_accepted_and_counted(server: RunningServer) -> None:
    device = EnrolledDevice.enroll(server)
    before = _stats(server)
    records = [device.record() for _ in range(25)]

    answer = device.send(records)

    assert [r.status for r in answer.results] == [p.STATUS_ACCEPTED] * 25
    assert [r.version_id for r in answer.results] == [r.version_id for r in records]
    after = _stats(server)
    assert after["distinct_records"] - before["distinct_records"] == 25
    assert after["versions"] - before["versions"] == 25
    assert after["batches"] - before["batches"] == 1


def test_replay_returns_the_first_answer_verbatim(server: RunningServer) -> None:
    device = EnrolledDevice.enroll(server)
    batch = device.build([device.record() for _ in range(3)])

    first = device.post(batch)
    second = device.post(batch)

    assert first.status_code == second.status_code == 200
    assert second.content == first.content
    assert {r.status for r in p.parse_batch_response(second.json()).results} == {p.STATUS_ACCEPTED}


def test_different_body_under_the_same_batch_id_is_refused(server: RunningServer) -> None:
    device = EnrolledDevice.enroll(server)
    batch = device.build([device.record()])
    assert device.post(batch).status_code == 200

    other = device.build([device.record()], batch_id=batch.batch_id)
    refused = device.post(other)

    assert refused.status_code == 409
    assert refused.json()["code"] == p.ERROR_BATCH_ID_REUSED
    assert "batch_id_reused" in server.log_text()


def test_the_same_version_again_is_a_duplicate_and_different_content_a_conflict(
    server: RunningServer,
) -> None:
    device = EnrolledDevice.enroll(server)
    original = device.record({"full_name": "Original", "age": 40})
    device.send([original])
    before = _stats(server)

    same = device.send([original])  # a new batch carrying the same version (e.g. a rebuilt outbox)
    changed = device.record(
        {"full_name": "Changed", "age": 41}, record_id=original.record_id, version_id=original.version_id
    )
    conflicting = device.send([changed])

    assert same.results[0].status == p.STATUS_DUPLICATE
    assert conflicting.results[0].status == p.STATUS_CONFLICT
    assert conflicting.results[0].reason == p.REASON_CONTENT_DIFFERS
    after = _stats(server)
    assert after["distinct_records"] == before["distinct_records"]
    assert after["versions"] == before["versions"]
    assert after["conflicts"] == before["conflicts"] + 1


def test_a_version_id_twice_in_one_batch_keeps_the_first_records_answers(server: RunningServer) -> None:
    """The second record under the same version id is a conflict, as if it came in a later batch; the
    first is stored with its own answers (what is prepared before the transaction is the first's)."""
    device = EnrolledDevice.enroll(server)
    first = device.record({"full_name": "First", "age": 40})
    second = device.record({"full_name": "Second", "age": 41}, version_id=first.version_id)

    answer = device.send([first, second])

    assert answer.results[0].status == p.STATUS_ACCEPTED
    assert (answer.results[1].status, answer.results[1].reason) == (
        p.STATUS_CONFLICT,
        p.REASON_CONTENT_DIFFERS,
    )
    with server.engine() as engine, engine.connect() as connection:
        stored = connection.execute(
            select(RecordVersionRow.record_id, RecordVersionRow.answers_json).where(
                RecordVersionRow.version_id == first.version_id
            )
        ).all()
    assert len(stored) == 1 and stored[0][0] == first.record_id
    assert json.loads(stored[0][1])["full_name"] == "First"


def test_an_edit_moves_the_head_and_a_stale_edit_becomes_a_conflict(server: RunningServer) -> None:
    laptop_a = EnrolledDevice.enroll(server, "Laptop A")
    laptop_b = EnrolledDevice.enroll(server, "Laptop B")
    first = laptop_a.record({"full_name": "Ama", "age": 30})
    laptop_a.send([first])
    hand_over(server, laptop_a.device_id, laptop_b.device_id)  # B may edit A's records (a supervisor said so)
    before = _stats(server)

    edit_a = laptop_a.record(
        {"full_name": "Ama K.", "age": 30}, record_id=first.record_id, replaces=first.version_id
    )
    edit_b = laptop_b.record(
        {"full_name": "Ama", "age": 31}, record_id=first.record_id, replaces=first.version_id
    )
    accepted = laptop_a.send([edit_a])
    stale = laptop_b.send([edit_b])
    unknown_base = laptop_b.send([laptop_b.record(record_id=str(uuid.uuid4()), replaces=str(uuid.uuid4()))])

    assert accepted.results[0].status == p.STATUS_ACCEPTED
    assert (stale.results[0].status, stale.results[0].reason) == (p.STATUS_CONFLICT, p.REASON_STALE_EDIT)
    assert unknown_base.results[0].reason == p.REASON_UNKNOWN_BASE
    after = _stats(server)
    assert after["distinct_records"] == before["distinct_records"]
    assert after["versions"] == before["versions"] + 1
    assert after["conflicts"] == before["conflicts"] + 2


def test_a_record_and_its_edit_in_one_batch_are_both_accepted(server: RunningServer) -> None:
    device = EnrolledDevice.enroll(server)
    first = device.record()
    edit = device.record(
        {"full_name": "Edited", "age": 22}, record_id=first.record_id, replaces=first.version_id
    )
    before = _stats(server)

    answer = device.send([first, edit])

    assert [r.status for r in answer.results] == [p.STATUS_ACCEPTED, p.STATUS_ACCEPTED]
    after = _stats(server)
    assert after["distinct_records"] == before["distinct_records"] + 1
    assert after["versions"] == before["versions"] + 2


def test_unknown_form_version_is_rejected_with_a_reason(server: RunningServer) -> None:
    device = EnrolledDevice.enroll(server)

    answer = device.send([device.record(form_version="99")])

    assert answer.results[0].status == p.STATUS_REJECTED
    assert answer.results[0].reason == p.REASON_UNKNOWN_FORM


def test_answers_that_fail_the_form_are_rejected_with_problems(server: RunningServer) -> None:
    device = EnrolledDevice.enroll(server)
    good = device.record({"full_name": "Kofi", "age": 52})
    too_old = device.record({"full_name": "Kofi", "age": 300})
    nameless = device.record({"age": 12})
    before = server.stats()

    answer = device.send([good, too_old, nameless])

    assert [r.status for r in answer.results] == [p.STATUS_ACCEPTED, p.STATUS_REJECTED, p.STATUS_REJECTED]
    assert answer.results[1].reason == p.REASON_INVALID_ANSWERS
    assert [(x["code"], x["field"]) for x in answer.results[1].problems] == [("constraint", "age")]
    assert [(x["code"], x["field"]) for x in answer.results[2].problems] == [("required", "full_name")]
    assert server.stats()["distinct_records"] == before["distinct_records"] + 1


def test_a_tombstone_erases_the_answers_of_every_version(server: RunningServer) -> None:
    device = EnrolledDevice.enroll(server)
    first = device.record({"full_name": "Canary Erasure Person", "age": 33})
    edit = device.record(
        {"full_name": "Canary Erasure Person 2", "age": 34},
        record_id=first.record_id,
        replaces=first.version_id,
    )
    device.send([first, edit])
    tombstone = device.record({}, record_id=first.record_id, replaces=edit.version_id, deleted=True)

    answer = device.send([tombstone])
    late_duplicate = device.send([first])

    assert answer.results[0].status == p.STATUS_ACCEPTED
    assert late_duplicate.results[0].status == p.STATUS_DUPLICATE
    with server.engine() as engine, engine.connect() as connection:
        stored = (
            connection.execute(
                select(RecordVersionRow.answers_json).where(RecordVersionRow.record_id == first.record_id)
            )
            .scalars()
            .all()
        )
    assert stored == []  # the record is erased whole (sync/server/protection); only its erasure row stays
    with server.engine() as engine, engine.connect() as connection:
        erased = connection.execute(
            text("SELECT source FROM protection_erasures WHERE record_id = :r"), {"r": first.record_id}
        ).scalar_one()
    assert erased == "desk"


def test_nul_characters_are_refused_or_stored_never_a_server_error(server: RunningServer) -> None:
    device = EnrolledDevice.enroll(server)
    nul_answer = device.record({"full_name": "Nul\x00Name", "age": 20})
    plain = device.record({"full_name": "Plain", "age": 20})
    batch = p.build_batch(
        device_id=device.device_id,
        records=[nul_answer, plain],
        private_key=device.key,
        audit=[{"seq": 1, "action": "record_saved", "details": '{"version_id":"kept\\u0000"}'}],
    )
    nul_audit = p.build_batch(
        device_id=device.device_id,
        records=[device.record()],
        private_key=device.key,
        audit=[{"seq": 2, "action": "a\x00b"}],
    )

    answer = device.post(batch)
    refused = device.post(nul_audit)

    assert answer.status_code == 400 and refused.status_code == 400  # audit entries: ids and codes only
    batch = p.build_batch(device_id=device.device_id, records=[nul_answer, plain], private_key=device.key)
    answer = device.post(batch)
    assert answer.status_code == 200, answer.text
    results = p.parse_batch_response(answer.json()).results
    assert [r.status for r in results] == [p.STATUS_REJECTED, p.STATUS_ACCEPTED]
    with server.engine() as engine, engine.connect() as connection:
        audit = connection.execute(
            select(BatchRow.audit_json).where(BatchRow.batch_id == batch.batch_id)
        ).scalar_one()
    assert json.loads(audit) == []


def test_batches_over_the_limits_are_refused_with_413(server: RunningServer) -> None:
    device = EnrolledDevice.enroll(server)
    records = [device.record() for _ in range(p.MAX_BATCH_RECORDS + 1)]
    # build_batch refuses to make it, so sign the oversized payload by hand as a broken client would.
    payload = p.BatchPayload(str(uuid.uuid4()), device.device_id, 1, records[-1].sequence, tuple(records))
    payload_bytes = p.canonical_json(payload.to_json())
    digest = p.sha256_hex(payload_bytes)
    signature = base64.b64encode(device.key.sign(p.signing_message(payload.batch_id, digest))).decode()
    too_many = p.EncodedBatch(
        payload.batch_id,
        digest,
        gzip.compress(payload_bytes),
        {
            "Content-Encoding": "gzip",
            p.HEADER_BATCH_ID: payload.batch_id,
            p.HEADER_PAYLOAD_SHA256: digest,
            p.HEADER_SIGNATURE: signature,
        },
        len(records),
    )
    too_big = p.EncodedBatch(
        payload.batch_id, digest, os.urandom(p.MAX_BATCH_BYTES + 100_000), too_many.headers, 1
    )

    answers = [device.post(too_many), device.post(too_big)]

    assert [a.status_code for a in answers] == [413, 413]
    # Too many records: the protocol's limit; too many bytes: the server's body limit, before any parsing.
    assert [a.json()["code"] for a in answers] == [p.ERROR_TOO_LARGE, p.ERROR_BODY_TOO_LARGE]


def test_personal_values_never_reach_the_log_or_a_refusal(server: RunningServer) -> None:
    device = EnrolledDevice.enroll(server)
    canary = f"Canary{uuid.uuid4().hex[:10]}"
    good = device.record({"full_name": canary, "age": 40})
    invalid = device.record({"full_name": canary, "age": 999})
    conflicting = device.record(
        {"full_name": canary + "x", "age": 41}, record_id=good.record_id, version_id=good.version_id
    )
    answers = [device.send([good, invalid]), device.send([conflicting])]
    forged = p.build_batch(device_id=device.device_id, records=[good], private_key=p.generate_device_key())
    refused = device.post(forged)

    assert refused.status_code == 401
    assert canary not in refused.text
    assert all(canary not in json.dumps(a.to_json()) for a in answers)
    assert canary not in server.log_text()
