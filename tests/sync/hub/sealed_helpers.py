"""How many records a laptop still has to send (the sealed-file tests)."""

from __future__ import annotations

from forms.store import Store
from sync.client.batching import pending_count


def pending(store: Store) -> int:
    with store.session() as session:
        return pending_count(session)
