"""`diaspora-server import-sealed FILE`: open a sealed batch file and ingest its batches exactly once.

The file is checked in this order: it is a sealed file; its laptop is enrolled and active here; the
laptop's signature verifies (a changed byte is refused before anything is decrypted); it was sealed for
this server's key; each batch's digest and signature verify as if it came by sync. Each batch then goes
through the same ingestion as POST /v1/batches (sync/server/ingest.py), under its own batch id: a file
imported twice, or batches that also came by sync, are answered as replays; a version that came another
way is a duplicate. Nothing is stored twice. The answers make the receipt the laptop imports.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import Engine, select

from forms.errors import DeskError
from sync import protocol as p
from sync import sealed
from sync.server import auth
from sync.server.audit_entries import check_audit_entries
from sync.server.db import session_factory
from sync.server.ingest import BatchIdReused, NotRecordOwner, ingest_batch
from sync.server.models import BatchRow, DeviceRow
from sync.server.sealing_key import sealing_key
from sync.server.validation import FormCatalog

log = logging.getLogger("sync.server.sealed_import")


class SealedImportError(DeskError):
    """The sealed file cannot be imported (one sentence, never a value from the file)."""


@dataclass
class SealedImport:
    device_id: str
    export_id: str
    batches: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    receipt: bytes = b""
    already: int = 0  # batches this server had already received (the file imported before, or by sync)
    device_label: str = ""


def import_sealed(engine: Engine, data: bytes) -> SealedImport:
    factory = session_factory(engine)
    try:
        envelope = sealed.read_envelope(data)
    except p.ProtocolError as exc:
        raise SealedImportError(exc.message) from exc
    with factory() as session:
        device = session.get(DeviceRow, envelope.device_id)
        if device is None:
            raise SealedImportError(
                "The sealed file comes from a laptop that is not enrolled with this server."
            )
        if device.status != auth.DEVICE_ACTIVE:
            raise SealedImportError(f"The laptop that sealed the file is {device.status} on this server.")
        public_key = bytes(device.public_key)
        label = device.label
    try:
        sealed.verify_envelope(envelope, public_key)
        contents = sealed.open_envelope(envelope, sealing_key(factory))
    except p.ProtocolError as exc:
        log.warning("sealed file from device %s refused: %s", envelope.device_id, exc.message)
        raise SealedImportError(exc.message) from exc
    catalog = FormCatalog(factory)
    result = SealedImport(contents.device_id, contents.export_id, device_label=label)
    with factory() as session:
        ids = [batch.batch_id for batch in contents.batches]
        result.already = len(
            set(session.scalars(select(BatchRow.batch_id).where(BatchRow.batch_id.in_(ids))))
        )
    answers: list[bytes] = []
    for batch in contents.batches:
        answer = _ingest(factory, catalog, contents.device_id, public_key, batch)
        response = p.parse_batch_response(p.strict_json_loads(answer), expected_batch_id=batch.batch_id)
        result.counts.update(r.status for r in response.results)
        result.batches += 1
        answers.append(answer)
    result.receipt = sealed.write_receipt(contents, answers)
    log.info(
        "sealed file %s from device %s imported: %d batches, %s",
        contents.export_id,
        contents.device_id,
        result.batches,
        dict(result.counts),
    )
    return result


def _ingest(
    factory: object, catalog: FormCatalog, device_id: str, public_key: bytes, batch: sealed.SealedBatch
) -> bytes:
    try:
        payload, _ = p.decode_batch(
            body=batch.body,
            batch_id=batch.batch_id,
            payload_sha256=batch.payload_sha256,
            signature_b64=batch.signature,
            public_key=public_key,
        )
        check_audit_entries(payload.audit)
    except p.ProtocolError as exc:
        raise SealedImportError(f"A batch in the sealed file is refused: {exc.message}") from exc
    if payload.device_id != device_id:
        raise SealedImportError("A batch in the sealed file names another laptop than the file.")
    try:
        return ingest_batch(
            factory,  # type: ignore[arg-type]
            catalog,
            device_id=device_id,
            payload=payload,
            payload_sha256=batch.payload_sha256.lower(),
        )
    except NotRecordOwner as exc:
        raise SealedImportError(
            f"A batch in the sealed file changes {len(exc.record_ids)} records another device created; "
            "a supervisor must hand them over first (diaspora-server device hand-over)."
        ) from exc
    except BatchIdReused as exc:
        raise SealedImportError("A batch id in the sealed file was already used for another batch.") from exc
