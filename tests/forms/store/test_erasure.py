"""Erasure and retention on the laptop: every table that can hold a person, the tombstone, the pages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from forms.store import Store, outbox, records, search
from forms.store.autosave import read_autosave, write_autosave
from forms.store.backup import list_backups as backup_list
from forms.store.erasure import ErasureRefused, apply_server_erasures, erase_record, erasure_cursor
from forms.store.errors import NotAllowedError, RecordNotFoundError
from forms.store.retention import persons_kept, purge_due, purged_counts, set_purge_days
from forms.store.review import send_back
from tests.forms.store.conftest import CLERK_PASSPHRASE, PASSPHRASE, person
from tests.sync.protection.pages import hits

CANARIES = ["Zxcanaryvol", "Qwcanarette", "ZX4481907"]


def _canary_person() -> dict[str, object]:
    return person(7, given_name="Qwcanarette", family_name="Zxcanaryvol", document_number="ZX4481907")


def _every_row(store: Store) -> str:
    """Every value of every table, as the store's own queries read it (the decrypted content)."""
    parts: list[str] = []
    with store.session(read_only=True) as session:
        names = [r[0] for r in session.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))]
        for name in names:
            for row in session.execute(text(f'SELECT * FROM "{name}"')):
                parts.append(repr(tuple(row)))
    return "\n".join(parts).lower()


def _held(store: Store, record_id: str) -> bool:
    with store.session(read_only=True) as session:
        query = text("SELECT count(*) FROM records WHERE record_id = :r")
        return bool(session.execute(query, {"r": record_id}).scalar())


def _page_hits(store: Store) -> dict[str, int]:
    return hits(store.data_dir / "store.db", store._data_key(), CANARIES)


def _acknowledge_all(store: Store) -> None:
    items = outbox.pending(store)
    outbox.acknowledge(store, [outbox.Acknowledgement(item.sequence, "accepted") for item in items])


def test_erasure_of_an_unsent_record_leaves_no_trace_in_any_table_or_page(
    store: Store, batch_id: str
) -> None:
    kept = records.save_record(store, batch_id, "diaspora", "1", person(1), draft=False)
    first = records.save_record(store, batch_id, "diaspora", "1", _canary_person(), draft=False)
    records.save_record(
        store,
        batch_id,
        "diaspora",
        "1",
        {**_canary_person(), "note": "x"},
        draft=False,
        record_id=first.record_id,
    )
    write_autosave(store, "diaspora", "1", _canary_person(), record_id=first.record_id, batch_id=batch_id)
    send_back(store, first.record_id, "check the document number")
    store.checkpoint()
    backup = store.take_backup("manual").path
    assert all(n > 0 for n in hits(backup, store._data_key(), CANARIES).values())
    # The control: before the erasure the canaries are in the rows and in the decrypted pages.
    assert all(canary.lower() in _every_row(store) for canary in CANARIES)
    assert all(n > 0 for n in _page_hits(store).values())
    assert search.count(store, "zxcanary") == 1

    erased = erase_record(store, first.record_id, "consent_withdrawn")

    assert erased.versions == 2 and not erased.tombstone  # never sent: nothing for the server
    assert not any(canary.lower() in _every_row(store) for canary in CANARIES)
    assert _page_hits(store) == dict.fromkeys(CANARIES, 0)
    assert search.count(store, "zxcanary") == 0 and search.count(store, "zx4481907") == 0
    assert read_autosave(store) is None
    assert hits(backup, store._data_key(), CANARIES) == dict.fromkeys(CANARIES, 0)  # the backup too
    assert backup_list(store.data_dir)[0].path == backup  # still a valid backup in the rotation
    assert outbox.waiting_count(store) == 1  # the other person's version still waits
    assert _held(store, kept.record_id)
    with store.session(read_only=True) as session:
        entry = session.execute(
            text("SELECT details FROM audit WHERE action = 'record_erased' AND record_id = :r"),
            {"r": first.record_id},
        ).scalar_one()
    assert '"reason":"consent_withdrawn"' in entry and "canar" not in entry.lower()


