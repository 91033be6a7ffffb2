"""The sync wire format shared by the laptop client and the central server (protocol version 1).

One source of truth: the client builds and signs batches with these functions, the server verifies and
parses them with the same functions. Only the standard library, ``cryptography`` and the desk's own file
bound (``forms.store.attachments``; no pydantic, no FastAPI) so the laptop install can import it.

A batch travels as one HTTP request::

    POST /v1/batches
    Authorization: Bearer <device credential>
    Content-Type: application/json
    Content-Encoding: gzip
    X-Diaspora-Protocol: 1
    X-Batch-Id: <batch uuid>            (the idempotency key; equals payload["batch_id"])
    X-Payload-SHA256: <hex SHA-256 of the uncompressed payload bytes>
    X-Signature: <base64 Ed25519 signature of signing_message(batch_id, payload_sha256)>

    body = gzip(payload bytes), payload = canonical JSON of BatchPayload.to_json()

The server hashes the exact payload bytes it received, so no re-serialisation has to agree between the
two sides. The answer (BatchResponse) is sent only after the server's transaction committed; replaying
the same batch returns the same answer byte for byte, a different payload under the same batch id is
refused with 409.
"""

from __future__ import annotations

import base64
import binascii
import gzip
import hashlib
import json
import math
import re
import uuid
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from forms.errors import DeskError
from forms.store.attachments import MAX_ATTACHMENT_BYTES as MAX_ATTACHMENT_BYTES  # part of the protocol

PROTOCOL_VERSION = 1
API_PREFIX = "/v1"

# Endpoint paths (relative to the server's base URL).
HEALTH_PATH = f"{API_PREFIX}/health"
ENROLL_PATH = f"{API_PREFIX}/enroll"
BATCHES_PATH = f"{API_PREFIX}/batches"
DEVICE_STATUS_PATH = f"{API_PREFIX}/device"
FORMS_PATH = f"{API_PREFIX}/forms"
SEALING_KEY_PATH = f"{API_PREFIX}/sealing-key"  # the X25519 key sealed batch files are encrypted to
HUB_APPROVALS_PATH = f"{API_PREFIX}/hub/approvals"  # a hub relays its supervisor's batch approvals
HUB_AUDIT_PATH = f"{API_PREFIX}/hub/audit"  # a hub relays its clerks' audit entries
# Files attached to records (photos, signatures): the device asks which the server lacks, then PUTs each
# one before the batch that names it (sync/client/files.py, sync/server/attachments.py).
ATTACHMENTS_PATH = f"{API_PREFIX}/attachments"
ATTACHMENTS_MISSING_PATH = f"{ATTACHMENTS_PATH}/missing"


def attachment_path(record_id: str, name: str) -> str:
    return f"{ATTACHMENTS_PATH}/{record_id}/{name}"


def form_download_path(form_id: str, version: str) -> str:
    return f"{FORMS_PATH}/{form_id}/versions/{version}"


# Limits of one batch: both hold, the client splits (plan_batches), the server refuses more (413).
MAX_BATCH_RECORDS = 500
MAX_BATCH_BYTES = 5 * 1024 * 1024

# Limits of files attached to records: the desk's own bound (MAX_ATTACHMENT_BYTES, defined once in
# forms.store.attachments), one file a request; at most this many files named in one "which are missing"
# question.
MAX_ATTACHMENT_QUERY = 200

# Headers of a batch request.
HEADER_PROTOCOL = "X-Diaspora-Protocol"
HEADER_BATCH_ID = "X-Batch-Id"
HEADER_PAYLOAD_SHA256 = "X-Payload-SHA256"
HEADER_SIGNATURE = "X-Signature"
# Headers of a file upload (with HEADER_SIGNATURE over attachment_signing_message).
HEADER_VERSION_ID = "X-Version-Id"  # the record version that first names the file
HEADER_FILE_SHA256 = "X-File-SHA256"  # hex SHA-256 of the exact bytes of the body

