"""Browser sessions, kept in the database (several workers, nothing in process memory).

The cookie carries a random token; the table keeps only its SHA-256, the account, a CSRF token and when
the session was last used. A session idle for IDLE_MINUTES, or older than MAX_HOURS, is over.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from sync.server.auth import as_utc, new_token, token_hash, utcnow
from sync.server.models import RegistryAccountRow, RegistryApiTokenRow, RegistrySessionRow
from sync.server.registry.accounts import Account

COOKIE = "dd_registry"
IDLE_MINUTES = 30
MAX_HOURS = 12
TOUCH_SECONDS = 60  # write last_seen_at at most once a minute per session


@dataclass(frozen=True)
class SignedIn:
    account: Account
    csrf_token: str
    token_hash: str


def start(session: Session, account: Account) -> str:
    """A new session for the account; returns the cookie value (shown once, kept only as a hash)."""
    token = new_token()
    now = utcnow()
    session.add(
        RegistrySessionRow(
            token_hash=token_hash(token),
            account_id=account.id,
            csrf_token=secrets.token_urlsafe(32),
            created_at=now,
            last_seen_at=now,
        )
    )
    return token


def lookup(session: Session, token: str | None) -> SignedIn | None:
    """The live session for a cookie value, touched; None (and the row gone) when over or unknown."""
    if not token or len(token) > 200:
        return None
    hashed = token_hash(token)
    found = session.execute(
        select(RegistrySessionRow, RegistryAccountRow)
        .join(RegistryAccountRow, RegistryAccountRow.id == RegistrySessionRow.account_id)
        .where(RegistrySessionRow.token_hash == hashed)
    ).first()
    if found is None:
        return None
    row, account = found
    now = utcnow()
    idle = now - as_utc(row.last_seen_at)
    if (
        account.disabled
        or idle > timedelta(minutes=IDLE_MINUTES)
        or now - as_utc(row.created_at) > timedelta(hours=MAX_HOURS)
    ):
        session.delete(row)
        return None
    if idle > timedelta(seconds=TOUCH_SECONDS):
        row.last_seen_at = now
    return SignedIn(Account.of(account), row.csrf_token, hashed)


def end(session: Session, hashed: str) -> None:
    session.execute(delete(RegistrySessionRow).where(RegistrySessionRow.token_hash == hashed))


def csrf_ok(signed_in: SignedIn, sent: str | None) -> bool:
    return bool(sent) and hmac.compare_digest(signed_in.csrf_token, str(sent))


def new_api_token(session: Session, account: Account) -> str:
    token = new_token()
    session.add(RegistryApiTokenRow(token_hash=token_hash(token), account_id=account.id, created_at=utcnow()))
    return token


def account_for_api_token(session: Session, token: str) -> Account | None:
    if not token or len(token) > 200:
        return None
    row = session.scalar(
        select(RegistryAccountRow)
        .join(RegistryApiTokenRow, RegistryApiTokenRow.account_id == RegistryAccountRow.id)
        .where(RegistryApiTokenRow.token_hash == token_hash(token))
    )
    if row is None or row.disabled:
        return None
    return Account.of(row)
