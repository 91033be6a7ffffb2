"""Records, their version chain, the outbox written with them, and the batches that hold them."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from forms.store import (
    BatchStateError,
    NotAllowedError,
    OutboxRow,
    RecordNotFoundError,
    RecordRow,
    Store,
    batches,
    outbox,
    records,
)
from forms.store.stats import counts
from tests.forms.store.conftest import CLERK_PASSPHRASE, person


def test_a_new_final_record_has_its_ids_meta_and_outbox_row(store: Store, batch_id: str) -> None:
    saved = records.save_record(store, batch_id, "registration", "2026061301", person(1), draft=False)
    assert saved.deprecated_id is None and saved.status == "final"
    assert saved.answers["meta"]["instanceID"] == f"uuid:{saved.version_id}"
    assert saved.answers["given_name"] == "Given1"
    [item] = outbox.pending(store)
    assert (item.record_id, item.version_id, item.replaces) == (saved.record_id, saved.version_id, None)
    assert item.form_id == "registration" and item.answers == saved.answers


def test_a_draft_is_overwritten_in_place_and_stays_off_the_outbox(store: Store, batch_id: str) -> None:
    draft = records.save_record(store, batch_id, "reg", "1", {"given_name": "Ama"}, draft=True)
    again = records.save_record(store, batch_id, "reg", "1", person(2), draft=True, record_id=draft.record_id)
    assert again.version_id == draft.version_id and again.answers["family_name"] == "Family2"
    assert outbox.waiting_count(store) == 0
    final = records.save_record(
        store, batch_id, "reg", "1", person(2), draft=False, record_id=draft.record_id
    )
    assert final.version_id == draft.version_id and final.status == "final"
    assert outbox.waiting_count(store) == 1


def test_editing_a_final_version_makes_a_new_version_naming_the_old(store: Store, batch_id: str) -> None:
    first = records.save_record(store, batch_id, "reg", "1", person(3), draft=False)
    changed = person(3, phone="+233 20 000 0000")
    second = records.save_record(store, batch_id, "reg", "1", changed, draft=False, record_id=first.record_id)
    assert second.version_id != first.version_id and second.deprecated_id == first.version_id
    assert second.answers["meta"]["deprecatedID"] == f"uuid:{first.version_id}"
    assert records.get_version(store, first.version_id).answers == first.answers  # the old one is frozen
    assert not records.get_version(store, first.version_id).is_latest
    assert records.latest_version(store, first.record_id).version_id == second.version_id
    history = records.version_history(store, first.record_id)
    assert [v.version_id for v in history] == [first.version_id, second.version_id]
    assert [item.replaces for item in outbox.pending(store)] == [None, first.version_id]


def test_unknown_record_and_closed_batch_are_refused(store: Store, batch_id: str) -> None:
    with pytest.raises(RecordNotFoundError):
        records.save_record(store, batch_id, "reg", "1", person(1), draft=False, record_id="no-such-record")
    batches.close_batch(store, batch_id)
    with pytest.raises(BatchStateError, match="closed"):
        records.save_record(store, batch_id, "reg", "1", person(1), draft=False)


def test_a_clerk_edits_only_own_unsynced_records(store: Store, batch_id: str, data_dir: Path) -> None:
    supervisors = records.save_record(store, batch_id, "reg", "1", person(4), draft=False)
    store.add_operator("kofi", "clerk", CLERK_PASSPHRASE)
    with Store.unlock(data_dir, "kofi", CLERK_PASSPHRASE) as clerk:
        with pytest.raises(NotAllowedError):
            records.save_record(
                clerk, batch_id, "reg", "1", person(4), draft=False, record_id=supervisors.record_id
            )
        own = records.save_record(clerk, batch_id, "reg", "1", person(5), draft=False)
        records.save_record(clerk, batch_id, "reg", "1", person(5), draft=False, record_id=own.record_id)
        seqs = [item.sequence for item in outbox.pending(clerk) if item.record_id == own.record_id]
        outbox.acknowledge(clerk, [outbox.Acknowledgement(seq, "accepted") for seq in seqs])
        with pytest.raises(NotAllowedError):
            records.save_record(clerk, batch_id, "reg", "1", person(5), draft=False, record_id=own.record_id)
        with pytest.raises(NotAllowedError):
            batches.approve_batch(clerk, batch_id)


def test_record_outbox_and_audit_commit_or_roll_back_together(store: Store, batch_id: str) -> None:
    with pytest.raises(RuntimeError), store.session() as session:
        records.save_record(session, batch_id, "reg", "1", person(6), draft=False)
        raise RuntimeError("power cut")
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(RecordRow)) == 0
        assert session.scalar(select(func.count()).select_from(OutboxRow)) == 0


def test_outbox_sequence_acknowledge_and_checkpoint(store: Store, batch_id: str) -> None:
    for n in range(5):
        records.save_record(store, batch_id, "reg", "1", person(n), draft=False)
    items = outbox.pending(store, limit=3)
    assert [item.sequence for item in items] == [1, 2, 3]
    # Answers for 1 and 3 only: the checkpoint stops before the gap at 2.
    ack = outbox.Acknowledgement
    assert outbox.acknowledge(store, [ack(1, "accepted"), ack(3, "duplicate")]) == 1
    assert outbox.acknowledge(store, [ack(1, "conflict")]) == 1  # a replayed answer changes nothing
    assert [item.sequence for item in outbox.pending(store)] == [2, 4, 5]
    assert outbox.acknowledge(store, [ack(2, "accepted"), ack(4, "rejected", "invalid_answers")]) == 4
    assert outbox.checkpoint(store) == 4 and outbox.waiting_count(store) == 1
    with store.session() as session:
        synced = session.scalars(select(RecordRow.synced_at).order_by(RecordRow.created_at)).all()
    assert [value is not None for value in synced] == [True, True, True, False, False]


def test_device_id_is_made_once_and_can_be_replaced(store: Store) -> None:
    first = outbox.device_id(store)
    assert first == outbox.device_id(store) == store.device_id
    outbox.set_device_id(store, "device-7")
    assert outbox.device_id(store) == "device-7"


def test_batch_life_cycle_and_counts(store: Store, batch_id: str) -> None:
    records.save_record(store, batch_id, "reg", "1", person(1), draft=False)
    records.save_record(store, batch_id, "reg", "1", person(2), draft=True)
    other = batches.open_batch(store, "Consulate day", "Atlanta", "2026-06-15")
    assert batches.current_open_batch(store).id == other.id  # type: ignore[union-attr]
    listed = {batch.id: batch for batch in batches.list_batches(store)}
    assert (listed[batch_id].records, listed[batch_id].drafts, listed[batch_id].waiting_to_sync) == (1, 1, 1)
    assert listed[other.id].records == 0
    with pytest.raises(BatchStateError):
        batches.approve_batch(store, batch_id)  # still open
    batches.close_batch(store, batch_id)
    assert batches.approve_batch(store, batch_id).approved_by == "amara"
    with pytest.raises(BatchStateError, match="waiting"):
        batches.mark_batch_synced(store, batch_id)
    outbox.acknowledge(
        store, [outbox.Acknowledgement(item.sequence, "accepted") for item in outbox.pending(store)]
    )
    assert batches.mark_batch_synced(store, batch_id).status == "synced"
    with store.session() as session:
        figures = counts(session)
    assert figures.to_json() == {
        "records": 1,
        "drafts": 1,
        "batches": 2,
        "open_batches": 1,
        "waiting_to_sync": 0,
        "autosaves": 0,
    }
    with pytest.raises(BatchStateError):
        batches.open_batch(store, "Bad day", "Atlanta", "15/06/2026")


def test_a_draft_can_be_discarded_and_leaves_nothing_behind(store: Store, batch_id: str) -> None:
    from forms.store import audit, search

    draft = records.save_record(store, batch_id, "reg", "1", person(1), draft=True)
    assert search.count(store, "family1") == 1
    assert records.discard_draft(store, draft.record_id) is None
    assert search.count(store, "family1") == 0 and search.count(store) == 0
    with pytest.raises(RecordNotFoundError):
        records.latest_version(store, draft.record_id)
    with store.session() as session:
        assert [e.record_id for e in audit.entries(session, limit=1) if e.action == "draft_discarded"] == [
            draft.record_id
        ]


def test_discarding_the_draft_of_an_edit_gives_the_saved_version_back(store: Store, batch_id: str) -> None:
    saved = records.save_record(store, batch_id, "reg", "1", person(2), draft=False)
    records.save_record(
        store, batch_id, "reg", "1", person(2, family_name="Changed"), draft=True, record_id=saved.record_id
    )
    assert records.discard_draft(store, saved.record_id) == saved.version_id
    latest = records.latest_version(store, saved.record_id, log_view=False)
    assert latest.version_id == saved.version_id and latest.answers["family_name"] == "Family2"
    with pytest.raises(NotAllowedError, match="Only a draft"):
        records.discard_draft(store, saved.record_id)
