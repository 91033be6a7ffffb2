"""Send back on an event hub, over real HTTPS: the supervisor sends a clerk's batch back with a note; the
clerk's laptop learns it at its next sync with the hub (the batch reopens, each record flagged with the
note), the clerk corrects, the corrections reach the hub in a new batch, the supervisor approves that
one, and the relay carries its approval (never the sent-back batch's). The note is in no audit entry."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from forms.store import batches as store_batches
from forms.store import review as store_review
from forms.store.schema import AuditRow
from sync.client.engine import SyncEngine
from sync.client.state import load_device
from sync.hub import review
from sync.hub.place import HubError
from sync.hub.relay import relay_hub
from sync.server.hub_models import RelayedApprovalRow
from tests.sync.client.helpers import OPERATOR, add_records, edit_record
from tests.sync.e2e.servers import ServerProcess
from tests.sync.hub.hubs import hub_and_clerk

NOTE = "Person 101: the passport number is mistyped (PA 5550101), check it"


def _audit_text(store: object) -> tuple[set[str], str]:
    with store.session() as session:  # type: ignore[attr-defined]
        rows = list(session.scalars(select(AuditRow)))
    return {row.action for row in rows}, " ".join(f"{row.action} {row.details}" for row in rows)


def test_a_batch_sent_back_on_the_hub_reopens_on_the_clerks_laptop_and_its_correction_is_approved(
    tmp_path: Path, central: ServerProcess
) -> None:
    with hub_and_clerk(tmp_path, central) as (hub_store, hub, clerk, device):
        sent = add_records(clerk, 3, start=100)
        first = SyncEngine(clerk, fetch_forms=False).run_once()
        assert first.ok and first.sent_back == 0
        desk_batch = sent[0].batch_id
        store_batches.close_batch(clerk, desk_batch)
        engine = hub.hub.engine

        [batch] = review.batches(engine, device.device_id)
        with pytest.raises(HubError, match="note is empty"):
            review.send_back_as(hub_store, engine, batch.batch_id, "   ")
        line = review.send_back_as(hub_store, engine, batch.batch_id, NOTE)
        assert (line.sent_back_by, line.note, line.approved) == (OPERATOR, NOTE, False)
        with pytest.raises(HubError, match="already sent back"):
            review.send_back_as(hub_store, engine, batch.batch_id, NOTE)
        with pytest.raises(HubError, match="sent back by"):
            review.approve(engine, batch.batch_id, OPERATOR)

        # The clerk's next sync with the hub: the batch reopens, every record flagged with the note.
        learnt = SyncEngine(clerk, fetch_forms=False).run_once()
        assert learnt.ok and learnt.sent_back == 3
        assert store_batches.get_batch(clerk, desk_batch).status == "open"
        flags = store_review.needing_correction(clerk)
        assert sorted(f.version_id for f in flags) == sorted(v.version_id for v in sent)
        assert {(f.comment, f.sent_by, f.batch_id) for f in flags} == {(NOTE, OPERATOR, desk_batch)}
        again = SyncEngine(clerk, fetch_forms=False).run_once()
        assert again.ok and again.sent_back == 0 and len(store_review.needing_correction(clerk)) == 3

        # The clerk corrects (a record already sent may be edited because it was sent back) and syncs.
        fixed = [
            edit_record(clerk, v, {"full_name": f"Person {100 + n}", "age": 30}) for n, v in enumerate(sent)
        ]
        assert store_review.needing_correction(clerk) == []
        resent = SyncEngine(clerk, fetch_forms=False).run_once()
        assert resent.ok and resent.sent == 3 and resent.sent_back == 0

        old, new = review.batches(engine, device.device_id)
        assert old.batch_id == batch.batch_id and old.sent_back and not new.sent_back
        assert {r.version_id for r in review.records(engine, batch_id=new.batch_id)} == {
            v.version_id for v in fixed
        }
        review.approve(engine, new.batch_id, OPERATOR)
        report = relay_hub(hub_store)
        assert report is not None and report.ok, report
        assert (report.sent, report.approvals) == (6, 1)
        hub_device = load_device(hub_store)
        assert hub_device is not None
        with central.engine() as central_engine, central_engine.connect() as connection:
            approved = dict(
                connection.execute(
                    select(RelayedApprovalRow.version_id, RelayedApprovalRow.hub_batch_id).where(
                        RelayedApprovalRow.hub_device_id == hub_device.device_id
                    )
                ).all()
            )
        assert approved == {v.version_id: new.batch_id for v in fixed}

        # Audited on both sides, ids only: the note is in neither audit log.
        hub_actions, hub_logged = _audit_text(hub_store)
        clerk_actions, clerk_logged = _audit_text(clerk)
        assert "event_hub_batch_sent_back" in hub_actions
        assert {"batch_sent_back", "record_sent_back", "record_corrected"} <= clerk_actions
        assert batch.batch_id in hub_logged and batch.batch_id in clerk_logged
        for logged in (hub_logged, clerk_logged):
            assert "mistyped" not in logged and "5550101" not in logged
