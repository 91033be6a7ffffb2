"""What the status bar shows, read on the store lane: operator, open batch, records waiting, last sync."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from desktop.windows.main_window import DeskStatus
from forms.store.current_batch import current_batch
from forms.store.outbox import last_sent_at
from forms.store.stats import counts

if TYPE_CHECKING:
    from forms.store import Store


def read_desk_status(store: Store) -> DeskStatus:
    """Runs on the store lane (never on the GUI thread): a few small SQL queries in one session."""
    with store.session() as session:
        waiting = counts(session).waiting_to_sync
        open_batch = current_batch(session)  # the one the registration page fills, never another
        # The last acknowledged send is the last sync that reached the server.
        last_sent = last_sent_at(session)
    return DeskStatus(
        operator_name=store.operator.name,
        operator_role=store.operator.role,
        open_batch=open_batch.name if open_batch else None,
        waiting_to_sync=waiting,
        last_sync=_parse_time(last_sent),
    )


def _parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment.astimezone() if moment.tzinfo else moment  # shown in the laptop's local time
