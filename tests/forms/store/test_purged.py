"""Which records are only on the server now (issue 19): retention lists the ids and dates of what it
removed, never a value; a reference finds its row; an erased person leaves the list; schema step 6."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop.cli.main import main
from forms.reference import reference_of
from forms.store import Store, batches, migrate, outbox, records
from forms.store.backup import list_backups
from forms.store.database import open_engine, run_outside_transaction
from forms.store.erasure import apply_server_erasures
from forms.store.purged import listed_count, purged_by_reference, purged_page
from forms.store.retention import purge_due, purged_counts, server_only
from tests.forms.store.conftest import PASSPHRASE, person

LATER = datetime.now(UTC) + timedelta(days=8)  # past the default 7 days


def _acknowledge_all(store: Store) -> None:
    items = outbox.pending(store)
    outbox.acknowledge(store, [outbox.Acknowledgement(item.sequence, "accepted") for item in items])


def _synced_at(store: Store, record_id: str) -> str:
    with store.session(read_only=True) as session:
        query = text("SELECT max(synced_at) FROM records WHERE record_id = :r")
        return str(session.execute(query, {"r": record_id}).scalar())


def _purged_row_values(store: Store) -> str:
    with store.session(read_only=True) as session:
        return repr(session.execute(text("SELECT * FROM purged_records")).all()).lower()


def test_a_purge_lists_ids_and_dates_and_a_reference_finds_them(store: Store, batch_id: str) -> None:
    other = batches.open_batch(store, "Porto day", "Porto", "2026-06-14").id
    gone = records.save_record(
        store, batch_id, "diaspora", "1", person(1, family_name="Zxcanaryvol"), draft=False
    )
    elsewhere = records.save_record(store, other, "diaspora", "1", person(2), draft=False)
    _acknowledge_all(store)
    waiting = records.save_record(store, batch_id, "diaspora", "1", person(3), draft=False)
    synced_at = _synced_at(store, gone.record_id)
    assert purged_by_reference(store, reference_of(gone.record_id)) == []  # still on the laptop

    assert purge_due(store, now=LATER) == 2

    assert listed_count(store) == 2 == server_only(store)
    assert listed_count(store, batch_id) == 1
    (row,) = purged_page(store, batch_id)
    assert (row.record_id, row.batch_id, row.form_id, row.synced_at) == (
        gone.record_id,
        batch_id,
        "diaspora",
        synced_at,
    )
    assert row.batch_name == "Minneapolis community day" and row.batch_day == "2026-06-13"
    assert row.purged_at >= synced_at and row.reference == reference_of(gone.record_id)
    assert {r.record_id for r in purged_page(store)} == {gone.record_id, elsewhere.record_id}
    first, second = purged_page(store, limit=1), purged_page(store, after=purged_page(store)[0], limit=5)
    assert [r.record_id for r in first + second] == [r.record_id for r in purged_page(store)]
    assert len(second) == 1  # keyset paging: the next page starts after the last row shown
    values = _purged_row_values(store)
    assert "zxcanaryvol" not in values and "given1" not in values and "p0000001" not in values

    reference = reference_of(gone.record_id)  # "K7M3-9QF2-X"
    assert [r.record_id for r in purged_by_reference(store, reference)] == [gone.record_id]
    assert [r.record_id for r in purged_by_reference(store, reference.lower().replace("-", " "))] == [
        gone.record_id
    ]
    assert [r.record_id for r in purged_by_reference(store, reference[:6])] == [gone.record_id]
    assert [r.record_id for r in purged_by_reference(store, reference[:9])] == [gone.record_id]
    assert purged_by_reference(store, reference, batch_id=other) == []
    wrong_check = reference[:-1] + ("0" if reference[-1] != "0" else "1")
    assert purged_by_reference(store, wrong_check) == []  # a typing mistake names nobody
    assert purged_by_reference(store, "Family1") == [] and purged_by_reference(store, "") == []
    assert purged_by_reference(store, reference_of(waiting.record_id)) == []  # kept: not listed


def test_an_erased_person_leaves_the_list_the_counts_and_the_backups(store: Store, batch_id: str) -> None:
    gone = records.save_record(store, batch_id, "diaspora", "1", person(1), draft=False)
    stays = records.save_record(store, batch_id, "diaspora", "1", person(2), draft=False)
    _acknowledge_all(store)
    assert purge_due(store, now=LATER) == 2
    backup = store.take_backup("manual").path
    assert purged_counts(store) == {"total": 2, "by_batch": {batch_id: 2}}

    # The registry erased the person: its notice reaches a laptop that holds only the id and dates.
    assert apply_server_erasures(store, [(5, gone.record_id)], 5) == 0  # no record held

    assert [r.record_id for r in purged_page(store)] == [stays.record_id]
    assert purged_by_reference(store, reference_of(gone.record_id)) == []
    assert purged_counts(store) == {"total": 1, "by_batch": {batch_id: 1}}
    with store.session(read_only=True) as session:
        assert gone.record_id not in repr(session.execute(text("SELECT * FROM purged_records")).all())
    engine = open_engine(backup, store._data_key())
    try:
        with Session(engine) as session:
            listed = session.execute(text("SELECT record_id FROM purged_records")).scalars().all()
        assert listed == [stays.record_id]  # the backup forgot it too
    finally:
        engine.dispose()


def test_an_erasure_on_the_desk_removes_a_listed_id_it_holds_again(store: Store, batch_id: str) -> None:
    from forms.store.erasure import erase_record

    gone = records.save_record(store, batch_id, "diaspora", "1", person(1), draft=False)
    _acknowledge_all(store)
    assert purge_due(store, now=LATER) == 1
    # The same person's record is on the laptop again (e.g. restored from a copy) while still listed.
    with store.session() as session:
        session.execute(
            text(
                "INSERT INTO records (version_id, record_id, batch_id, form_id, form_version, status, "
                "is_latest, operator, created_at, updated_at, answers) VALUES ('v-again', :r, :b, "
                "'diaspora', '1', 'final', 1, 'amara', '2026-06-13', '2026-06-13', '{}')"
            ),
            {"r": gone.record_id, "b": batch_id},
        )
    erase_record(store, gone.record_id, "subject_request")
    assert listed_count(store) == 0 and purged_counts(store)["total"] == 0


def test_a_store_of_schema_5_gains_the_list_on_unlock(store: Store, batch_id: str, data_dir: Path) -> None:
    assert migrate.CURRENT_VERSION >= 6
    saved = records.save_record(store, batch_id, "diaspora", "1", person(1), draft=False)
    _acknowledge_all(store)
    run_outside_transaction(store.engine, "DROP TABLE purged_records")
    run_outside_transaction(store.engine, "PRAGMA user_version = 5")
    store.close()
    with Store.unlock(data_dir, "amara", PASSPHRASE) as again:
        assert migrate.schema_version(again.engine) == migrate.CURRENT_VERSION
        assert listed_count(again) == 0
        assert purge_due(again, now=LATER) == 1
        assert [r.record_id for r in purged_page(again)] == [saved.record_id]
    assert [b.reason for b in list_backups(data_dir)] == ["schema5"]


def test_status_json_reports_the_listed_records(
    store: Store, batch_id: str, data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    for n in range(2):
        records.save_record(store, batch_id, "diaspora", "1", person(n), draft=False)
    _acknowledge_all(store)
    purge_due(store, now=LATER)
    store.close()
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASSPHRASE}\n"))
    assert main(["--data-dir", str(data_dir), "status", "--operator", "amara", "--json"]) == 0
    figures = json.loads(capsys.readouterr()[0])
    assert (figures["purged_after_sync"], figures["purged_listed"]) == (2, 2)
