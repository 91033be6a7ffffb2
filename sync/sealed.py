"""Sealed batch files: records carried by hand from a laptop without internet to the central server.

One file holds the laptop's signed batches (the very bytes, batch ids and signatures that sync would send,
so the batch ids stay the idempotency keys), encrypted to the central server's X25519 sealing key and
signed by the laptop's Ed25519 device key::

    DIASPORA-SEALED-1\\n
    canonical JSON {"header": {...}, "ciphertext": base64, "signature": base64}

- header: format, device_id, export_id, created_at, server_key_sha256 (which server it is for), the
  ephemeral X25519 public key and the nonce. It is the AEAD's associated data, so it cannot be changed.
- ciphertext: ChaCha20-Poly1305 under HKDF-SHA256(X25519(ephemeral, server)) of the canonical JSON
  {export_id, device_id, receipt_key, batches: [{batch_id, payload_sha256, signature, body}]}.
- signature: the device key over a domain tag and the SHA-256 of the header and the ciphertext (checked
  before anything is decrypted; a changed byte anywhere is refused).

The server answers with a receipt file: the stored answer of every batch, authenticated with HMAC-SHA256
under ``receipt_key`` (random, inside the ciphertext): only whoever could decrypt the file, the server,
can write a receipt the laptop accepts, so a forged receipt cannot make a laptop drop its records.

Only the standard library and ``cryptography`` (shared by the laptop and the server; no Qt).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from sync import protocol as p

MAGIC = b"DIASPORA-SEALED-1\n"
RECEIPT_MAGIC = b"DIASPORA-RECEIPT-1\n"
FORMAT_VERSION = 1
_DOMAIN = b"diaspora-desk/sealed/v1"
# A file holds at most this many bytes (about 90 full batches); export more in several files.
MAX_SEALED_BYTES = 512 * 1024 * 1024
MAX_RECEIPT_BYTES = 64 * 1024 * 1024


class SealedFileError(p.ProtocolError):
    """A sealed or receipt file that cannot be used (the sentence says why, never what it holds)."""


@dataclass(frozen=True)
class SealedBatch:
    batch_id: str
    payload_sha256: str
    signature: str  # base64 Ed25519, as in the X-Signature header
    body: bytes  # the gzip body exactly as sync sends it

    def to_json(self) -> dict[str, str]:
        return {
            "batch_id": self.batch_id,
            "payload_sha256": self.payload_sha256,
            "signature": self.signature,
            "body": _b64(self.body),
        }


@dataclass(frozen=True)
class SealedContents:
    export_id: str
    device_id: str
    receipt_key: bytes
    batches: tuple[SealedBatch, ...]


@dataclass(frozen=True)
class SealedEnvelope:
    header: dict[str, Any]
    ciphertext: bytes
    signature: bytes

    @property
    def device_id(self) -> str:
        return str(self.header["device_id"])

    @property
    def export_id(self) -> str:
        return str(self.header["export_id"])


def key_fingerprint(public_key: bytes) -> str:
    return hashlib.sha256(public_key).hexdigest()


def new_sealing_key() -> X25519PrivateKey:
    return X25519PrivateKey.generate()


def sealing_public_bytes(key: X25519PrivateKey) -> bytes:
    return key.public_key().public_bytes_raw()


def decode_sealing_key_b64(text: str) -> bytes:
    """The 32 raw bytes of a server's X25519 sealing key (ProtocolError if it is not one)."""
    try:
        raw = base64.b64decode(text, validate=True)
        X25519PublicKey.from_public_bytes(raw)
    except (binascii.Error, ValueError) as exc:
        raise p.ProtocolError("The server's sealing key is not a base64 X25519 key.") from exc
    return raw


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: Any, what: str) -> bytes:
    if not isinstance(value, str):
        raise SealedFileError(f"The sealed file's {what} is missing.")
    try:
        return base64.b64decode(value, validate=True)
    except binascii.Error as exc:
        raise SealedFileError(f"The sealed file was changed or damaged: its {what} is not base64.") from exc