# Per-record statuses in a batch answer.
STATUS_ACCEPTED = "accepted"
STATUS_DUPLICATE = "duplicate"
STATUS_CONFLICT = "conflict"
STATUS_REJECTED = "rejected"
RECORD_STATUSES = (STATUS_ACCEPTED, STATUS_DUPLICATE, STATUS_CONFLICT, STATUS_REJECTED)
# Statuses after which the client may mark the version sent: the server holds it (conflicts go to a
# supervisor on the server) or will never take it (rejected, with a reason to show).
FINAL_STATUSES = frozenset(RECORD_STATUSES)

# Machine-readable reasons (the client turns them into words).
REASON_CONTENT_DIFFERS = "content_differs"  # conflict: same version id, different content
REASON_STALE_EDIT = "stale_edit"  # conflict: `replaces` is not the record's current head
REASON_UNKNOWN_BASE = "unknown_base_version"  # conflict: `replaces` names a version the server lacks
REASON_RECORD_EXISTS = "record_exists"  # conflict: a second first version for an existing record
REASON_UNKNOWN_FORM = "unknown_form_version"  # rejected: form version not published on the server
REASON_INVALID_ANSWERS = "invalid_answers"  # rejected: fails the form's validation (see problems)
REASON_MISSING_ATTACHMENT = "missing_attachment"  # rejected: names a file the server does not hold

# Error codes in the JSON body of a refused request: {"detail": sentence, "code": code}.
ERROR_UNAUTHENTICATED = "unauthenticated"  # 401
ERROR_BAD_SIGNATURE = "bad_signature"  # 401
ERROR_DEVICE_REVOKED = "device_revoked"  # 403
ERROR_DEVICE_LOST = "device_lost"  # 403, body also has "erase_keys": true
ERROR_BATCH_ID_REUSED = "batch_id_reused"  # 409
ERROR_STORE_ROLLED_BACK = "store_rolled_back"  # 409: the audit chain goes back behind the server's
ERROR_TOO_LARGE = "batch_too_large"  # 413
ERROR_MALFORMED = "malformed_batch"  # 400
ERROR_ENROLLMENT_REFUSED = "enrollment_refused"  # 403
ERROR_NOT_RECORD_OWNER = "not_record_owner"  # 403: a batch changes a record another device owns
ERROR_BODY_TOO_LARGE = "body_too_large"  # 413: the request body is over the endpoint's limit
ERROR_MALFORMED_REQUEST = "malformed_request"  # 400/422: not strict JSON, or fields of the wrong kind
ERROR_RATE_LIMITED = "too_many_attempts"  # 429, with Retry-After
ERROR_FILE_MISMATCH = "file_hash_mismatch"  # 400: a file's bytes do not match its SHA-256 or its name
ERROR_FILE_REFUSED = "file_refused"  # 400/409: this file cannot be kept for this record (too many files,
# or its version id and name are kept already for another record); other files and requests are fine
ERROR_INTERNAL = "internal_error"  # 500: a bug; the log has the traceback (frames only, no values)


class ProtocolError(DeskError):
    """A batch or answer that does not follow the protocol (the message names what is wrong)."""


# --------------------------------------------------------------------------- canonical bytes and hashes


