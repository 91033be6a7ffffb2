"""Which batch an operator is filling: chosen by the operator, remembered in the store, never moved by
anything else (an import into a new batch, a lock, another operator's batch).

Kept as a setting per operator (``current_batch:<name>``); an empty value means "none chosen". Until
an operator has chosen (a store from before this setting, or a batch opened outside the desk), the
current batch is their most recently opened batch still open; the registration page pins it at
unlock (``remember=True``), so nothing opened later moves it. When none is open then, "none" is
pinned: a batch an import opens afterwards is not current until the operator chooses it, so the page
header and the status bar (which reads without ``remember``) never name different batches. A batch
that was closed meanwhile (by a supervisor, on another screen) is no longer current: the desk says
"no open batch" rather than quietly picking another.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import audit
from ._session import StoreOrSession, operator_of, transaction
from .batches import BatchInfo, current_open_batch
from .errors import BatchStateError, RecordNotFoundError
from .schema import BATCH_OPEN, BatchRow, SettingRow

_PREFIX = "current_batch:"


def _key(session: Session) -> str:
    return _PREFIX + operator_of(session).name


def current_batch(target: StoreOrSession, *, remember: bool = False) -> BatchInfo | None:
    """The current operator's batch, if one is chosen and still open; ``remember`` pins the batch
    found when none was chosen yet (or "none" when there is none)."""
    with transaction(target) as session:
        setting = session.get(SettingRow, _key(session))
        if setting is None:
            found = current_open_batch(session, mine=True)
            if remember:  # pinned, also as "none": a batch opened later (an import) never becomes current
                session.add(SettingRow(key=_key(session), value=found.id if found is not None else ""))
            return found
        row = session.get(BatchRow, setting.value) if setting.value else None
        return BatchInfo.of(row) if row is not None and row.status == BATCH_OPEN else None


def choose_current_batch(target: StoreOrSession, batch_id: str | None) -> BatchInfo | None:
    """The operator chose a batch to fill (an open one), or none (``None``)."""
    with transaction(target) as session:
        info = None
        if batch_id is not None:
            row = session.get(BatchRow, batch_id)
            if row is None:
                raise RecordNotFoundError("That batch does not exist in this store.")
            if row.status != BATCH_OPEN:
                raise BatchStateError(f"The batch is {row.status}; only an open batch can be filled.")
            info = BatchInfo.of(row)
        setting = session.get(SettingRow, _key(session))
        if setting is None:
            session.add(SettingRow(key=_key(session), value=batch_id or ""))
        else:
            setting.value = batch_id or ""
        audit.append(session, "current_batch_chosen", details={"batch_id": batch_id or ""})
        return info


def open_and_choose(target: StoreOrSession, name: str, place: str, day: str) -> BatchInfo:
    """A new batch, at once the one this operator fills (one transaction)."""
    from .batches import open_batch

    with transaction(target) as session:
        batch = open_batch(session, name, place, day)
        choose_current_batch(session, batch.id)
        return batch


def close_current(target: StoreOrSession, batch_id: str) -> None:
    """Close the batch; the operator then fills none until they open or choose one."""
    from .batches import close_batch

    with transaction(target) as session:
        close_batch(session, batch_id)
        choose_current_batch(session, None)


def open_batches_of_operator(target: StoreOrSession) -> list[BatchInfo]:
    """The operator's open batches, newest first: what the batch switcher offers."""
    with transaction(target, read_only=True) as session:
        rows = session.scalars(
            select(BatchRow)
            .where(BatchRow.status == BATCH_OPEN, BatchRow.operator == operator_of(session).name)
            .order_by(BatchRow.opened_at.desc())
        )
        return [BatchInfo.of(row) for row in rows]