def _aead_key(shared: bytes, ephemeral: bytes, server: bytes) -> bytes:
    info = _DOMAIN + b"\n" + ephemeral + server
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(shared)


def _signed_message(header: dict[str, Any], ciphertext: bytes) -> bytes:
    digest = hashlib.sha256(p.canonical_json(header) + ciphertext).hexdigest()
    return _DOMAIN + b"\n" + digest.encode("ascii")


# --------------------------------------------------------------------------- sealing (the laptop)


def seal(
    *,
    device_id: str,
    device_key: Ed25519PrivateKey,
    server_public_key: bytes,
    batches: list[SealedBatch],
    export_id: str,
    receipt_key: bytes,
    created_at: str | None = None,
) -> bytes:
    """The sealed file's bytes for `batches`, readable only with the server's private sealing key."""
    server = X25519PublicKey.from_public_bytes(server_public_key)
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    nonce = os.urandom(12)
    header = {
        "format": FORMAT_VERSION,
        "device_id": device_id,
        "export_id": export_id,
        "created_at": created_at or p.now_iso(),
        "server_key_sha256": key_fingerprint(server_public_key),
        "ephemeral_key": _b64(ephemeral_public),
        "nonce": _b64(nonce),
    }
    plaintext = p.canonical_json(
        {
            "export_id": export_id,
            "device_id": device_id,
            "receipt_key": _b64(receipt_key),
            "batches": [batch.to_json() for batch in batches],
        }
    )
    key = _aead_key(ephemeral.exchange(server), ephemeral_public, server_public_key)
    ciphertext = ChaCha20Poly1305(key).encrypt(nonce, plaintext, p.canonical_json(header))
    signature = device_key.sign(_signed_message(header, ciphertext))
    envelope = {"header": header, "ciphertext": _b64(ciphertext), "signature": _b64(signature)}
    data = MAGIC + p.canonical_json(envelope)
    if len(data) > MAX_SEALED_BYTES:
        raise SealedFileError("The records do not fit one sealed file (512 MB); export one batch at a time.")
    return data


# --------------------------------------------------------------------------- opening (the server)


def read_envelope(data: bytes) -> SealedEnvelope:
    """Parse the outer layer (nothing is trusted yet): ProtocolError in one sentence if it is not one."""
    if len(data) > MAX_SEALED_BYTES:
        raise SealedFileError("The file is larger than a sealed file may be.")
    if not data.startswith(MAGIC):
        raise SealedFileError("This is not a sealed batch file from Diaspora Desk.")
    try:
        envelope = p.strict_json_loads(data[len(MAGIC) :])
    except p.ProtocolError as exc:
        raise SealedFileError("The sealed file is damaged (it is not the JSON it should be).") from exc
    if not isinstance(envelope, dict) or not isinstance(envelope.get("header"), dict):
        raise SealedFileError("The sealed file is damaged (no header).")
    header = envelope["header"]
    if header.get("format") != FORMAT_VERSION:
        raise SealedFileError("The sealed file uses a format this server does not know.")
    for name in ("device_id", "export_id"):
        p._uuid_text(header.get(name), name)
    return SealedEnvelope(
        header=header,
        ciphertext=_unb64(envelope.get("ciphertext"), "content"),
        signature=_unb64(envelope.get("signature"), "signature"),
    )


def verify_envelope(envelope: SealedEnvelope, device_public_key: bytes) -> None:
    try:
        Ed25519PublicKey.from_public_bytes(device_public_key).verify(
            envelope.signature, _signed_message(envelope.header, envelope.ciphertext)
        )
    except (InvalidSignature, ValueError) as exc:
        raise SealedFileError(
            "The sealed file's signature does not verify with the laptop's key: it was changed or forged."
        ) from exc


