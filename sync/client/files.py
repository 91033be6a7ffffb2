"""The files a batch's records name (photos, signatures, documents), sent to the server before the batch.

A desk keeps each attached file in its encrypted store under its content address
(``<first 20 hex digits of its SHA-256>.<extension>``, ``forms.store.attachments``); the answers hold that
name. Before a batch goes on the wire, ``send_batch_files`` asks the server which of the files its records
name it lacks (``POST /v1/attachments/missing``, at most 200 a question) and sends each of those on its
own (``PUT /v1/attachments/RECORD_ID/NAME``: the bytes, their SHA-256, the version that names them,
signed with the device key). The server keeps a file once, so a retry, or a pass that stopped half way
(a cut connection, a laptop shut), simply asks again at the next pass: what arrived is not sent again,
what did not is. The batch goes only after every file it names is on the server.

One file is in memory at a time (at most 10 MB, the desk's own bound), read from the store on the thread
that sends it. A file the store no longer holds (or whose bytes no longer match its name) is not sent:
the server then refuses only the record that names it (``missing_attachment``, naming the file), the
supervisor sees it in the queue, and the other records keep going.

A caller that passes ``on_refused`` (the event hub's relay) also goes on past a file the server refuses
for itself (``FILE_REFUSALS``: not the sender's record, bytes that do not match, too many or too large):
the file is told to ``on_refused`` and left out, and the record naming it is refused alone, as for a
damaged file. Without it such a refusal raises, as any other.

The event hub's relay (sync/hub/relay.py) sends the files it received from clerks' laptops the same way,
reading them from the hub's database.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

from forms.store.attachments import (
    MAX_ATTACHMENT_BYTES,
    NAME_PATTERN,
    name_matches_digest,
    names_in,
    read_attachment,
)
from sync import protocol as p
from sync.client.transport import Transport, TransportError

log = logging.getLogger("sync.client.files")
T = TypeVar("T")

Retry = Callable[[Callable[[], T]], T | None]  # a call with retries; None when cancelled
FileReader = Callable[["FileRef"], "tuple[bytes, str] | None"]  # (bytes, media type), None: not held
Refused = Callable[["FileRef", TransportError], None]  # a file the server refused, left out

# The server's refusals of one file (sync/server/attachments.py): sending it again would be refused again.
FILE_REFUSALS = frozenset(
    {p.ERROR_NOT_RECORD_OWNER, p.ERROR_FILE_MISMATCH, p.ERROR_FILE_REFUSED, p.ERROR_BODY_TOO_LARGE}
)
# Not malformed_request: the server also answers it for faults that hit every file (a header the client
# gets wrong, a version skew); skipping on it would drop every file and every record naming one for good.


@dataclass(frozen=True)
class FileRef:
    record_id: str
    version_id: str  # the first version of the batch that names the file
    name: str


@dataclass
class FilesSent:
    asked: int = 0  # distinct files the batch names
    sent: int = 0  # sent in this call (the rest the server held already)
    not_held: int = 0  # named, but not in the store: the server will refuse the record naming it
    refused: int = 0  # refused by the server (FILE_REFUSALS) and left out: told to on_refused


def refs_of_records(records: Iterable[p.WireRecord]) -> list[FileRef]:
    """Each (record, file) the records name once, with the first version naming it, in batch order."""
    found: dict[tuple[str, str], FileRef] = {}
    for record in records:
        if record.deleted:
            continue
        for name in sorted(names_in(dict(record.answers))):
            found.setdefault((record.record_id, name), FileRef(record.record_id, record.version_id, name))
    return list(found.values())


# A file name as a JSON string (canonical JSON writes it as is): batches that name none are not parsed.
_NAME_IN_JSON = re.compile(b'"' + NAME_PATTERN.encode("ascii") + b'"')


def refs_of_batch(body: bytes) -> list[FileRef]:
    """The files the records of a persisted batch body (gzip canonical JSON) name."""
    data = p.gunzip_limited(body, p.MAX_BATCH_BYTES)
    if not _NAME_IN_JSON.search(data):
        return []
    payload = json.loads(data)
    return refs_of_records(p.WireRecord.from_json(item) for item in payload.get("records", []))


def store_reader(store: Any) -> FileReader:
    """Reads a file from the desk's encrypted store (its own read-only transaction, on the calling thread)."""

    def read(ref: FileRef) -> tuple[bytes, str] | None:
        attachment = read_attachment(store, ref.name)
        return None if attachment is None else (attachment.content, attachment.media_type)

    return read