def canonical_json(value: Any) -> bytes:
    """The one serialisation both sides hash: sorted keys, no spaces, UTF-8, no NaN."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def signing_message(batch_id: str, payload_sha256: str) -> bytes:
    """What the device key signs: a domain tag, the batch id and the payload digest."""
    return f"diaspora-desk/batch/v{PROTOCOL_VERSION}\n{batch_id}\n{payload_sha256}".encode("ascii")


def attachment_signing_message(record_id: str, version_id: str, name: str, file_sha256: str) -> bytes:
    """What the device key signs for one file: a domain tag, the record, the version, the name, the digest."""
    return f"diaspora-desk/file/v{PROTOCOL_VERSION}\n{record_id}\n{version_id}\n{name}\n{file_sha256}".encode(
        "ascii"
    )


def sign(private_key: Ed25519PrivateKey, message: bytes) -> str:
    return base64.b64encode(private_key.sign(message)).decode("ascii")


# --------------------------------------------------------------------------- records and batches


@dataclass(frozen=True)
class WireRecord:
    """One record version as it travels. A version is frozen: an edit is a new version naming `replaces`."""

    record_id: str
    version_id: str
    sequence: int  # the device's outbox sequence number (orders the outbox; not a clock)
    form_id: str
    form_version: str
    answers: Mapping[str, Any]  # docs/contracts.md "Answers"; tombstones carry {}
    replaces: str | None = None  # the version this one edits; None for a record's first version
    deleted: bool = False  # a tombstone (erasure travels through the outbox too)
    created_at: str = ""  # ISO 8601 with offset, when the version was finalised on the laptop
    # Who made it: the operator, and when a hub relays it the laptop's store id (not part of the content,
    # so the same version relayed or sent directly is the same version). None: the sending device itself.
    origin_device: str | None = None
    origin_operator: str | None = None

    def content(self) -> dict[str, Any]:
        """The fields that make a version what it is (not its transport position)."""
        return {
            "record_id": self.record_id,
            "version_id": self.version_id,
            "replaces": self.replaces,
            "form_id": self.form_id,
            "form_version": self.form_version,
            "deleted": self.deleted,
            "answers": dict(self.answers),
        }

    def content_hash(self) -> str:
        return sha256_hex(canonical_json(self.content()))

    def to_json(self) -> dict[str, Any]:
        data = {**self.content(), "sequence": self.sequence, "created_at": self.created_at}
        if self.origin_device is not None:
            data["origin_device"] = self.origin_device
        if self.origin_operator is not None:
            data["origin_operator"] = self.origin_operator
        return data

    @classmethod
    def from_json(cls, data: Any) -> WireRecord:
        if not isinstance(data, dict):
            raise ProtocolError("A record in the batch is not an object.")
        answers = data.get("answers")
        if not isinstance(answers, dict):
            raise ProtocolError("A record in the batch has no answers object.")
        replaces = data.get("replaces")
        origin_device = data.get("origin_device")
        origin_operator = data.get("origin_operator")
        return cls(
            record_id=_uuid_text(data.get("record_id"), "record_id"),
            version_id=_uuid_text(data.get("version_id"), "version_id"),
            sequence=_non_negative_int(data.get("sequence"), "sequence"),
            form_id=_short_text(data.get("form_id"), "form_id"),
            form_version=_short_text(data.get("form_version"), "form_version"),
            answers=answers,
            replaces=None if replaces is None else _uuid_text(replaces, "replaces"),
            deleted=_boolean(data.get("deleted", False), "deleted"),
            created_at=_optional_text(data.get("created_at"), "created_at"),
            origin_device=None if origin_device is None else _uuid_text(origin_device, "origin_device"),
            origin_operator=None
            if origin_operator is None
            else _optional_text(origin_operator, "origin_operator")[:64],
        )


@dataclass(frozen=True)
class BatchPayload:
    """What a batch says; its canonical JSON is the payload that is hashed, signed and gzipped."""

    batch_id: str
    device_id: str
    sequence_first: int
    sequence_last: int
    records: tuple[WireRecord, ...]
    created_at: str = ""
    # Hash-chained audit entries (ids only, never personal values) sent along with the records.
    audit: tuple[Mapping[str, Any], ...] = ()
    protocol: int = PROTOCOL_VERSION

    def to_json(self) -> dict[str, Any]:
        return {
            "protocol": self.protocol,
            "batch_id": self.batch_id,
            "device_id": self.device_id,
            "sequence_first": self.sequence_first,
            "sequence_last": self.sequence_last,
            "created_at": self.created_at,
            "records": [record.to_json() for record in self.records],
            "audit": [dict(entry) for entry in self.audit],
        }

    @classmethod
    def from_json(cls, data: Any) -> BatchPayload:
        if not isinstance(data, dict):
            raise ProtocolError("The batch payload is not a JSON object.")
        if data.get("protocol") != PROTOCOL_VERSION:
            raise ProtocolError(f"The batch uses a protocol version other than {PROTOCOL_VERSION}.")
        records = data.get("records")
        audit = data.get("audit", [])
        if not isinstance(records, list) or not isinstance(audit, list):
            raise ProtocolError("The batch payload has no list of records.")
        if not all(isinstance(entry, dict) for entry in audit):
            raise ProtocolError("An audit entry in the batch is not an object.")
        payload = cls(
            batch_id=_uuid_text(data.get("batch_id"), "batch_id"),
            device_id=_uuid_text(data.get("device_id"), "device_id"),
            sequence_first=_non_negative_int(data.get("sequence_first"), "sequence_first"),
            sequence_last=_non_negative_int(data.get("sequence_last"), "sequence_last"),
            records=tuple(WireRecord.from_json(item) for item in records),
            created_at=_optional_text(data.get("created_at"), "created_at"),
            audit=tuple(audit),
        )
        payload.check_limits_and_range()
        return payload

    def check_limits_and_range(self) -> None:
        if len(self.records) > MAX_BATCH_RECORDS:
            raise PayloadTooLarge(f"A batch holds at most {MAX_BATCH_RECORDS} records.")
        if self.sequence_first > self.sequence_last:
            raise ProtocolError("The batch's sequence range is reversed.")
        for record in self.records:
            if not self.sequence_first <= record.sequence <= self.sequence_last:
                raise ProtocolError("A record's sequence number lies outside the batch's range.")


@dataclass(frozen=True)
class EncodedBatch:
    """A signed batch ready to POST: the gzip body and the headers (add Authorization yourself)."""

    batch_id: str
    payload_sha256: str
    body: bytes
    headers: dict[str, str]
    record_count: int


def new_batch_id() -> str:
    return str(uuid.uuid4())


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def build_batch(
    *,
    device_id: str,
    records: Sequence[WireRecord],
    private_key: Ed25519PrivateKey,
    batch_id: str | None = None,
    audit: Sequence[Mapping[str, Any]] = (),
    created_at: str | None = None,
) -> EncodedBatch:
    """Sign and compress one batch. Keep `batch_id` (and the records) when retrying: the idempotency key.

    A retry must send the same payload bytes, so a client stores the encoded body (or the batch id and
    `created_at` together with the exact record list) until the server's answer arrives.
    """
    if not records and not audit:
        raise ProtocolError("A batch needs at least one record or audit entry.")
    sequences = [record.sequence for record in records]
    payload = BatchPayload(
        batch_id=_uuid_text(batch_id or new_batch_id(), "batch_id"),
        device_id=_uuid_text(device_id, "device_id"),
        sequence_first=min(sequences) if sequences else 0,
        sequence_last=max(sequences) if sequences else 0,
        records=tuple(records),
        created_at=created_at if created_at is not None else now_iso(),
        audit=tuple(audit),
    )
    payload.check_limits_and_range()
    payload_bytes = canonical_json(payload.to_json())
    if len(payload_bytes) > MAX_BATCH_BYTES:
        raise ProtocolError("The batch is larger than 5 MB; split it with plan_batches.")
    digest = sha256_hex(payload_bytes)
    signature = private_key.sign(signing_message(payload.batch_id, digest))
    # mtime=0 keeps the gzip bytes a pure function of the payload (same batch -> same body).
    body = gzip.compress(payload_bytes, compresslevel=6, mtime=0)
    headers = {
        "Content-Type": "application/json",
        "Content-Encoding": "gzip",
        HEADER_PROTOCOL: str(PROTOCOL_VERSION),
        HEADER_BATCH_ID: payload.batch_id,
        HEADER_PAYLOAD_SHA256: digest,
        HEADER_SIGNATURE: base64.b64encode(signature).decode("ascii"),
    }
    return EncodedBatch(payload.batch_id, digest, body, headers, len(records))


def plan_batches(records: Iterable[WireRecord]) -> list[list[WireRecord]]:
    """Split records (in outbox order) into batches of at most 500 records and 5 MB of payload."""
    envelope = 1024  # batch fields and JSON punctuation around the records, generously
    batches: list[list[WireRecord]] = []
    current: list[WireRecord] = []
    size = envelope
    for record in records:
        record_size = len(canonical_json(record.to_json())) + 1
        if record_size + envelope > MAX_BATCH_BYTES:
            raise ProtocolError("One record is larger than a whole batch may be (5 MB).")
        if current and (len(current) >= MAX_BATCH_RECORDS or size + record_size > MAX_BATCH_BYTES):
            batches.append(current)
            current, size = [], envelope
        current.append(record)
        size += record_size
    if current:
        batches.append(current)
    return batches


def decode_batch(
    *,
    body: bytes,
    batch_id: str,
    payload_sha256: str,
    signature_b64: str,
    public_key: bytes,
) -> tuple[BatchPayload, bytes]:
    """Server side: decompress, check digest and signature, then parse. Returns the payload and its bytes.

    The signature covers the batch id (the X-Batch-Id header) and the digest of the exact payload
    bytes, so it is verified over the raw bytes before a single JSON token is parsed: a sender without
    the device key never reaches the parser. The payload's own batch id must then equal the header's.
    Raises ProtocolError for a malformed batch and InvalidBatchSignature for a wrong signature.
    """
    header_batch_id = _uuid_text(batch_id, "X-Batch-Id")
    payload_bytes = gunzip_limited(body, MAX_BATCH_BYTES)
    digest = sha256_hex(payload_bytes)
    if digest != payload_sha256.lower():
        raise ProtocolError("The payload does not match its SHA-256 (truncated or altered in transit).")
    verify_signature(public_key, signing_message(header_batch_id, digest), signature_b64)
    payload = BatchPayload.from_json(strict_json_loads(payload_bytes))
    if payload.batch_id != header_batch_id:
        raise ProtocolError("The X-Batch-Id header differs from the batch's id.")
    return payload, payload_bytes


# Bounds of strict JSON. Python's own parser would take a 4,300-digit integer (and fail past that with a
# bare ValueError), read 1e400 as infinity and "\ud800" as a lone surrogate no UTF-8 encoder can write.
MAX_JSON_INT_DIGITS = 19  # |n| < 10**19 covers every 64-bit integer


def _reject_constant(name: str) -> Any:
    raise ProtocolError(f"The JSON contains {name}, which is not a number JSON allows.")


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_JSON_INT_DIGITS:
        raise ProtocolError(f"The JSON contains an integer longer than {MAX_JSON_INT_DIGITS} digits.")
    return int(text)


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ProtocolError("The JSON contains a number too large to represent.")
    return value


def strict_json_loads(data: bytes) -> Any:
    """Parse untrusted JSON: UTF-8 only; no NaN or Infinity; no number that overflows to infinity; no
    integer over 19 digits; no lone surrogate in a string or a key. Anything else is a ProtocolError
    (one sentence that never repeats the offending value)."""
    try:
        value = json.loads(
            data.decode("utf-8"),
            parse_constant=_reject_constant,
            parse_int=_bounded_int,
            parse_float=_finite_float,
        )
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ProtocolError("The body is not valid UTF-8 JSON.") from exc
    except ValueError as exc:  # whatever else a number parser raises; never echo the text
        raise ProtocolError("The JSON contains a number that cannot be read.") from exc
    if _SURROGATE_ESCAPE.search(data):  # valid UTF-8 holds none: only an escape can make one
        _check_strings(value)
    return value


# A \uD800-\uDFFF escape (also as the second half of a pair, or after an escaped backslash: then the
# walk below finds nothing, which is only slower).
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


def _check_strings(value: Any) -> None:
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            _check_text(item)
        elif isinstance(item, dict):
            for key, inner in item.items():
                _check_text(key)
                pending.append(inner)
        elif isinstance(item, list):
            pending.extend(item)


def _check_text(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ProtocolError("The JSON contains a lone surrogate, which is not text.") from None


class InvalidBatchSignature(ProtocolError):
    """The signature does not verify with the device's registered key."""


