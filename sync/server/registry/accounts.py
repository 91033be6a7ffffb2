"""Staff accounts: roles, Argon2id password hashes, login throttling (the desk's rules), TOTP for admins.

Login throttling is the desk's (forms.store.lockout): attempts 1-3 are free, then 30 s doubling up to
15 min between attempts, and after 10 wrong passwords in a row only an admin (`user passwd`) unlocks the
account. The count lives on the account row, so every worker process sees the same one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime

import pyotp
from cryptography.exceptions import InvalidKey
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from sqlalchemy import select
from sqlalchemy.orm import Session

from forms.errors import DeskError
from forms.store.errors import WeakPassphraseError
from forms.store.kdf import test_fast_enabled
from forms.store.lockout import LOCKOUT_AFTER, delay_after
from forms.store.passphrase import check_passphrase
from sync.server.auth import as_utc, utcnow
from sync.server.models import RegistryAccountRow, RegistrySessionRow

ROLES = ("admin", "registrar", "analyst")
LANGUAGES = ("en", "fr", "pt")
# OWASP's Argon2id floor is 19 MiB, t=2; a login is rare, so spend more (about 0.3 s here).
MEMORY_KIB, ITERATIONS = 64 * 1024, 3
# A hash that no password matches, verified when the username is unknown so both cases cost the same.
_DUMMY_HASH = (
    "$argon2id$v=19$m=8192,t=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
)


class AccountError(DeskError):
    """An account action that cannot be done as asked (one sentence)."""


@dataclass(frozen=True)
class Account:
    id: int
    username: str
    role: str
    language: str
    disabled: bool
    totp: bool

    @classmethod
    def of(cls, row: RegistryAccountRow) -> Account:
        return cls(row.id, row.username, row.role, row.language, row.disabled, row.totp_secret is not None)


def hash_password(password: str) -> str:
    memory, iterations = (8 * 1024, 1) if test_fast_enabled() else (MEMORY_KIB, ITERATIONS)
    kdf = Argon2id(salt=os.urandom(16), length=32, iterations=iterations, lanes=1, memory_cost=memory)
    return kdf.derive_phc_encoded(password.encode("utf-8"))


def password_matches(password: str, encoded: str) -> bool:
    try:
        Argon2id.verify_phc_encoded(password.encode("utf-8"), encoded)
    except (InvalidKey, ValueError):
        return False
    return True


def _check_username(username: str) -> str:
    name = username.strip()
    if not name or len(name) > 64 or not all(c.isalnum() or c in "._-@" for c in name):
        raise AccountError("A username is 1-64 letters, digits, dots, dashes, underscores or @.")
    return name


def _check_password(password: str) -> None:
    try:
        check_passphrase(password)
    except WeakPassphraseError as exc:
        raise AccountError(exc.message.replace("passphrase", "password")) from None


def find(session: Session, username: str) -> RegistryAccountRow | None:
    return session.scalar(select(RegistryAccountRow).where(RegistryAccountRow.username == username.strip()))


def require(session: Session, username: str) -> RegistryAccountRow:
    row = find(session, username)
    if row is None:
        raise AccountError(
            f"No registry account is named {username.strip()}; see `diaspora-server user list`."
        )
    return row


def add(session: Session, username: str, role: str, password: str, language: str = "en") -> Account:
    name = _check_username(username)
    if role not in ROLES:
        raise AccountError("The role is admin, registrar or analyst.")
    if language not in LANGUAGES:
        raise AccountError("The language is en, fr or pt.")
    _check_password(password)
    if find(session, name) is not None:
        raise AccountError(f"A registry account named {name} already exists.")
    now = utcnow()
    row = RegistryAccountRow(
        username=name,
        role=role,
        password_hash=hash_password(password),
        language=language,
        disabled=False,
        totp_secret=None,
        failures=0,
        last_failure_at=None,
        created_at=now,
        password_changed_at=now,
    )
    session.add(row)
    session.flush()
    return Account.of(row)


def list_accounts(session: Session) -> list[Account]:
    rows = session.scalars(select(RegistryAccountRow).order_by(RegistryAccountRow.username)).all()
    return [Account.of(row) for row in rows]


def end_sessions(session: Session, account_id: int) -> None:
    for row in session.scalars(select(RegistrySessionRow).where(RegistrySessionRow.account_id == account_id)):
        session.delete(row)


def disable(session: Session, username: str) -> Account:
    row = require(session, username)
    row.disabled = True
    end_sessions(session, row.id)
    return Account.of(row)


def set_password(session: Session, username: str, password: str) -> Account:
    """A new password also clears the failed-login count (the unlock after a lockout) and ends sessions."""
    row = require(session, username)
    _check_password(password)
    row.password_hash = hash_password(password)
    row.password_changed_at = utcnow()
    row.failures = 0
    row.last_failure_at = None
    end_sessions(session, row.id)
    return Account.of(row)


def set_language(session: Session, account_id: int, language: str) -> None:
    if language not in LANGUAGES:
        raise AccountError("The language is en, fr or pt.")
    row = session.get(RegistryAccountRow, account_id)
    if row is not None:
        row.language = language


def enable_totp(session: Session, username: str) -> tuple[Account, str]:
    """Admins only: a new TOTP secret (returned once, for the authenticator app)."""
    row = require(session, username)
    if row.role != "admin":
        raise AccountError("A second factor is for admin accounts.")
    secret = pyotp.random_base32()
    row.totp_secret = secret
    return Account.of(row), pyotp.TOTP(secret).provisioning_uri(
        name=row.username, issuer_name="Diaspora registry"
    )


@dataclass(frozen=True)
class LoginOutcome:
    account: Account | None
    reason: str  # ok | wrong | wait | locked | disabled | code | address (too many from one address)
    wait_seconds: int = 0


def seconds_to_wait(row: RegistryAccountRow, now: datetime) -> int:
    delay = delay_after(row.failures)
    if delay == 0 or row.last_failure_at is None:
        return 0
    since = (now - as_utc(row.last_failure_at)).total_seconds()
    if since < 0:  # the clock went back: do not let that shorten the delay
        return delay
    return max(0, round(delay - since))


def attempt_login(session: Session, username: str, password: str, code: str = "") -> LoginOutcome:
    """Check a login inside the caller's transaction (which locks the row on PostgreSQL)."""
    row = session.scalar(
        select(RegistryAccountRow).where(RegistryAccountRow.username == username.strip()).with_for_update()
    )
    if row is None:
        password_matches(password, _DUMMY_HASH)
        return LoginOutcome(None, "wrong")
    now = utcnow()
    if row.failures >= LOCKOUT_AFTER:
        return LoginOutcome(None, "locked")
    wait = seconds_to_wait(row, now)
    if wait > 0:
        return LoginOutcome(None, "wait", wait)
    good = password_matches(password, row.password_hash)
    if good and row.totp_secret is not None:
        good = bool(code.strip()) and pyotp.TOTP(row.totp_secret).verify(code.strip(), valid_window=1)
        reason = "code"
    else:
        reason = "wrong"
    if not good:
        row.failures += 1
        row.last_failure_at = now
        if row.failures >= LOCKOUT_AFTER:
            return LoginOutcome(None, "locked")
        return LoginOutcome(None, reason, delay_after(row.failures))
    if row.disabled:
        return LoginOutcome(None, "disabled")
    row.failures = 0
    row.last_failure_at = None
    return LoginOutcome(Account.of(row), "ok")