def open_envelope(envelope: SealedEnvelope, server_private_key: X25519PrivateKey) -> SealedContents:
    """Decrypt with the server's sealing key (after verify_envelope); refuses a file sealed for another."""
    server_public = sealing_public_bytes(server_private_key)
    if envelope.header.get("server_key_sha256") != key_fingerprint(server_public):
        raise SealedFileError(
            "The sealed file was sealed for another server's key; this server cannot open it."
        )
    ephemeral = _unb64(envelope.header.get("ephemeral_key"), "ephemeral key")
    nonce = _unb64(envelope.header.get("nonce"), "nonce")
    try:
        shared = server_private_key.exchange(X25519PublicKey.from_public_bytes(ephemeral))
        key = _aead_key(shared, ephemeral, server_public)
        aad = p.canonical_json(envelope.header)
        plaintext = ChaCha20Poly1305(key).decrypt(nonce, envelope.ciphertext, aad)
    except (InvalidTag, ValueError) as exc:
        raise SealedFileError("The sealed file cannot be decrypted with this server's key.") from exc
    return _contents(p.strict_json_loads(plaintext), envelope)


def _contents(data: Any, envelope: SealedEnvelope) -> SealedContents:
    if not isinstance(data, dict) or not isinstance(data.get("batches"), list):
        raise SealedFileError("The sealed file holds no list of batches.")
    if data.get("device_id") != envelope.device_id or data.get("export_id") != envelope.export_id:
        raise SealedFileError("The sealed file's content names another laptop than its header.")
    batches = []
    for item in data["batches"]:
        if not isinstance(item, dict):
            raise SealedFileError("A batch in the sealed file is not an object.")
        batches.append(
            SealedBatch(
                batch_id=p._uuid_text(item.get("batch_id"), "batch_id"),
                payload_sha256=str(item.get("payload_sha256", "")),
                signature=str(item.get("signature", "")),
                body=_unb64(item.get("body"), "batch body"),
            )
        )
    receipt_key = _unb64(data.get("receipt_key"), "receipt key")
    return SealedContents(envelope.export_id, envelope.device_id, receipt_key, tuple(batches))


# --------------------------------------------------------------------------- receipts


@dataclass(frozen=True)
class Receipt:
    export_id: str
    device_id: str
    answers: tuple[dict[str, Any], ...]  # the server's stored answer to each batch (sync's JSON)


def write_receipt(contents: SealedContents, answers: list[bytes]) -> bytes:
    body = {
        "format": FORMAT_VERSION,
        "export_id": contents.export_id,
        "device_id": contents.device_id,
        "answers": [json.loads(answer) for answer in answers],
    }
    mac = hmac.new(contents.receipt_key, p.canonical_json(body), hashlib.sha256).hexdigest()
    return RECEIPT_MAGIC + p.canonical_json({"receipt": body, "mac": mac})


def read_receipt_export_id(data: bytes) -> str:
    """Which export the receipt answers (to find its key); nothing in it is trusted yet."""
    body, _mac = _receipt_parts(data)
    return p._uuid_text(body.get("export_id"), "export_id")


def read_receipt(data: bytes, receipt_key: bytes) -> Receipt:
    body, mac = _receipt_parts(data)
    expected = hmac.new(receipt_key, p.canonical_json(body), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, mac):
        raise SealedFileError("The receipt does not come from the server that opened this laptop's file.")
    answers = body.get("answers")
    if not isinstance(answers, list) or not all(isinstance(item, dict) for item in answers):
        raise SealedFileError("The receipt holds no list of answers.")
    return Receipt(str(body.get("export_id")), str(body.get("device_id")), tuple(answers))


def _receipt_parts(data: bytes) -> tuple[dict[str, Any], str]:
    if len(data) > MAX_RECEIPT_BYTES or not data.startswith(RECEIPT_MAGIC):
        raise SealedFileError("This is not a receipt file from the Diaspora Desk server.")
    try:
        outer = p.strict_json_loads(data[len(RECEIPT_MAGIC) :])
    except p.ProtocolError as exc:
        raise SealedFileError("The receipt file is damaged.") from exc
    if not isinstance(outer, dict) or not isinstance(outer.get("receipt"), dict):
        raise SealedFileError("The receipt file is damaged.")
    mac = outer.get("mac")
    if not isinstance(mac, str):
        raise SealedFileError("The receipt file is damaged.")
    return outer["receipt"], mac