def verify_signature(public_key: bytes, message: bytes, signature_b64: str) -> None:
    try:
        signature = base64.b64decode(signature_b64, validate=True)
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
    except (InvalidSignature, binascii.Error, ValueError) as exc:
        raise InvalidBatchSignature("The batch signature does not verify with the device key.") from exc


class PayloadTooLarge(ProtocolError):
    """The batch exceeds a limit: more than 500 records or more than 5 MB decompressed (HTTP 413)."""


def gunzip_limited(body: bytes, limit: int) -> bytes:
    """Decompress without letting a small gzip bomb expand past `limit` bytes."""
    decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        data = decompressor.decompress(body, limit + 1)
        if len(data) > limit or decompressor.unconsumed_tail:
            raise PayloadTooLarge("The batch is larger than 5 MB once decompressed.")
        if not decompressor.eof:
            raise ProtocolError("The gzip body is truncated.")
    except zlib.error as exc:
        raise ProtocolError("The body is not valid gzip.") from exc
    return data


# --------------------------------------------------------------------------- answers


@dataclass(frozen=True)
class RecordResult:
    record_id: str
    version_id: str
    status: str
    reason: str | None = None
    # Form validation problems for a rejected record: [{"code": ..., "field": ..., "params": {...}}].
    problems: tuple[Mapping[str, Any], ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "record_id": self.record_id,
            "version_id": self.version_id,
            "status": self.status,
            "reason": self.reason,
            "problems": [dict(problem) for problem in self.problems],
        }


