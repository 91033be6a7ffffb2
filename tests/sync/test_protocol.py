"""The wire format as pure functions: what the client builds, the server must decode the same way."""

from __future__ import annotations

import base64
import gzip
import json
import uuid

import pytest

from sync import protocol as p

DEVICE = str(uuid.uuid4())


def _record(sequence: int, answers: dict[str, object] | None = None, **changes: object) -> p.WireRecord:
    fields: dict[str, object] = {
        "record_id": str(uuid.uuid4()),
        "version_id": str(uuid.uuid4()),
        "sequence": sequence,
        "form_id": "registration",
        "form_version": "2026061301",
        "answers": answers if answers is not None else {"full_name": "Conceição N'Guessan", "age": 41},
        "created_at": "2026-06-13T10:00:00+00:00",
    }
    fields.update(changes)
    return p.WireRecord(**fields)  # type: ignore[arg-type]


def test_a_built_batch_decodes_to_the_same_records() -> None:
    key = p.generate_device_key()
    records = [_record(7), _record(8, replaces=str(uuid.uuid4())), _record(9, {}, deleted=True)]

    batch = p.build_batch(
        device_id=DEVICE, records=records, private_key=key, audit=[{"event": "sync", "n": 3}]
    )
    payload, payload_bytes = p.decode_batch(
        body=batch.body,
        batch_id=batch.headers[p.HEADER_BATCH_ID],
        payload_sha256=batch.headers[p.HEADER_PAYLOAD_SHA256],
        signature_b64=batch.headers[p.HEADER_SIGNATURE],
        public_key=base64.b64decode(p.public_key_b64(key)),
    )

    assert payload.records == tuple(records)
    assert (payload.sequence_first, payload.sequence_last) == (7, 9)
    assert payload.batch_id == batch.batch_id == batch.headers[p.HEADER_BATCH_ID]
    assert payload.device_id == DEVICE
    assert payload.audit == ({"event": "sync", "n": 3},)
    assert p.sha256_hex(payload_bytes) == batch.payload_sha256
    assert batch.headers["Content-Encoding"] == "gzip"


def test_the_same_batch_built_twice_has_the_same_bytes() -> None:
    key = p.generate_device_key()
    records = [_record(1)]
    first = p.build_batch(device_id=DEVICE, records=records, private_key=key, batch_id=str(uuid.uuid4()))
    again = p.build_batch(
        device_id=DEVICE,
        records=records,
        private_key=key,
        batch_id=first.batch_id,
        created_at=json.loads(gzip.decompress(first.body))["created_at"],
    )
    assert again.body == first.body
    assert again.headers == first.headers


def test_a_signature_from_another_key_or_a_changed_payload_fails() -> None:
    key, other = p.generate_device_key(), p.generate_device_key()
    batch = p.build_batch(device_id=DEVICE, records=[_record(1)], private_key=key)
    public = base64.b64decode(p.public_key_b64(key))
    forged = p.build_batch(device_id=DEVICE, records=[_record(1)], private_key=other)

    with pytest.raises(p.InvalidBatchSignature):
        p.decode_batch(
            body=forged.body,
            batch_id=forged.batch_id,
            payload_sha256=forged.payload_sha256,
            signature_b64=forged.headers[p.HEADER_SIGNATURE],
            public_key=public,
        )
    altered = gzip.compress(gzip.decompress(batch.body).replace(b"Conce", b"CONCE"))
    with pytest.raises(p.ProtocolError, match="SHA-256"):
        p.decode_batch(
            body=altered,
            batch_id=batch.batch_id,
            payload_sha256=batch.payload_sha256,
            signature_b64=batch.headers[p.HEADER_SIGNATURE],
            public_key=public,
        )
    with pytest.raises(p.InvalidBatchSignature):
        p.decode_batch(
            body=altered,
            batch_id=batch.batch_id,
            payload_sha256=p.sha256_hex(gzip.decompress(altered)),
            signature_b64=batch.headers[p.HEADER_SIGNATURE],
            public_key=public,
        )


def test_a_gzip_bomb_stops_at_the_size_limit() -> None:
    bomb = gzip.compress(b"{" + b" " * (p.MAX_BATCH_BYTES + 10))
    with pytest.raises(p.PayloadTooLarge):
        p.gunzip_limited(bomb, p.MAX_BATCH_BYTES)
    with pytest.raises(p.ProtocolError, match="truncated"):
        p.gunzip_limited(gzip.compress(b"{}" * 1000)[:-10], p.MAX_BATCH_BYTES)
    with pytest.raises(p.ProtocolError, match="gzip"):
        p.gunzip_limited(b"not gzip at all", p.MAX_BATCH_BYTES)


