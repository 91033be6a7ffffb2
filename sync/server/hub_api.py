"""POST /v1/hub/approvals: an event hub relays its supervisor's batch approvals to the central server.

On the hub the supervisor approves the batches the clerks' laptops sent (sync/hub/review.py); when the
hub laptop relays (sync/hub/relay.py), after the record versions themselves, it sends each approval:
who approved (the supervisor's operator name on the hub), when, and the version ids of the batch. The
central server records them per version (``relayed_approvals``), once: a version already recorded is
left as it is, so a replay after a lost answer changes nothing. A device may approve only versions it
sent itself (the ones it relayed); other version ids are counted as ``not_relayed`` and not recorded.
"""

# No `from __future__ import annotations` here: FastAPI resolves the route's local Device alias.
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, FastAPI
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from sync import protocol as p
from sync.server.auth import utcnow
from sync.server.db import transaction
from sync.server.hub_models import RelayedApprovalRow
from sync.server.models import RecordVersionRow

_UUID = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
_OPERATOR = r"^[^\W_][\w .@'-]{0,63}$"  # the desk's rule for an operator name (forms/store/store.py)
MAX_APPROVALS = 50


class HubApproval(BaseModel):
    model_config = ConfigDict(extra="forbid")

    batch_id: str = Field(pattern=_UUID, description="The clerk laptop's batch as the hub received it.")
    approved_by: str = Field(pattern=_OPERATOR, description="The supervisor's operator name on the hub.")
    approved_at: datetime = Field(description="When the supervisor approved it, with its offset.")
    version_ids: list[Annotated[str, Field(pattern=_UUID)]] = Field(
        min_length=1, max_length=p.MAX_BATCH_RECORDS
    )


class HubApprovalsRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    approvals: list[HubApproval] = Field(min_length=1, max_length=MAX_APPROVALS)


class HubApprovalsResponse(BaseModel):
    recorded: int = Field(description="Versions whose approval was recorded now.")
    already: int = Field(description="Versions whose approval was recorded before (a replay).")
    not_relayed: int = Field(description="Versions this device did not send; not recorded.")


def register(app: FastAPI, factory: sessionmaker[Session], device_dependency: Any, error_model: Any) -> None:
    Device = Annotated[Any, Depends(device_dependency)]
    errors: dict[int | str, dict[str, Any]] = {s: {"model": error_model} for s in (401, 403, 422)}

    @app.post(p.HUB_APPROVALS_PATH, response_model=HubApprovalsResponse, responses=errors, tags=["sync"])
    async def hub_approvals(request: HubApprovalsRequest, device: Device) -> HubApprovalsResponse:
        try:
            return await run_in_threadpool(record_approvals, factory, device.device_id, request)
        except IntegrityError:  # the same approvals replayed at the same moment: the second finds them
            return await run_in_threadpool(record_approvals, factory, device.device_id, request)


def record_approvals(
    factory: sessionmaker[Session], hub_device_id: str, request: HubApprovalsRequest
) -> HubApprovalsResponse:
    recorded = already = not_relayed = 0
    now = utcnow()
    with transaction(factory) as session:
        for approval in request.approvals:
            wanted = sorted({v.lower() for v in approval.version_ids})
            sent_here = set(
                session.scalars(
                    select(RecordVersionRow.version_id).where(
                        RecordVersionRow.version_id.in_(wanted), RecordVersionRow.device_id == hub_device_id
                    )
                )
            )
            known = set(
                session.scalars(
                    select(RelayedApprovalRow.version_id).where(RelayedApprovalRow.version_id.in_(wanted))
                )
            )
            for version_id in wanted:
                if version_id not in sent_here:
                    not_relayed += 1
                elif version_id in known:
                    already += 1
                else:
                    session.add(
                        RelayedApprovalRow(
                            version_id=version_id,
                            hub_device_id=hub_device_id,
                            hub_batch_id=approval.batch_id.lower(),
                            approved_by=approval.approved_by,
                            approved_at=approval.approved_at,
                            recorded_at=now,
                        )
                    )
                    recorded += 1
    return HubApprovalsResponse(recorded=recorded, already=already, not_relayed=not_relayed)