@dataclass(frozen=True)
class BatchResponse:
    batch_id: str
    results: tuple[RecordResult, ...]
    received_at: str = ""
    protocol: int = PROTOCOL_VERSION
    counts: Mapping[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        counts = {status: 0 for status in RECORD_STATUSES}
        for result in self.results:
            counts[result.status] += 1
        return {
            "protocol": self.protocol,
            "batch_id": self.batch_id,
            "received_at": self.received_at,
            "counts": counts,
            "results": [result.to_json() for result in self.results],
        }

    def by_version(self) -> dict[str, RecordResult]:
        return {result.version_id: result for result in self.results}


def parse_batch_response(data: Any, *, expected_batch_id: str | None = None) -> BatchResponse:
    """Client side: parse and check the server's answer to a batch (raise ProtocolError if it is not one)."""
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        raise ProtocolError("The server's answer to the batch is not a batch answer.")
    if expected_batch_id is not None and data.get("batch_id") != expected_batch_id:
        raise ProtocolError("The server answered for a different batch.")
    results = []
    for item in data["results"]:
        if not isinstance(item, dict) or item.get("status") not in RECORD_STATUSES:
            raise ProtocolError("The server's answer has a record status this client does not know.")
        problems = item.get("problems") or []
        results.append(
            RecordResult(
                record_id=str(item.get("record_id")),
                version_id=str(item.get("version_id")),
                status=str(item["status"]),
                reason=item.get("reason"),
                problems=tuple(p for p in problems if isinstance(p, dict)),
            )
        )
    raw_counts = data.get("counts")
    counts: dict[str, int] = (
        {str(k): int(v) for k, v in raw_counts.items() if isinstance(v, int)}
        if isinstance(raw_counts, dict)
        else {}
    )
    return BatchResponse(
        batch_id=str(data.get("batch_id")),
        results=tuple(results),
        received_at=str(data.get("received_at", "")),
        protocol=data["protocol"] if isinstance(data.get("protocol"), int) else PROTOCOL_VERSION,
        counts=counts,
    )


def check_response_covers(batch: Sequence[WireRecord], response: BatchResponse) -> None:
    """Every version sent must have exactly one status, or the answer cannot be trusted (e.g. truncated)."""
    answered = response.by_version()
    missing = [record.version_id for record in batch if record.version_id not in answered]
    if missing or len(answered) != len(batch):
        raise ProtocolError("The server's answer does not give a status for every record sent.")


# --------------------------------------------------------------------------- device keys and enrolment


def generate_device_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def private_key_bytes(key: Ed25519PrivateKey) -> bytes:
    """The raw 32-byte private key (store it encrypted on the laptop, never in plaintext)."""
    return key.private_bytes_raw()


def private_key_from_bytes(raw: bytes) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(raw)


def public_key_b64(key: Ed25519PrivateKey) -> str:
    return base64.b64encode(key.public_key().public_bytes_raw()).decode("ascii")


def decode_public_key_b64(text: str) -> bytes:
    """Server side: the 32 raw bytes of a registered Ed25519 public key (ProtocolError if it is not one)."""
    try:
        raw = base64.b64decode(text, validate=True)
        Ed25519PublicKey.from_public_bytes(raw)
    except (binascii.Error, ValueError) as exc:
        raise ProtocolError("The public key is not a base64 Ed25519 key.") from exc
    return raw


def enroll_request(
    code: str, key: Ed25519PrivateKey, device_label: str = "", laptop_id: str | None = None
) -> dict[str, Any]:
    """The JSON body of POST /v1/enroll. `laptop_id` is the desk's device id (its store's), proposed: the
    server answers it as `device_id` when no device of that server has it, else a new id, which the desk
    adopts (sync/server/auth.py enrolled_device_id; docs/architecture.md, "The device id")."""
    body: dict[str, Any] = {
        "protocol": PROTOCOL_VERSION,
        "code": code,
        "public_key": public_key_b64(key),
        "label": device_label,
    }
    if laptop_id:
        body["laptop_id"] = laptop_id
    return body


@dataclass(frozen=True)
class Enrollment:
    """The server's answer to an enrolment: keep the credential encrypted; the server keeps only a hash."""

    device_id: str
    credential: str
    server_time: str
    sealing_key: str | None = None  # base64 X25519 key for sealed batch files (servers since 0006_hub)


def parse_enroll_response(data: Any) -> Enrollment:
    if not isinstance(data, dict):
        raise ProtocolError("The server's answer to the enrolment is not an object.")
    try:
        return Enrollment(
            device_id=_uuid_text(data.get("device_id"), "device_id"),
            credential=_short_text(data.get("credential"), "credential"),
            server_time=str(data.get("server_time", "")),
            sealing_key=data["sealing_key"] if isinstance(data.get("sealing_key"), str) else None,
        )
    except ProtocolError as exc:
        raise ProtocolError("The server's answer to the enrolment is incomplete.") from exc


def auth_headers(credential: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {credential}"}


# --------------------------------------------------------------------------- field checks


def _uuid_text(value: Any, name: str) -> str:
    if not isinstance(value, str):
        raise ProtocolError(f"The field {name} is not a UUID.")
    try:
        return str(uuid.UUID(value))
    except ValueError as exc:
        raise ProtocolError(f"The field {name} is not a UUID.") from exc


def _non_negative_int(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0 or value >= 2**63:
        raise ProtocolError(f"The field {name} is not a non-negative integer.")
    return value


def _short_text(value: Any, name: str) -> str:
    if not isinstance(value, str) or not value or len(value) > 200 or "\x00" in value:
        raise ProtocolError(f"The field {name} is not a short text.")
    return value


def _optional_text(value: Any, name: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str) or len(value) > 100 or "\x00" in value:
        raise ProtocolError(f"The field {name} is not a text.")
    return value


def _boolean(value: Any, name: str) -> bool:
    if not isinstance(value, bool):
        raise ProtocolError(f"The field {name} is not true or false.")
    return value
