"""Sealed batch files: a laptop without internet seals its waiting records for the central server, the
server imports the file exactly once and writes a receipt the laptop imports. Real store, real server
process (its database and the in-process import; the CLI verbs in test_sealed_cli.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from forms.store import Store
from sync import sealed
from sync.client.engine import SyncEngine
from sync.client.sealed_export import SealedExportError, export_sealed, import_receipt
from sync.client.state import drop_inflight, load_device
from sync.server.hub_models import RecordOriginRow
from sync.server.models import BatchRow, RecordVersionRow
from sync.server.sealed_import import SealedImportError, import_sealed
from tests.sync.client.helpers import add_records, new_store
from tests.sync.e2e.servers import ServerProcess
from tests.sync.hub.sealed_helpers import pending


def stored(central: ServerProcess, device_id: str) -> tuple[int, int]:
    """(versions, batches) the central server holds from one device."""
    with central.engine() as engine, engine.connect() as connection:
        versions = connection.scalar(
            select(func.count()).select_from(RecordVersionRow).where(RecordVersionRow.device_id == device_id)
        )
        batches = connection.scalar(
            select(func.count()).select_from(BatchRow).where(BatchRow.device_id == device_id)
        )
    return int(versions or 0), int(batches or 0)


def do_import(central: ServerProcess, data: bytes) -> bytes:
    with central.engine() as engine:
        return import_sealed(engine, data).receipt


def device_id(store: Store) -> str:
    device = load_device(store)
    assert device is not None
    return device.device_id


def test_round_trip_and_receipt(laptop: Store, central: ServerProcess) -> None:
    add_records(laptop, 30)
    made = export_sealed(laptop, operator="chief")
    assert made.records == 30
    assert pending(laptop) == 30  # handed over, still waiting until the server answers
    assert b"Person 1" not in made.data  # encrypted
    receipt = do_import(central, made.data)
    assert stored(central, device_id(laptop))[0] == 30
    result = import_receipt(laptop, receipt)
    assert (result.batches, result.records) == (1, 30)
    assert pending(laptop) == 0
    with central.engine() as engine, engine.connect() as connection:
        operators = set(connection.scalars(select(RecordOriginRow.origin_operator)))
    assert "chief" in operators
    # Importing the receipt again changes nothing.
    assert import_receipt(laptop, receipt).already == 1


def test_imported_twice_is_stored_once(laptop: Store, central: ServerProcess) -> None:
    add_records(laptop, 12)
    data = export_sealed(laptop).data
    do_import(central, data)
    first = stored(central, device_id(laptop))
    do_import(central, data)
    assert stored(central, device_id(laptop)) == first == (12, 1)


def test_a_changed_byte_is_refused(laptop: Store, central: ServerProcess) -> None:
    add_records(laptop, 3)
    data = bytearray(export_sealed(laptop).data)
    for position in (len(sealed.MAGIC) + 40, len(data) // 2, len(data) - 120):
        tampered = bytearray(data)
        tampered[position] ^= 0x01
        with pytest.raises(SealedImportError):
            do_import(central, bytes(tampered))
    assert stored(central, device_id(laptop)) == (0, 0)


def test_a_file_sealed_for_another_server_is_refused(laptop: Store, central: ServerProcess) -> None:
    add_records(laptop, 2)
    made = export_sealed(laptop)
    # The same laptop's batches sealed, and signed, for another server's key: this server cannot open it.
    other = sealed.sealing_public_bytes(sealed.new_sealing_key())
    envelope = sealed.read_envelope(made.data)
    device = load_device(laptop)
    assert device is not None and device.private_key
    from sync import protocol as p

    forged = sealed.seal(
        device_id=envelope.device_id,
        device_key=p.private_key_from_bytes(device.private_key),
        server_public_key=other,
        batches=[],
        export_id=envelope.export_id,
        receipt_key=b"k" * 32,
    )
    with pytest.raises(SealedImportError, match="another server"):
        do_import(central, forged)


def test_wrong_server_private_key_cannot_open() -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    device_key = Ed25519PrivateKey.generate()
    server = sealed.new_sealing_key()
    data = sealed.seal(
        device_id="7b0d3c1e-0000-4000-8000-000000000001",
        device_key=device_key,
        server_public_key=sealed.sealing_public_bytes(server),
        batches=[],
        export_id="7b0d3c1e-0000-4000-8000-000000000002",
        receipt_key=b"r" * 32,
    )
    envelope = sealed.read_envelope(data)
    sealed.verify_envelope(envelope, device_key.public_key().public_bytes_raw())
    assert sealed.open_envelope(envelope, server).batches == ()
    with pytest.raises(sealed.SealedFileError):
        sealed.open_envelope(envelope, sealed.new_sealing_key())
    with pytest.raises(sealed.SealedFileError, match="signature"):
        sealed.verify_envelope(envelope, Ed25519PrivateKey.generate().public_key().public_bytes_raw())


def test_sync_after_export_sends_the_same_batches_and_the_file_adds_nothing(
    laptop: Store, central: ServerProcess
) -> None:
    add_records(laptop, 20)
    made = export_sealed(laptop)
    report = SyncEngine(laptop, fetch_forms=False).run_once()
    assert report.ok and pending(laptop) == 0
    after_sync = stored(central, device_id(laptop))
    receipt = do_import(central, made.data)
    assert stored(central, device_id(laptop)) == after_sync
    assert after_sync[0] == 20
    assert import_receipt(laptop, receipt).already == 1


def test_file_after_the_records_came_by_sync_under_other_batch_ids_adds_nothing(
    laptop: Store, central: ServerProcess
) -> None:
    add_records(laptop, 15)
    made = export_sealed(laptop)
    drop_inflight(laptop)  # the slices are rebuilt under new batch ids at the next pass
    assert SyncEngine(laptop, fetch_forms=False).run_once().ok
    before = stored(central, device_id(laptop))
    receipt = do_import(central, made.data)
    versions, _batches = stored(central, device_id(laptop))
    assert versions == before[0] == 15
    answers = json.loads(receipt[len(sealed.RECEIPT_MAGIC) :])["receipt"]["answers"]
    assert {r["status"] for a in answers for r in a["results"]} == {"duplicate"}


def test_receipt_of_another_file_is_refused(laptop: Store, central: ServerProcess, tmp_path: Path) -> None:
    add_records(laptop, 2)
    receipt = bytearray(do_import(central, export_sealed(laptop).data))
    receipt[-10] ^= 0x01
    with pytest.raises(SealedExportError):
        import_receipt(laptop, bytes(receipt))
    stranger = new_store(tmp_path / "stranger")
    try:
        with pytest.raises(SealedExportError, match="did not export"):
            import_receipt(stranger, do_import(central, export_sealed(laptop).data))
    finally:
        stranger.close()


def test_nothing_to_seal_is_one_sentence(laptop: Store) -> None:
    with pytest.raises(SealedExportError, match="nothing to seal"):
        export_sealed(laptop)
