"""Functions of the domain API take a ``Store`` (one transaction of their own) or a ``Session`` (the
caller's transaction, so several calls commit together)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from typing import TypeAlias

    from .store import Operator, Store

    StoreOrSession: TypeAlias = Store | Session
else:
    StoreOrSession = object


@contextmanager
def transaction(target: StoreOrSession, *, read_only: bool = False) -> Iterator[Session]:
    """The caller's session as is, or a new one from the store (deferred when ``read_only``)."""
    if isinstance(target, Session):
        yield target
        return
    with target.session(read_only=read_only) as session:  # type: ignore[attr-defined]
        yield session


def operator_of(session: Session) -> Operator:
    return session.info["operator"]  # type: ignore[no-any-return]


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")
