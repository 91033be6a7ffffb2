"""The hub's review: every laptop's records (per laptop, counts, the records), the supervisor's approval
of a batch, and the approval relayed to the central server, which records who approved it on the hub,
once (a relay run again, or the same approvals replayed, records nothing more)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from sync.client.state import load_device
from sync.client.transport import Transport, TransportError
from sync.hub import review
from sync.hub.place import HubError
from sync.hub.relay import relay_hub
from sync.server.auth import utcnow
from sync.server.db import session_factory, transaction
from sync.server.hub_models import HubApprovalRow, RelayedApprovalRow
from tests.sync.client.helpers import OPERATOR
from tests.sync.e2e.servers import ServerProcess
from tests.sync.hub.hubs import Event


def _approvals(central: ServerProcess, hub_device_id: str) -> list[tuple[str, str, str]]:
    with central.engine() as engine, engine.connect() as connection:
        rows = connection.execute(
            select(
                RelayedApprovalRow.version_id,
                RelayedApprovalRow.approved_by,
                RelayedApprovalRow.hub_batch_id,
            )
            .where(RelayedApprovalRow.hub_device_id == hub_device_id)
            .order_by(RelayedApprovalRow.version_id)
        ).all()
    return [tuple(row) for row in rows]  # type: ignore[misc]


def test_the_review_lists_every_laptops_records_and_approvals_reach_the_central_server(
    event: Event, central: ServerProcess
) -> None:
    engine = event.hub.hub.engine
    laptops = {line.label: line for line in review.laptops(engine)}
    assert {label: (line.records, line.batches) for label, line in laptops.items()} == {
        "Clerk A": (4, 1),
        "Clerk B": (3, 1),
    }
    everyone = review.records(engine)
    assert sorted(line.answers["full_name"] for line in everyone) == sorted(
        [f"Person {100 + n}" for n in range(4)] + [f"Person {200 + n}" for n in range(3)]
    )
    only_b = review.records(engine, device_id=event.clerks["Clerk B"])
    assert {line.laptop for line in only_b} == {"Clerk B"} and len(only_b) == 3
    assert {line.operator for line in only_b} == {OPERATOR}

    batch_a, batch_b = (review.batches(engine, event.clerks[label])[0] for label in ("Clerk A", "Clerk B"))
    assert not batch_a.approved and batch_a.records == 4
    approved = review.approve(engine, batch_a.batch_id, "supervisor 1")
    assert (approved.approved_by, approved.approval_relayed) == ("supervisor 1", False)
    with pytest.raises(HubError, match="already approved by supervisor 1"):
        review.approve(engine, batch_a.batch_id, "someone else")
    with pytest.raises(HubError, match="not on the hub"):
        review.approve(engine, "00000000-0000-4000-8000-000000000000", "supervisor 1")

    report = relay_hub(event.store)
    assert report is not None and report.ok, report
    assert (report.sent, report.approvals, report.approvals_waiting) == (7, 1, 0)
    hub_device = load_device(event.store)
    assert hub_device is not None
    batch_a_versions = sorted(line.version_id for line in review.records(engine, batch_id=batch_a.batch_id))
    assert _approvals(central, hub_device.device_id) == [
        (version_id, "supervisor 1", batch_a.batch_id) for version_id in batch_a_versions
    ]
    assert review.batches(engine, event.clerks["Clerk A"])[0].approval_relayed

    # Batch B approved after its records were relayed: the next relay carries only the approval.
    review.approve(engine, batch_b.batch_id, "supervisor 2")
    later = relay_hub(event.store)
    assert later is not None and (later.sent, later.approvals) == (0, 1)
    recorded = _approvals(central, hub_device.device_id)
    assert len(recorded) == 7 and {row[1] for row in recorded} == {"supervisor 1", "supervisor 2"}
    nothing = relay_hub(event.store)
    assert nothing is not None and (nothing.sent, nothing.approvals) == (0, 0)

    # An approved batch none of whose records the hub kept (all refused there) holds up nothing.
    with transaction(session_factory(engine)) as session:
        session.add(
            HubApprovalRow(
                batch_id="22222222-2222-4222-8222-222222222222",
                device_id=event.clerks["Clerk A"],
                approved_by="supervisor 1",
                approved_at=utcnow(),
            )
        )
    empty = relay_hub(event.store)
    assert empty is not None and empty.ok and (empty.approvals_waiting, empty.approvals) == (0, 0)

    # The same approval replayed (a lost answer) records nothing more; a version this device did not
    # send is not recorded; a malformed approval is one sentence.
    body = {
        "approvals": [
            {
                "batch_id": batch_a.batch_id,
                "approved_by": "supervisor 1",
                "approved_at": "2026-12-07T10:00:00+00:00",
                "version_ids": [*batch_a_versions, "11111111-1111-4111-8111-111111111111"],
            }
        ]
    }
    with Transport(central.url, ca_bundle=hub_device.ca_bundle, pinned_sha256=hub_device.pinned_sha256) as t:
        assert t.hub_approvals(body, hub_device.credential or "") == {
            "recorded": 0,
            "already": 4,
            "not_relayed": 1,
        }
        body["approvals"][0]["approved_by"] = "Person 100, +1 612 555 0100"
        with pytest.raises(TransportError) as refused:
            t.hub_approvals(body, hub_device.credential or "")
        assert "Traceback" not in refused.value.message
    assert len(_approvals(central, hub_device.device_id)) == 7
