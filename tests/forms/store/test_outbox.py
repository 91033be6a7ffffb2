"""The store's outbox as sync uses it (forms/store/outbox.py): what may go now, the rows a batch carries,
the answers applied in one transaction with the one checkpoint, and a destination's own position."""

from __future__ import annotations

import json

from sqlalchemy import select

from forms.store import AuditRow, Store, batches, outbox, records
from forms.store.sync_policy import set_only_approved_batches_sync
from tests.forms.store.conftest import person


def test_pending_skips_what_a_batch_in_flight_carries_and_what_waits_for_approval(
    store: Store, batch_id: str
) -> None:
    for n in range(3):
        records.save_record(store, batch_id, "reg", "1", person(n), draft=False)
    other = batches.open_batch(store, "Consulate day", "Atlanta", "2026-06-15")
    records.save_record(store, other.id, "reg", "1", person(9), draft=False)
    assert [item.sequence for item in outbox.pending(store, after=1)] == [2, 3, 4]
    assert [item.sequence for item in outbox.pending(store, skip={1, 3})] == [2, 4]
    assert [item.sequence for item in outbox.pending(store, batch_id=other.id)] == [4]
    set_only_approved_batches_sync(store, True)
    assert outbox.pending(store) == [] and outbox.sendable_count(store) == 0
    assert outbox.waiting_count(store) == 4  # held for approval, still waiting
    batches.close_batch(store, other.id)
    batches.approve_batch(store, other.id)
    assert [item.sequence for item in outbox.pending(store)] == [4] and outbox.sendable_count(store) == 1
    [entry] = outbox.entries(store, [4, 99])  # a sequence the outbox does not hold is left out
    assert (entry.sequence, entry.batch_id) == (4, other.id)


def test_answers_move_the_one_checkpoint_finish_the_batch_and_leave_one_audit_entry(
    store: Store, batch_id: str
) -> None:
    for n in range(2):
        records.save_record(store, batch_id, "reg", "1", person(n), draft=False)
    batches.close_batch(store, batch_id)
    ack = outbox.Acknowledgement
    answers = [ack(1, "accepted"), ack(2, "conflict", "stale_edit")]
    assert outbox.acknowledge(store, answers, sync_batch_id="b-1") == 2
    assert outbox.checkpoint(store) == 2 and outbox.waiting_count(store) == 0
    assert batches.get_batch(store, batch_id).status == "synced"  # closed, and every record answered
    assert outbox.acknowledge(store, [ack(2, "accepted")], sync_batch_id="b-2") == 2  # a replay: no change
    with store.session() as session:
        logged = [json.loads(d) for d in session.scalars(
            select(AuditRow.details).where(AuditRow.action == "records_synced"))]  # fmt: skip
    assert logged == [{"sync_batch_id": "b-1", "checkpoint": 2, "accepted": 1, "conflict": 1}]


def test_a_destination_keeps_its_own_position_and_the_text_it_sent(store: Store, batch_id: str) -> None:
    for n in range(2):
        records.save_record(store, batch_id, "reg", "1", person(n), draft=False)
    outbox.acknowledge(store, [outbox.Acknowledgement(1, "accepted")])  # sent to our server: still next
    consumer = "destination.kobo"
    found = outbox.next_after(store, outbox.position(store, consumer))
    assert found is not None and found[0].sequence == 1 and found[1]
    assert outbox.held_xml(store, consumer, 1) is None
    outbox.hold_xml(store, consumer, 1, "<data/>")
    assert outbox.held_xml(store, consumer, 1) == "<data/>" and outbox.held_xml(store, consumer, 2) is None
    outbox.advance(store, consumer, 1)
    assert outbox.position(store, consumer) == 1 and outbox.held_xml(store, consumer, 1) is None
    assert outbox.count_after(store, 1) == 1 and outbox.checkpoint(store) == 1