def send_files(
    transport: Transport,
    credential: str,
    private_key: bytes,
    refs: list[FileRef],
    read: FileReader,
    retry: Retry[Any],
    *,
    on_refused: Refused | None = None,
) -> FilesSent | None:
    """Send the files among `refs` the server lacks; None when cancelled. Raises TransportError when the
    server cannot be reached after the retries, or refuses a file and there is no `on_refused`."""
    outcome = FilesSent(asked=len(refs))
    if not refs:
        return outcome
    key = p.private_key_from_bytes(private_key)
    for start in range(0, len(refs), p.MAX_ATTACHMENT_QUERY):
        chunk = refs[start : start + p.MAX_ATTACHMENT_QUERY]
        question = [{"record_id": ref.record_id, "name": ref.name} for ref in chunk]
        answer = retry(partial(transport.attachments_missing, question, credential))
        if answer is None:
            return None
        lacking = _missing_of(answer)
        for ref in chunk:
            if (ref.record_id, ref.name) not in lacking:
                continue
            held = read(ref)
            if held is None:
                outcome.not_held += 1
                log.warning("file %s of record %s is not in the store; not sent", ref.name, ref.record_id)
                continue
            content, media_type = held
            digest = hashlib.sha256(content).hexdigest()
            if not name_matches_digest(ref.name, digest) or len(content) > MAX_ATTACHMENT_BYTES:
                # Damaged in the store (or over the bound): the server would refuse it, and that refusal
                # would stop every later batch. Not sent: the server rejects only the record naming it.
                outcome.not_held += 1
                log.warning("file %s of record %s does not match its name; not sent", ref.name, ref.record_id)
                continue
            headers = {
                p.HEADER_VERSION_ID: ref.version_id,
                p.HEADER_FILE_SHA256: digest,
                p.HEADER_SIGNATURE: p.sign(
                    key, p.attachment_signing_message(ref.record_id, ref.version_id, ref.name, digest)
                ),
                "Content-Type": media_type or "application/octet-stream",
            }
            try:
                sent = retry(
                    partial(transport.put_attachment, ref.record_id, ref.name, content, headers, credential)
                )
            except TransportError as exc:
                if on_refused is None or exc.retryable or exc.code not in FILE_REFUSALS:
                    raise
                outcome.refused += 1
                on_refused(ref, exc)
                continue
            if sent is None:
                return None
            outcome.sent += 1
    if outcome.sent:
        log.info("sent %d of %d files named by the batch", outcome.sent, outcome.asked)
    return outcome


def missing_files_sentence(problems_json: str) -> str | None:
    """For a record the server refused as ``missing_attachment``: which files, in words (None otherwise)."""
    try:
        problems = json.loads(problems_json or "[]")
    except ValueError:
        return None
    names = [
        str(problem.get("params", {}).get("file"))
        for problem in problems
        if isinstance(problem, dict) and problem.get("code") == "attachment_missing"
    ]
    if not names:
        return None
    return (
        f"the server does not hold the attached file(s) {', '.join(names)} and this laptop could not "
        "send them (no longer in the store, or damaged)"
    )


def _missing_of(answer: dict[str, Any]) -> set[tuple[str, str]]:
    missing = answer.get("missing")
    if not isinstance(missing, list):
        raise p.ProtocolError("The server's answer about the files it holds is incomplete.")
    return {(str(item.get("record_id")), str(item.get("name"))) for item in missing if isinstance(item, dict)}
