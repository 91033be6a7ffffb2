"""What a hostile client sends: hand-made, signed payloads and raw HTTP bodies of any size."""

from __future__ import annotations

import base64
import gzip
import socket
import uuid
from urllib.parse import urlsplit

import requests

from sync import protocol as p
from tests.sync.server.helpers import EnrolledDevice


def post_signed_payload(
    device: EnrolledDevice, payload_text: bytes, *, batch_id: str, sign_with: object | None = None
) -> requests.Response:
    """POST exact payload bytes as a batch, signed with the device key (or another key)."""
    digest = p.sha256_hex(payload_text)
    key = sign_with or device.key
    signature = base64.b64encode(key.sign(p.signing_message(batch_id, digest))).decode()  # type: ignore[attr-defined]
    headers = {
        "Content-Type": "application/json",
        "Content-Encoding": "gzip",
        p.HEADER_BATCH_ID: batch_id,
        p.HEADER_PAYLOAD_SHA256: digest,
        p.HEADER_SIGNATURE: signature,
        **p.auth_headers(device.credential),
    }
    return requests.post(
        device.base_url + p.BATCHES_PATH, data=gzip.compress(payload_text), headers=headers, timeout=60
    )


def payload_text(device: EnrolledDevice, *, records: str = "[]", audit: str = "[]") -> tuple[str, bytes]:
    """A batch payload as raw JSON text (so it can hold what json.dumps would never write)."""
    batch_id = str(uuid.uuid4())
    text = (
        f'{{"protocol":1,"batch_id":"{batch_id}","device_id":"{device.device_id}","sequence_first":0,'
        f'"sequence_last":100,"created_at":"","records":{records},"audit":{audit}}}'
    )
    return batch_id, text.encode("utf-8")


def flood(base_url: str, method: str, path: str, size: int, *, declared: bool) -> int | None:
    """Send `size` bytes of body (Content-Length declared, or chunked) over a raw socket; the status or None.

    The server is expected to answer 413 and close long before the body ends: a closed connection
    while sending is what a refused flood looks like from here.
    """
    target = urlsplit(base_url)
    framing = f"Content-Length: {size}" if declared else "Transfer-Encoding: chunked"
    head = (
        f"{method} {path} HTTP/1.1\r\nHost: {target.hostname}\r\nContent-Type: application/json\r\n"
        f"{framing}\r\nConnection: close\r\n\r\n"
    ).encode("ascii")
    chunk = b"[" * (1024 * 1024)
    with socket.create_connection((target.hostname, target.port), timeout=30) as sock:
        try:
            sock.sendall(head)
            sent = 0
            while sent < size:
                piece = chunk[: min(len(chunk), size - sent)]
                sock.sendall(piece if declared else b"%x\r\n%s\r\n" % (len(piece), piece))
                sent += len(piece)
            if not declared:
                sock.sendall(b"0\r\n\r\n")
        except OSError:
            pass  # the server stopped reading: expected
        try:
            answer = sock.recv(4096)
        except OSError:
            return None
    if not answer.startswith(b"HTTP/1.1 "):
        return None
    return int(answer[9:12])
