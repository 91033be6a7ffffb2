"""Erasure notices for the laptops: ``GET /v1/erasures?since=ID`` (device credential).

Every active device may read them: a notice is a record id (a random UUID) and a cursor, nothing
personal, and a laptop may hold a record it did not make (a hub, a restored store). The laptop erases
each record it holds and keeps the cursor (sync/client/protection.py).
"""

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from sync.server.protection.models import ErasureRow

ERASURES_PATH = "/v1/erasures"
PAGE = 1000


class ErasureNotice(BaseModel):
    id: int
    record_id: str


class ErasureNotices(BaseModel):
    erasures: list[ErasureNotice]
    next: int  # the cursor to send as ``since`` next time
    more: bool


def notices_since(session: Session, since: int, limit: int = PAGE) -> ErasureNotices:
    rows = list(
        session.execute(
            select(ErasureRow.id, ErasureRow.record_id)
            .where(ErasureRow.id > since)
            .order_by(ErasureRow.id)
            .limit(limit + 1)
        )
    )
    more = len(rows) > limit
    rows = rows[:limit]
    return ErasureNotices(
        erasures=[ErasureNotice(id=r.id, record_id=r.record_id) for r in rows],
        next=rows[-1].id if rows else since,
        more=more,
    )


def register(app: FastAPI, factory: sessionmaker[Session], device: Callable[..., Any], errors: Any) -> None:
    @app.get(
        ERASURES_PATH,
        response_model=ErasureNotices,
        responses={401: {"model": errors}, 403: {"model": errors}},
        tags=["sync"],
    )
    def erasures(
        _device: Annotated[Any, Depends(device)],
        since: Annotated[int, Query(ge=0, le=2**31 - 1)] = 0,  # the id column is a 32-bit integer
    ) -> ErasureNotices:
        with factory() as session:
            return notices_since(session, since)
