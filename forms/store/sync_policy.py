"""Whether records wait for their batch's end-of-day approval before they sync.

Some programmes want a supervisor to approve a day's batch before anything leaves the laptop (as
MOSIP's registration client does); others want records on the server as soon as possible. The choice is
a supervisor's setting kept in the store; sync reads it through ``syncable_batch_filter``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.sql.elements import ColumnElement

from . import audit
from ._session import StoreOrSession, transaction
from .errors import NotAllowedError
from .schema import BATCH_APPROVED, BATCH_SYNCED, BatchRow, OutboxRow, RecordRow, SettingRow

ONLY_APPROVED_SETTING = "sync.only_approved_batches"


def only_approved_batches_sync(target: StoreOrSession) -> bool:
    with transaction(target, read_only=True) as session:
        row = session.get(SettingRow, ONLY_APPROVED_SETTING)
        return row is not None and row.value == "1"


def set_only_approved_batches_sync(store: Any, enabled: bool) -> None:
    """Supervisors only; audited (the setting, never a record)."""
    if not store.operator.is_supervisor:
        raise NotAllowedError("Only a supervisor may decide which batches sync.")
    with transaction(store) as session:
        session.merge(SettingRow(key=ONLY_APPROVED_SETTING, value="1" if enabled else "0"))
        audit.append(session, "sync_policy_set", details={"only_approved_batches": enabled})


def syncable_batch_filter(
    target: StoreOrSession, *, carries_files: bool = False
) -> ColumnElement[bool] | None:
    """A WHERE clause on OutboxRow that keeps only rows whose batch may sync now, or None for all.

    ``carries_files``: whether the consumer sends the attached files of the records too. Sync with our
    server (or an event hub) does (sync/client/files.py: each file before the batch naming it). Sealed
    batch files and OpenRosa destinations (ODK Central, KoboToolbox) do not carry files yet, so for them
    the records of a form with attachment questions are held; ``forms.store.attachments`` says so."""
    from .attachments import attachment_form_ids

    conditions: list[ColumnElement[bool]] = []
    if only_approved_batches_sync(target):
        approved = select(BatchRow.id).where(BatchRow.status.in_((BATCH_APPROVED, BATCH_SYNCED)))
        conditions.append(OutboxRow.batch_id.in_(approved))
    with_files = [] if carries_files else attachment_form_ids(target)
    if with_files:
        kept = select(RecordRow.version_id).where(RecordRow.form_id.in_(with_files))
        conditions.append(OutboxRow.version_id.not_in(kept))
    if not conditions:
        return None
    return and_(*conditions) if len(conditions) > 1 else conditions[0]