def test_erasure_of_a_synced_record_sends_a_tombstone_replacing_the_version_the_server_holds(
    store: Store, batch_id: str
) -> None:
    saved = records.save_record(store, batch_id, "diaspora", "1", _canary_person(), draft=False)
    _acknowledge_all(store)
    erased = erase_record(store, saved.record_id, "subject_request")
    assert erased.tombstone
    (tombstone,) = outbox.pending(store)
    assert tombstone.deleted and tombstone.answers == {} and tombstone.replaces == saved.version_id
    assert not any(canary.lower() in _every_row(store) for canary in CANARIES)
    assert _page_hits(store) == dict.fromkeys(CANARIES, 0)
    assert persons_kept(store) == 0
    # Once the server acknowledged the tombstone, retention removes the husk and the tombstone too.
    _acknowledge_all(store)
    set_purge_days(store, 0)
    assert purge_due(store) == 1
    with store.session(read_only=True) as session:
        left = session.execute(
            text("SELECT count(*) FROM records WHERE record_id = :r"), {"r": saved.record_id}
        )
        assert left.scalar() == 0
    assert purged_counts(store)["total"] == 0  # an erased person is not counted as registered


def test_only_a_supervisor_erases_and_the_reason_is_a_code(
    store: Store, batch_id: str, data_dir: Path
) -> None:
    saved = records.save_record(store, batch_id, "diaspora", "1", _canary_person(), draft=False)
    with pytest.raises(ErasureRefused, match="consent_withdrawn"):
        erase_record(store, saved.record_id, "she asked me on Tuesday")
    with pytest.raises(RecordNotFoundError):
        erase_record(store, "00000000-0000-0000-0000-000000000000", "other")
    store.add_operator("kofi", "clerk", CLERK_PASSPHRASE)
    with Store.unlock(data_dir, "kofi", CLERK_PASSPHRASE) as clerk, pytest.raises(NotAllowedError):
        erase_record(clerk, saved.record_id, "other")


def test_the_servers_erasure_notices_erase_held_records_and_move_the_cursor(
    store: Store, batch_id: str
) -> None:
    saved = records.save_record(store, batch_id, "diaspora", "1", _canary_person(), draft=False)
    _acknowledge_all(store)
    held = apply_server_erasures(
        store, [(3, "11111111-1111-1111-1111-111111111111"), (4, saved.record_id)], 4
    )
    assert held == 1 and erasure_cursor(store) == 4
    assert outbox.waiting_count(store) == 0  # no tombstone: the server erased it already
    assert not any(canary.lower() in _every_row(store) for canary in CANARIES)
    assert _page_hits(store) == dict.fromkeys(CANARIES, 0)


def test_retention_purges_acknowledged_records_after_the_setting_and_keeps_counts(
    store: Store, batch_id: str
) -> None:
    synced = records.save_record(store, batch_id, "diaspora", "1", _canary_person(), draft=False)
    _acknowledge_all(store)
    waiting = records.save_record(store, batch_id, "diaspora", "1", person(2), draft=False)
    draft = records.save_record(store, batch_id, "diaspora", "1", person(3), draft=True)
    assert purge_due(store) == 0  # default 7 days: too recent
    assert purge_due(store, now=datetime.now(UTC) + timedelta(days=8)) == 1
    assert not _held(store, synced.record_id)
    assert _held(store, waiting.record_id)  # not acknowledged yet
    assert _held(store, draft.record_id)  # drafts never leave
    assert purged_counts(store) == {"total": 1, "by_batch": {batch_id: 1}}
    assert _page_hits(store)["Zxcanaryvol"] == 0


def test_a_cleaned_backup_still_restores(created: tuple[Store, str], batch_id: str) -> None:
    store = created[0]
    kept = records.save_record(store, batch_id, "diaspora", "1", person(1), draft=False)
    gone = records.save_record(store, batch_id, "diaspora", "1", _canary_person(), draft=False)
    store.take_backup("manual")
    erase_record(store, gone.record_id, "registered_in_error")
    data_dir = store.data_dir
    store.close()
    restored, _info, _replaced = Store.restore_backup(data_dir, "amara", PASSPHRASE)
    try:
        assert _held(restored, kept.record_id) and not _held(restored, gone.record_id)
        assert search.count(restored, "zxcanary") == 0
    finally:
        restored.close()