def test_plan_batches_respects_the_record_and_byte_limits() -> None:
    small = [_record(i) for i in range(1, 1202)]
    assert [len(b) for b in p.plan_batches(small)] == [500, 500, 201]

    big_answer = {"notes": "x" * (1024 * 1024)}  # ~1 MB each: five do not fit in 5 MB with the envelope
    big = [_record(i, big_answer) for i in range(1, 12)]
    plan = p.plan_batches(big)
    assert [len(b) for b in plan] == [4, 4, 3]
    assert [r for batch in plan for r in batch] == big
    key = p.generate_device_key()
    for records in plan:
        assert len(
            gzip.decompress(p.build_batch(device_id=DEVICE, records=records, private_key=key).body)
        ) <= (p.MAX_BATCH_BYTES)
    with pytest.raises(p.ProtocolError):
        p.plan_batches([_record(1, {"notes": "x" * p.MAX_BATCH_BYTES})])


def test_content_hash_ignores_transport_fields_only() -> None:
    record = _record(1)
    moved = p.WireRecord(**{**record.__dict__, "sequence": 99, "created_at": "2030-01-01T00:00:00+00:00"})
    edited = p.WireRecord(**{**record.__dict__, "answers": {**record.answers, "age": 42}})
    assert moved.content_hash() == record.content_hash()
    assert edited.content_hash() != record.content_hash()
    # Key order in the answers does not matter: the hash is over canonical JSON.
    reordered = p.WireRecord(**{**record.__dict__, "answers": dict(reversed(list(record.answers.items())))})
    assert reordered.content_hash() == record.content_hash()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"protocol": 2}, "protocol version"),
        ({"batch_id": "not-a-uuid"}, "batch_id"),
        ({"sequence_first": 5, "sequence_last": 4}, "reversed"),
        ({"sequence_first": 2, "sequence_last": 3}, "outside"),
        ({"records": "nope"}, "list of records"),
    ],
)
def test_malformed_payloads_are_refused_with_a_reason(change: dict[str, object], message: str) -> None:
    payload = p.BatchPayload(str(uuid.uuid4()), DEVICE, 1, 1, (_record(1),)).to_json()
    payload.update(change)
    with pytest.raises(p.ProtocolError, match=message):
        p.BatchPayload.from_json(payload)


def test_more_than_500_records_is_refused_by_both_sides() -> None:
    records = tuple(_record(i) for i in range(1, 502))
    with pytest.raises(p.ProtocolError, match="500"):
        p.build_batch(device_id=DEVICE, records=records, private_key=p.generate_device_key())
    with pytest.raises(p.ProtocolError, match="500"):
        p.BatchPayload.from_json(p.BatchPayload(str(uuid.uuid4()), DEVICE, 1, 501, records).to_json())


def test_a_response_that_misses_a_record_is_not_trusted() -> None:
    records = [_record(1), _record(2)]
    full = p.BatchResponse(
        "b", tuple(p.RecordResult(r.record_id, r.version_id, p.STATUS_ACCEPTED) for r in records)
    )
    parsed = p.parse_batch_response(json.loads(json.dumps(full.to_json())), expected_batch_id="b")
    p.check_response_covers(records, parsed)
    assert parsed.to_json()["counts"] == {"accepted": 2, "duplicate": 0, "conflict": 0, "rejected": 0}

    partial = p.parse_batch_response({**full.to_json(), "results": full.to_json()["results"][:1]})
    with pytest.raises(p.ProtocolError):
        p.check_response_covers(records, partial)
    with pytest.raises(p.ProtocolError):
        p.parse_batch_response(full.to_json(), expected_batch_id="other")
    with pytest.raises(p.ProtocolError):
        p.parse_batch_response({"results": [{"status": "maybe"}]})


def test_enrolment_messages_round_trip() -> None:
    key = p.generate_device_key()
    request = p.enroll_request("ABCD-EFGH-JKMN-PQRS", key, "laptop-3")
    assert p.decode_public_key_b64(request["public_key"]) == key.public_key().public_bytes_raw()
    restored = p.private_key_from_bytes(p.private_key_bytes(key))
    assert p.public_key_b64(restored) == request["public_key"]
    with pytest.raises(p.ProtocolError):
        p.decode_public_key_b64("c2hvcnQ=")
    enrolled = p.parse_enroll_response({"device_id": DEVICE, "credential": "secret", "server_time": "t"})
    assert enrolled.device_id == DEVICE
    with pytest.raises(p.ProtocolError):
        p.parse_enroll_response({"device_id": DEVICE})


def test_nan_and_deep_nesting_are_malformed_not_crashes() -> None:
    key = p.generate_device_key()
    public = key.public_key().public_bytes_raw()
    for payload_bytes in (b'{"protocol": 1, "x": NaN}', b"[" * 100_000 + b"]" * 100_000):
        digest = p.sha256_hex(payload_bytes)
        with pytest.raises(p.ProtocolError):
            p.decode_batch(
                body=gzip.compress(payload_bytes),
                batch_id=str(uuid.uuid4()),
                payload_sha256=digest,
                signature_b64=base64.b64encode(key.sign(b"x")).decode(),
                public_key=public,
            )
