"""An event hub applies the central server's erasure notices to the copies it holds.

A hub is a server of its own (SQLite, SQLCipher) that keeps what the clerks' laptops sent it and relays
it to the central server. When the central registry erases a record (a registrar, retention, another
laptop's tombstone), the hub laptop's next sync reads the central server's notices (GET /v1/erasures,
its own device credential; sync/client/protection.py) and hands them here: each record the hub holds is
erased there as on the central server (every version, relay row, duplicate key; audited, WAL truncated
after), and a record it does not hold gets a notice row all the same. Either way the hub's own
``/v1/erasures`` then lists it, so a clerk's laptop that syncs only with the hub erases its copy too, and
a late copy a laptop sends the hub is answered ``duplicate`` and never relayed.
"""

from __future__ import annotations

from sqlalchemy import Engine, select

from sync.server.auth import utcnow
from sync.server.db import session_factory, transaction
from sync.server.models import RecordRow
from sync.server.protection.erase import checkpoint, erase_record
from sync.server.protection.models import ErasureRow

SOURCE = "central"
ACTOR = "central server"
REASON = "erased on the central server"


def apply_central_erasures(hub: Engine, notices: list[tuple[int, str]]) -> int:
    """Erase (or mark) every notified record on the hub; returns how many records the hub held."""
    held = 0
    factory = session_factory(hub)
    with transaction(factory) as session:
        for _notice, record_id in sorted(notices):
            if session.scalar(select(ErasureRow.id).where(ErasureRow.record_id == record_id)) is not None:
                continue  # erased here already (a tombstone the hub received, an earlier notice)
            if session.get(RecordRow, record_id) is not None:
                erase_record(session, record_id, actor=ACTOR, source=SOURCE, reason=REASON)
                held += 1
            else:
                session.add(
                    ErasureRow(
                        record_id=record_id,
                        form_id="",
                        erased_at=utcnow(),
                        erased_by=ACTOR,
                        source=SOURCE,
                        reason=REASON,
                        versions=0,
                    )
                )
    if held:
        checkpoint(hub)
    return held
